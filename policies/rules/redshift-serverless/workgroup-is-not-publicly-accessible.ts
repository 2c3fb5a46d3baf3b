import { isTrue } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** A Redshift Serverless workgroup is not publicly accessible (publiclyAccessible false or unset). */
export function workgroupIsNotPubliclyAccessible(resource: RuleResource): string[] {
    if (resource.type !== "aws:redshiftserverless/workgroup:Workgroup") return [];
    const subject = resourceLabel(resource);
    switch (isTrue(resource.props.publiclyAccessible)) {
        case "no":
            return [];
        case "yes":
            return [`${subject} must not be publicly accessible, but publiclyAccessible is true.`];
        case "unknown":
            return [`${subject} must not be publicly accessible; publiclyAccessible is unknown during preview, so it cannot be verified.`];
    }
}
