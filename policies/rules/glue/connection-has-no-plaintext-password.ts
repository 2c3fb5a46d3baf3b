import { isUnknown, mapAt } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** A Glue connection's properties carry no PASSWORD; credentials come from Secrets Manager (SECRET_ID). */
export function connectionHasNoPlaintextPassword(resource: RuleResource): string[] {
    if (resource.type !== "aws:glue/connection:Connection") return [];
    const subject = resourceLabel(resource);
    if (isUnknown(resource.props.connectionProperties)) {
        return [
            `${subject} must not hold a plain-text PASSWORD; its connectionProperties are unknown during preview, so they cannot be verified.`,
        ];
    }
    const properties = mapAt(resource.props, "connectionProperties") ?? {};
    return Object.keys(properties)
        .filter((key) => key.toUpperCase() === "PASSWORD")
        .map(
            () =>
                `${subject} must not hold a plain-text PASSWORD in connectionProperties; reference a Secrets Manager secret with SECRET_ID instead.`,
        );
}
