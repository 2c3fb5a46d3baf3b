import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { describeValue, isPropertyMap, isUnknown, listAt, type PropertyValue } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** A Redshift Serverless workgroup sets the require_ssl config parameter to true. */
export function workgroupRequiresSsl(resource: RuleResource): string[] {
    if (resource.type !== "aws:redshiftserverless/workgroup:Workgroup") return [];
    const subject = resourceLabel(resource);
    if (isUnknown(resource.props.configParameters)) {
        return [`${subject} must set require_ssl to true; configParameters is unknown during preview, so it cannot be verified.`];
    }
    const parameter = (listAt(resource.props.configParameters) ?? [])
        .filter(isPropertyMap)
        .find((entry) => entry.parameterKey === "require_ssl");
    const value: PropertyValue | undefined = parameter?.parameterValue;
    if (value === "true" || value === true) return [];
    return [`${subject} must set the config parameter require_ssl to "true", but it is ${describeValue(value)}.`];
}

export const rule = resourceRule(
    {
        name: "redshift-serverless-workgroup-requires-ssl",
        service: "redshift-serverless",
        severity: "high",
        description: "Redshift Serverless workgroups set the require_ssl parameter to true.",
        why: "Without it clients may connect unencrypted.",
        remediation: 'Add {parameterKey: "require_ssl", parameterValue: "true"} to configParameters.',
        resourceTypes: ["aws:redshiftserverless/workgroup:Workgroup"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    workgroupRequiresSsl,
);
