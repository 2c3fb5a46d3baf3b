import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import type { PropertyMap } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import { DEFAULT_DATA_BEARING_TYPES } from "./data-bearing-types";
import { RuleNotApplicable, type Environment, type RuleConfigSpec, type RuleResource } from "../../framework/rule-types";

export interface RetentionConfig {
    readonly environment: Environment;
    readonly dataBearingTypes: readonly string[];
}

export const dataProtectionConfig: RuleConfigSpec<RetentionConfig> = {
    properties: {
        environment: {
            type: "string",
            enum: ["dev", "staging", "prod"],
            default: "prod",
            description: "The stack's environment; the rule applies to prod only. Defaults to prod so a missing setting is strict.",
        },
        dataBearingTypes: {
            type: "array",
            items: { type: "string" },
            default: [...DEFAULT_DATA_BEARING_TYPES],
            description: "Resource types that hold data and must survive a pulumi destroy or replacement in prod.",
        },
    },
    environmentDefaults: { dev: { environment: "dev" }, staging: { environment: "staging" }, prod: { environment: "prod" } },
    read(raw: PropertyMap): RetentionConfig {
        const environment = raw.environment === "dev" || raw.environment === "staging" ? raw.environment : "prod";
        const types = raw.dataBearingTypes;
        return {
            environment,
            dataBearingTypes: Array.isArray(types) ? types.filter((t): t is string => typeof t === "string") : DEFAULT_DATA_BEARING_TYPES,
        };
    },
};

/**
 * In prod every data-bearing resource is `protect`ed or `retainOnDelete`. The analyzer protocol
 * carries only `protect`, so under `pulumi preview` protect is what proves it; the offline
 * runner also sees retainOnDelete from the stack document.
 */
export function prodDataResourcesAreRetained(resource: RuleResource, config: RetentionConfig): string[] {
    if (config.environment !== "prod") throw new RuleNotApplicable(`The stack environment is ${config.environment}.`);
    if (!config.dataBearingTypes.includes(resource.type)) return [];
    if (resource.opts.protect || resource.opts.retainOnDelete) return [];
    return [
        `${resourceLabel(resource)} holds data in prod and must be protected or retained on delete (resource option protect or retainOnDelete).`,
    ];
}

export const rule = resourceRule(
    {
        name: "data-protection-prod-data-resources-are-retained",
        service: "data-protection",
        severity: "high",
        description: "In prod every data-bearing resource is protected or retained on delete.",
        why: "A pulumi destroy or a replacing change must never delete production data.",
        remediation: "Set the protect and retainOnDelete resource options on the resource in prod.",
        resourceTypes: "any",
        enforcement: MANDATORY_EVERYWHERE,
    },
    prodDataResourcesAreRetained,
    dataProtectionConfig,
);
