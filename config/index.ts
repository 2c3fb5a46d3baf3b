/**
 * Turns stack config into one typed, validated object. Values arrive as Pulumi hands them to
 * a program (strings; arrays as JSON); the stack's environment picks a profile of defaults;
 * every problem is collected and reported at once, each under its key path, before any
 * resource is registered.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import {
    configKeys,
    dataLayers,
    environments,
    type ConfigKey,
    type ConfigKeyName,
    type ConfigValue,
    type ConfigValues,
    type DataLayer,
    type Environment,
} from "./keys";
import { checkConfig, checkRegion } from "./rules";

export { configKeys, dataLayers, environments, type DataLayer, type Environment } from "./keys";

/** The project name and therefore the config namespace. */
export const projectNamespace = "lakehouse";

/** Tag keys every taggable resource must carry. */
export const requiredTagKeys = ["environment", "owner", "cost-center", "project"] as const;
export type RequiredTags = Record<(typeof requiredTagKeys)[number], string>;

export interface LayerLifecycle {
    /** 0 means the transition is off. */
    readonly transitionToIaDays: number;
    readonly transitionToGlacierDays: number;
    /** 0 means objects never expire. */
    readonly expirationDays: number;
}

export interface PlatformConfig {
    readonly project: string;
    readonly stack: string;
    readonly region: string;
    readonly environment: Environment;
    readonly tags: RequiredTags;
    readonly alertEmails: readonly string[];
    readonly protection: {
        readonly retainOnDelete: boolean;
        readonly kmsDeletionWindowDays: number;
        readonly kmsRotationPeriodDays: number;
        readonly logRetentionDays: number;
    };
    readonly network: {
        readonly vpcCidr: string;
        readonly natGateways: ConfigValues["natGateways"];
        readonly interfaceEndpoints: ConfigValues["interfaceEndpoints"];
        readonly flowLogTrafficType: ConfigValues["flowLogTrafficType"];
    };
    readonly storage: {
        readonly lifecycle: Readonly<Record<DataLayer, LayerLifecycle>>;
        readonly noncurrentVersionExpirationDays: number;
        readonly accessLogExpirationDays: number;
        readonly athenaResultsExpirationDays: number;
    };
    readonly catalog: {
        readonly encryption: ConfigValues["catalogEncryption"];
    };
    readonly etl: {
        readonly workerType: ConfigValues["glueWorkerType"];
        readonly numberOfWorkers: number;
        readonly executionClass: ConfigValues["glueExecutionClass"];
        readonly autoScaling: boolean;
        readonly maxRetries: number;
        readonly timeoutMinutes: number;
        readonly fallbackSchedule: string;
    };
    readonly warehouse: {
        readonly baseCapacity: number;
        readonly maxCapacity: number;
        readonly dailyRpuHoursLimit: number;
        readonly weeklyRpuHoursLimit: number;
        readonly usageLimitBreachAction: ConfigValues["redshiftUsageLimitBreachAction"];
        /** Off in dev: Spectrum then needs no Glue endpoint (see the README's Cost section). */
        readonly enhancedVpcRouting: boolean;
    };
    readonly analytics: {
        readonly athenaBytesScannedCutoff: number;
        readonly quicksight: {
            readonly enabled: boolean;
            readonly importMode: ConfigValues["quicksightImportMode"];
            /** HH:MM, UTC. */
            readonly refreshTimeOfDay: string;
            readonly principals: readonly string[];
            readonly redshiftEnabled: boolean;
        };
        /** Undefined when no Snowflake storage integration may read gold. */
        readonly snowflake?: { readonly iamUserArn: string; readonly externalId: string };
    };
    readonly secrets: {
        readonly recoveryWindowDays: number;
    };
    /** Undefined when the stack has no pipeline (pipelineEnabled: false). */
    readonly delivery?: {
        readonly connectionArn: string;
        readonly repository: string;
        readonly branch: string;
        /** Empty: branch pushes start the pipeline. */
        readonly releaseTagPattern: string;
        readonly notificationEmails: readonly string[];
        readonly pulumiBackend: ConfigValues["pulumiBackend"];
        readonly artifactExpirationDays: number;
    };
}

export interface ConfigProblem {
    /** Full key path as written in the stack file, e.g. `lakehouse:alertEmails[1]`. */
    readonly key: string;
    readonly message: string;
}

