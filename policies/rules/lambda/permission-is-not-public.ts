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
