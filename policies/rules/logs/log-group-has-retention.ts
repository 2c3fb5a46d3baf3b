import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
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
            description: "Shortest retention accepted; each environment sets its profile's retention.",
        },
    },
    environmentDefaults: { dev: { minimumRetentionDays: 14 }, staging: { minimumRetentionDays: 90 }, prod: { minimumRetentionDays: 365 } },
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

export const rule = resourceRule(
    {
        name: "logs-log-group-has-retention",
        service: "logs",
        severity: "low",
        description: "CloudWatch log groups set a retention of at least the configured minimum.",
        why: "Logs kept forever cost money and keep personal data longer than needed; too short loses audit evidence.",
        remediation: "Set retentionInDays (at least 14 in dev, 90 in staging, 365 in prod).",
        resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    logGroupHasRetention,
    retentionConfig,
);
