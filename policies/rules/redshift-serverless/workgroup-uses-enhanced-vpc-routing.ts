import { describeValue, isTrue } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** A Redshift Serverless workgroup routes COPY/UNLOAD traffic through the VPC (enhancedVpcRouting true). */
export function workgroupUsesEnhancedVpcRouting(resource: RuleResource): string[] {
    if (resource.type !== "aws:redshiftserverless/workgroup:Workgroup") return [];
    const value = resource.props.enhancedVpcRouting;
    return isTrue(value) === "yes"
        ? []
        : [`${resourceLabel(resource)} must set enhancedVpcRouting to true, but it is ${describeValue(value)}.`];
}
