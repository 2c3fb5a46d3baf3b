import { ADVISORY_IN_DEV, resourceRule } from "../../framework/policy-factory";
import { isTrue, valueAt } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** A DynamoDB table has point-in-time recovery enabled. */
export function tableHasPointInTimeRecovery(resource: RuleResource): string[] {
    if (resource.type !== "aws:dynamodb/table:Table") return [];
    const subject = resourceLabel(resource);
    switch (isTrue(valueAt(resource.props, "pointInTimeRecovery", "enabled"))) {
        case "yes":
            return [];
        case "no":
            return [`${subject} must enable point-in-time recovery (pointInTimeRecovery.enabled true).`];
        case "unknown":
            return [
                `${subject} must enable point-in-time recovery; pointInTimeRecovery.enabled is unknown during preview, so it cannot be verified.`,
            ];
    }
}

export const rule = resourceRule(
    {
        name: "dynamodb-table-has-point-in-time-recovery",
        service: "dynamodb",
        severity: "medium",
        description: "DynamoDB tables have point-in-time recovery enabled.",
        why: "It restores the error log after an accidental overwrite or delete.",
        remediation: "Set pointInTimeRecovery {enabled: true}.",
        resourceTypes: ["aws:dynamodb/table:Table"],
        enforcement: ADVISORY_IN_DEV,
    },
    tableHasPointInTimeRecovery,
);
