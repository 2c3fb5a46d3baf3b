import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
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

export const rule = resourceRule(
    {
        name: "redshift-serverless-workgroup-is-not-publicly-accessible",
        service: "redshift-serverless",
        severity: "critical",
        description: "Redshift Serverless workgroups are not publicly accessible.",
        why: "A public endpoint exposes the warehouse to the Internet.",
        remediation: "Set publiclyAccessible: false.",
        resourceTypes: ["aws:redshiftserverless/workgroup:Workgroup"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    workgroupIsNotPubliclyAccessible,
);
