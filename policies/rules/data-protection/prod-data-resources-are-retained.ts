import type { PropertyMap } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import { RuleNotApplicable, type RuleConfigSpec, type RuleResource } from "../../framework/rule-types";

export const DEFAULT_DATA_BEARING_TYPES = [
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketV2:BucketV2",
    "aws:kms/key:Key",
    "aws:dynamodb/table:Table",
    "aws:secretsmanager/secret:Secret",
    "aws:redshiftserverless/namespace:Namespace",
    "aws:glue/catalogDatabase:CatalogDatabase",
    "aws:glue/catalogTable:CatalogTable",
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:sqs/queue:Queue",
] as const;

export type Environment = "dev" | "staging" | "prod";

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
