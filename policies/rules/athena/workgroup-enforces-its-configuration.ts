import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { describeValue, isTrue, valueAt } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** An Athena workgroup enforces its configuration, so clients cannot override result location or encryption. */
export function workgroupEnforcesItsConfiguration(resource: RuleResource): string[] {
    if (resource.type !== "aws:athena/workgroup:Workgroup") return [];
    const value = valueAt(resource.props, "configuration", "enforceWorkgroupConfiguration");
    // AWS defaults enforceWorkgroupConfiguration to true when the configuration block omits it.
    if (value === undefined || isTrue(value) === "yes") return [];
    return [`${resourceLabel(resource)} must set configuration.enforceWorkgroupConfiguration to true, but it is ${describeValue(value)}.`];
}

export const rule = resourceRule(
    {
        name: "athena-workgroup-enforces-its-configuration",
        service: "athena",
        severity: "medium",
        description: "Athena workgroups enforce their configuration so clients cannot override result location or encryption.",
        why: "Otherwise a client setting can write unencrypted results elsewhere.",
        remediation: "Set configuration.enforceWorkgroupConfiguration: true.",
        resourceTypes: ["aws:athena/workgroup:Workgroup"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    workgroupEnforcesItsConfiguration,
);
