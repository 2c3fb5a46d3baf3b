import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { isUnknown } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** A Lambda permission names a principal, never `*`. */
export function permissionIsNotPublic(resource: RuleResource): string[] {
    if (resource.type !== "aws:lambda/permission:Permission") return [];
    const subject = resourceLabel(resource);
    const principal = resource.props.principal;
    if (isUnknown(principal)) return [`${subject} must name its principal; it is unknown during preview, so it cannot be verified.`];
    return principal === "*" ? [`${subject} must not let everyone invoke the function, but its principal is "*".`] : [];
}

export const rule = resourceRule(
    {
        name: "lambda-permission-is-not-public",
        service: "lambda",
        severity: "critical",
        description: "Lambda invoke permissions never name the * principal.",
        why: "A * principal lets anyone invoke the function.",
        remediation: "Name the service or account principal that invokes the function.",
        resourceTypes: ["aws:lambda/permission:Permission"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    permissionIsNotPublic,
);
