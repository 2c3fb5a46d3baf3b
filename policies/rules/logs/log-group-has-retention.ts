import type { PropertyMap } from "../../framework/property-values";
import { describeValue, isUnknown } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleConfigSpec, RuleResource } from "../../framework/rule-types";

export interface RetentionConfig {
    readonly minimumRetentionDays: number;
}

export const retentionConfig: RuleConfigSpec<RetentionConfig> = {
    properties: {
        minimumRetentionDays: {
            type: "integer",
            minimum: 1,
            default: 1,
            description: "Shortest retention accepted (the stack configs set 14 for dev and 365 for prod).",
        },
    },
    read(raw: PropertyMap): RetentionConfig {
        const days = raw.minimumRetentionDays;
        return { minimumRetentionDays: typeof days === "number" ? days : 1 };
    },
};

/** A CloudWatch log group sets retentionInDays (never "keep forever") of at least the configured minimum. */
export function logGroupHasRetention(resource: RuleResource, config: RetentionConfig): string[] {
    if (resource.type !== "aws:cloudwatch/logGroup:LogGroup") return [];
    const subject = resourceLabel(resource);
    const days = resource.props.retentionInDays;
    if (isUnknown(days)) return [`${subject} must set retentionInDays; it is unknown during preview, so it cannot be verified.`];
    if (typeof days !== "number" || days <= 0) {
        return [
            `${subject} must set retentionInDays to at least ${config.minimumRetentionDays}, but it is ${describeValue(days)} (kept forever).`,
        ];
    }
    return days < config.minimumRetentionDays
        ? [`${subject} must keep logs for at least ${config.minimumRetentionDays} days, but retentionInDays is ${days}.`]
        : [];
}
