import { ADVISORY_IN_DEV, resourceRule } from "../../framework/policy-factory";
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

export const rule = resourceRule(
    {
        name: "redshift-serverless-workgroup-uses-enhanced-vpc-routing",
        service: "redshift-serverless",
        severity: "medium",
        description: "Redshift Serverless workgroups use enhanced VPC routing.",
        why: "COPY/UNLOAD traffic then stays in the VPC and goes through its endpoints and flow logs.",
        remediation: "Set enhancedVpcRouting: true.",
        resourceTypes: ["aws:redshiftserverless/workgroup:Workgroup"],
        enforcement: ADVISORY_IN_DEV,
    },
    workgroupUsesEnhancedVpcRouting,
);