export class ConfigValidationError extends Error {
    constructor(
        readonly stack: string,
        readonly problems: readonly ConfigProblem[],
    ) {
        super(
            `Stack "${stack}" has ${problems.length} configuration error${problems.length === 1 ? "" : "s"}:\n` +
                problems.map((problem) => `  - ${problem.key}: ${problem.message}`).join("\n"),
        );
        this.name = "ConfigValidationError";
    }
}

/** Decodes the string Pulumi hands the program into the key's kind, or explains why it cannot. */
function decode(definition: ConfigKey, raw: string): { value: unknown } | { error: string } {
    switch (definition.kind) {
        case "string":
            return { value: raw };
        case "integer":
            return /^-?\d+$/.test(raw.trim()) ? { value: Number(raw) } : { error: `must be an integer, got "${raw}"` };
        case "boolean":
            return raw === "true" || raw === "false" ? { value: raw === "true" } : { error: `must be true or false, got "${raw}"` };
        case "array":
            try {
                const parsed: unknown = JSON.parse(raw);
                return Array.isArray(parsed) ? { value: parsed } : { error: "must be a list" };
            } catch {
                return { error: `must be a list, got "${raw}"` };
            }
    }
}

function defaultFor(definition: ConfigKey, environment: Environment | undefined): ConfigValue | undefined {
    const byDefault = definition.default;
    if (byDefault === undefined || typeof byDefault !== "object" || Array.isArray(byDefault)) return byDefault;
    return environment === undefined ? undefined : byDefault[environment];
}

function issuePath(path: readonly PropertyKey[]): string {
    return path.map((segment) => (typeof segment === "number" ? `[${segment}]` : `.${String(segment)}`)).join("");
}

/** Closest known key, to suggest for a typo. */
function closestKey(unknown: string): string | undefined {
    const distance = (a: string, b: string): number => {
        const row = Array.from({ length: b.length + 1 }, (_, index) => index);
        for (let i = 1; i <= a.length; i++) {
            let previous = row[0];
            row[0] = i;
            for (let j = 1; j <= b.length; j++) {
                const current = row[j];
                row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
                previous = current;
            }
        }
        return row[b.length];
    };
    const ranked = Object.keys(configKeys)
        .map((candidate) => ({ candidate, score: distance(unknown, candidate) }))
        .sort((a, b) => a.score - b.score);
    return ranked[0] && ranked[0].score <= Math.max(2, Math.floor(unknown.length / 4)) ? ranked[0].candidate : undefined;
}

export interface ResolveInput {
    readonly project: string;
    readonly stack: string;
    /** Every config value of the stack, keyed `namespace:key`, as strings. */
    readonly values: Readonly<Record<string, string>>;
}

/** Validates and resolves the whole stack config; throws ConfigValidationError listing every problem. */
export function resolveConfig(input: ResolveInput): PlatformConfig {
    const problems: ConfigProblem[] = [];
    const prefix = `${projectNamespace}:`;
    const keyNames = Object.keys(configKeys) as ConfigKeyName[];

    for (const fullKey of Object.keys(input.values).sort()) {
        if (!fullKey.startsWith(prefix)) continue;
        const name = fullKey.slice(prefix.length);
        if (!(name in configKeys)) {
            const suggestion = closestKey(name);
            problems.push({ key: fullKey, message: `is not a known key${suggestion ? ` (did you mean ${prefix}${suggestion}?)` : ""}` });
        }
    }

    const environmentRaw = input.values[`${prefix}environment`];
    const environment = environments.find((candidate) => candidate === environmentRaw);

    const values: Partial<Record<ConfigKeyName, unknown>> = {};
    for (const name of keyNames) {
        const definition: ConfigKey = configKeys[name];
        const fullKey = `${prefix}${name}`;
        const raw = input.values[fullKey];
        let candidate: unknown;
        if (raw === undefined) {
            candidate = defaultFor(definition, environment);
            if (candidate === undefined) {
                if (definition.default === undefined) problems.push({ key: fullKey, message: "is required; set it in the stack file" });
                continue;
            }
        } else {
            const decoded = decode(definition, raw);
            if ("error" in decoded) {
                problems.push({ key: fullKey, message: decoded.error });
                continue;
            }
            candidate = decoded.value;
        }
        const parsed = (definition.schema as z.ZodType).safeParse(candidate);
        if (parsed.success) {
            values[name] = parsed.data;
        } else {
            for (const issue of parsed.error.issues) {
                problems.push({ key: `${fullKey}${issuePath(issue.path)}`, message: issue.message });
            }
        }
    }

    const region = input.values["aws:region"];
    const regionProblems: ConfigProblem[] =
        region === undefined
            ? [{ key: "aws:region", message: "is required; set the AWS region the stack deploys to" }]
            : checkRegion(region).map(([key, message]) => ({ key, message }));
    problems.push(...regionProblems);

    const validRegion = regionProblems.length === 0 ? region : undefined;
    for (const [key, message] of checkConfig(values as Partial<ConfigValues>, validRegion)) {
        problems.push({ key: key.includes(":") ? key : `${prefix}${key}`, message });
    }
    if (problems.length > 0) throw new ConfigValidationError(input.stack, problems);
    return assemble(input.project, input.stack, region ?? "", values as ConfigValues);
}

