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
