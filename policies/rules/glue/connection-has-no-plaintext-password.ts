import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
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

export const rule = resourceRule(
    {
        name: "glue-connection-has-no-plaintext-password",
        service: "glue",
        severity: "critical",
        description: "Glue connections hold no plain-text PASSWORD; they reference a secret.",
        why: "A password in connectionProperties is stored in state and shown by the Glue console.",
        remediation: "Store the credentials in Secrets Manager and set SECRET_ID instead of USERNAME/PASSWORD.",
        resourceTypes: ["aws:glue/connection:Connection"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    connectionHasNoPlaintextPassword,
);