function assemble(project: string, stack: string, region: string, v: ConfigValues): PlatformConfig {
    const lifecycle = Object.fromEntries(
        dataLayers.map((layer) => [
            layer,
            {
                transitionToIaDays: v[`${layer}TransitionToIaDays`],
                transitionToGlacierDays: v[`${layer}TransitionToGlacierDays`],
                expirationDays: v[`${layer}ExpirationDays`],
            },
        ]),
    ) as Record<DataLayer, LayerLifecycle>;
    return {
        project,
        stack,
        region,
        environment: v.environment,
        tags: { environment: v.environment, owner: v.owner, "cost-center": v.costCenter, project },
        alertEmails: v.alertEmails,
        protection: {
            retainOnDelete: v.retainDataOnDelete,
            kmsDeletionWindowDays: v.kmsDeletionWindowDays,
            kmsRotationPeriodDays: v.kmsRotationPeriodDays,
            logRetentionDays: v.logRetentionDays,
        },
        network: {
            vpcCidr: v.vpcCidr,
            natGateways: v.natGateways,
            interfaceEndpoints: v.interfaceEndpoints,
            flowLogTrafficType: v.flowLogTrafficType,
        },
        storage: {
            lifecycle,
            noncurrentVersionExpirationDays: v.noncurrentVersionExpirationDays,
            accessLogExpirationDays: v.accessLogExpirationDays,
            athenaResultsExpirationDays: v.athenaResultsExpirationDays,
        },
        catalog: { encryption: v.catalogEncryption },
        etl: {
            workerType: v.glueWorkerType,
            numberOfWorkers: v.glueNumberOfWorkers,
            executionClass: v.glueExecutionClass,
            autoScaling: v.glueAutoScaling,
            maxRetries: v.glueMaxRetries,
            timeoutMinutes: v.glueTimeoutMinutes,
            fallbackSchedule: v.etlFallbackSchedule,
        },
        warehouse: {
            baseCapacity: v.redshiftBaseCapacity,
            maxCapacity: v.redshiftMaxCapacity,
            dailyRpuHoursLimit: v.redshiftDailyRpuHoursLimit,
            weeklyRpuHoursLimit: v.redshiftWeeklyRpuHoursLimit,
            usageLimitBreachAction: v.redshiftUsageLimitBreachAction,
            enhancedVpcRouting: v.redshiftEnhancedVpcRouting,
        },
        analytics: {
            athenaBytesScannedCutoff: v.athenaBytesScannedCutoff,
            quicksight: {
                enabled: v.quicksightEnabled,
                importMode: v.quicksightImportMode,
                refreshTimeOfDay: v.quicksightRefreshTimeOfDay,
                principals: v.quicksightPrincipals,
                redshiftEnabled: v.quicksightRedshiftEnabled,
            },
            snowflake: v.snowflakeIamUserArn === "" ? undefined : { iamUserArn: v.snowflakeIamUserArn, externalId: v.snowflakeExternalId },
        },
        secrets: { recoveryWindowDays: v.secretRecoveryWindowDays },
        delivery: v.pipelineEnabled
            ? {
                  connectionArn: v.pipelineConnectionArn,
                  repository: v.pipelineRepository,
                  branch: v.pipelineBranch,
                  releaseTagPattern: v.pipelineReleaseTagPattern,
                  notificationEmails: v.pipelineNotificationEmails,
                  pulumiBackend: v.pulumiBackend,
                  artifactExpirationDays: v.pipelineArtifactExpirationDays,
              }
            : undefined,
    };
}

/** Reads the running stack's config once. */
export function loadPlatformConfig(): PlatformConfig {
    return resolveConfig({ project: pulumi.getProject(), stack: pulumi.getStack(), values: pulumi.runtime.allConfig() });
}
