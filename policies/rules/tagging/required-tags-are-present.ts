import { ADVISORY_IN_DEV, resourceRule } from "../../framework/policy-factory";
import taggableTypes from "../../data/aws-taggable-types.json";
import { isPropertyMap, isUnknown, toPropertyMap, valueAt, type PropertyMap, type PropertyValue } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleConfigSpec, RuleResource } from "../../framework/rule-types";

export const DEFAULT_REQUIRED_TAGS = ["environment", "owner", "cost-center", "project"] as const;

export interface RequiredTagsConfig {
    readonly requiredTags: readonly string[];
}

export const requiredTagsConfig: RuleConfigSpec<RequiredTagsConfig> = {
    properties: {
        requiredTags: {
            type: "array",
            items: { type: "string", minLength: 1 },
            default: [...DEFAULT_REQUIRED_TAGS],
            description: "Tag keys every taggable resource must carry, counting the provider's default tags.",
        },
    },
    read(raw: PropertyMap): RequiredTagsConfig {
        const list = raw.requiredTags;
        return {
            requiredTags: Array.isArray(list) ? list.filter((t): t is string => typeof t === "string") : DEFAULT_REQUIRED_TAGS,
        };
    },
};

const TAGGABLE: ReadonlySet<string> = new Set(taggableTypes.types);

/** Provider state stores nested provider config as JSON strings; accept both forms. */
function providerDefaultTags(provider: RuleResource["provider"]): PropertyValue | undefined {
    if (!provider) return undefined;
    let defaultTags: PropertyValue | undefined = provider.props.defaultTags;
    if (typeof defaultTags === "string") {
        try {
            defaultTags = toPropertyMap(JSON.parse(defaultTags) as unknown);
        } catch {
            return undefined;
        }
    }
    return valueAt(defaultTags, "tags");
}

function keysOf(value: PropertyValue | undefined): { keys: string[]; unknown: boolean } {
    if (isUnknown(value)) return { keys: [], unknown: true };
    return { keys: isPropertyMap(value) ? Object.keys(value) : [], unknown: false };
}

/** Every taggable AWS resource carries the required tag keys, in its tags or the provider's default tags. */
export function requiredTagsArePresent(resource: RuleResource, config: RequiredTagsConfig): string[] {
    if (!TAGGABLE.has(resource.type)) return [];
    const sources = [keysOf(resource.props.tagsAll), keysOf(resource.props.tags), keysOf(providerDefaultTags(resource.provider))];
    const present = new Set(sources.flatMap((source) => source.keys));
    const missing = config.requiredTags.filter((tag) => !present.has(tag));
    if (missing.length === 0) return [];
    const subject = resourceLabel(resource);
    if (sources.some((source) => source.unknown)) {
        return [`${subject} must carry the tags ${missing.join(", ")}; its tags are unknown during preview, so they cannot be verified.`];
    }
    return [
        `${subject} must carry the required tags ${config.requiredTags.join(", ")}, but ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing.`,
    ];
}

export const rule = resourceRule(
    {
        name: "tagging-required-tags-are-present",
        service: "tagging",
        severity: "low",
        description: "Every taggable AWS resource carries the required tag keys (its tags or the provider's default tags).",
        why: "Tags attribute cost and ownership and drive access policies.",
        remediation: "Set the tags on the resource or in the provider's defaultTags (aws:defaultTags).",
        resourceTypes: "any",
        enforcement: ADVISORY_IN_DEV,
    },
    requiredTagsArePresent,
    requiredTagsConfig,
);
