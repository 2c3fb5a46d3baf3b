import { z } from "zod";

/** The environments a stack can declare; each has a profile of defaults. */
export const environments = ["dev", "staging", "prod"] as const;
export type Environment = (typeof environments)[number];

/** The medallion layers that get a data bucket each. */
export const dataLayers = ["landing", "bronze", "silver", "gold", "quarantine"] as const;
export type DataLayer = (typeof dataLayers)[number];

/** Retention values CloudWatch Logs accepts (PutRetentionPolicy). */
export const logRetentionValues = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/**
 * Interface endpoints a stack may ask for: services the platform's private workloads call whose
 * endpoints AWS documents as taking an endpoint policy (each gets one confined to the account).
 */
export const interfaceEndpointServices = ["athena", "glue", "kms", "logs", "monitoring", "secretsmanager", "sns", "sts"] as const;

export type ConfigKind = "string" | "integer" | "boolean" | "array";
export type ConfigValue = string | number | boolean | string[];
/** A default that is the same everywhere, or one value per environment profile. */
export type ConfigDefault<T extends ConfigValue> = T | Readonly<Record<Environment, T>>;

export interface ConfigKey<T extends ConfigValue = ConfigValue> {
    readonly kind: ConfigKind;
    readonly description: string;
    readonly schema: z.ZodType<T>;
    /** Absent means the stack must set the key. */
    readonly default?: ConfigDefault<T>;
}

function key<T extends ConfigValue>(
    kind: ConfigKind,
    schema: z.ZodType<T>,
    description: string,
    byDefault?: ConfigDefault<T>,
): ConfigKey<T> {
    return { kind, schema, description, default: byDefault };
}

const days = (min: number, max: number) => z.number().int().min(min).max(max);
const tagValue = z
    .string()
    .min(1)
    .max(256)
    .regex(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, "may contain only letters, digits, spaces and _ . : / = + - @");

type LayerLifecycleKeyName<L extends DataLayer> = `${L}TransitionToIaDays` | `${L}TransitionToGlacierDays` | `${L}ExpirationDays`;

function layerLifecycleKeys<L extends DataLayer>(
    layer: L,
    transitions: { ia: ConfigDefault<number>; glacier: ConfigDefault<number> },
    expiration: ConfigDefault<number>,
): Record<LayerLifecycleKeyName<L>, ConfigKey<number>> {
    return {
        [`${layer}TransitionToIaDays`]: key(
            "integer",
            days(0, 36500),
            `Days after which current ${layer} objects move to S3 Standard-IA (0 = never; AWS requires at least 30).`,
            transitions.ia,
        ),
        [`${layer}TransitionToGlacierDays`]: key(
            "integer",
            days(0, 36500),
            `Days after which current ${layer} objects move to S3 Glacier Flexible Retrieval (0 = never).`,
            transitions.glacier,
        ),
        [`${layer}ExpirationDays`]: key(
            "integer",
            days(0, 36500),
            `Days after which current ${layer} objects expire (0 = never).`,
            expiration,
        ),
    } as Record<LayerLifecycleKeyName<L>, ConfigKey<number>>;
}

const noTransitions = { ia: { dev: 0, staging: 30, prod: 30 }, glacier: { dev: 0, staging: 0, prod: 90 } } as const;
const hotTransitions = { ia: { dev: 0, staging: 0, prod: 90 }, glacier: 0 } as const;

/**
 * Every key of the `lakehouse:` config namespace: its type, its description and its default,
 * per environment where the profiles differ. Pulumi.yaml's `config:` block is generated from
 * this table (`npm run generate:pulumi-yaml`), so the two cannot drift apart.
 */
export const configKeys = {
    environment: key(
        "string",
        z.enum(environments),
        "Environment profile of this stack: dev, staging or prod. Supplies every default below.",
    ),
    owner: key("string", tagValue, "Team or person accountable for the stack; becomes the `owner` tag on every taggable resource."),
    costCenter: key("string", tagValue, "Cost centre charged for the stack; becomes the `cost-center` tag on every taggable resource."),
    alertEmails: key("array", z.array(z.email()), "Email addresses subscribed to the platform's alert topic (each confirms by email).", []),

    retainDataOnDelete: key(
        "boolean",
        z.boolean(),
        "Keep data-bearing resources (buckets, keys, logs) when the stack or resource is deleted; prod must keep it true.",
        { dev: false, staging: true, prod: true },
    ),
    kmsDeletionWindowDays: key("integer", days(7, 30), "Waiting period (7-30 days) before a deleted KMS key is destroyed.", {
        dev: 7,
        staging: 30,
        prod: 30,
    }),
    kmsRotationPeriodDays: key(
        "integer",
        days(90, 2560),
        "Days between automatic rotations of the stack's KMS keys (90-2560). Each of a key's first two rotations adds $1 a month to its $1, so yearly rotation makes every key $3 a month from the third year.",
        { dev: 2560, staging: 365, prod: 365 },
    ),
    logRetentionDays: key(
        "integer",
        z
            .number()
            .int()
            .refine((value) => (logRetentionValues as readonly number[]).includes(value), {
                message: `must be one of the values CloudWatch Logs accepts: ${logRetentionValues.join(", ")}`,
            }),
        "Retention of every CloudWatch log group the stack creates.",
        { dev: 14, staging: 90, prod: 365 },
    ),

    vpcCidr: key("string", z.string(), "IPv4 CIDR of the platform VPC, /16 to /20 (three AZs of subnets must fit).", "10.40.0.0/16"),
    natGateways: key(
        "string",
        z.enum(["None", "Single", "OnePerAz"]),
        "NAT strategy: None (isolated private subnets; nothing the stack runs in the VPC needs the Internet: Redshift reaches S3 through the gateway endpoint and Glue through its interface endpoint), Single (one NAT gateway, about $33-35 a month at $0.045-0.048 an hour in us-east-1/eu-west-1, plus the same per GB it carries) or OnePerAz (three of them, about $100 a month plus data). Choose NAT only for workloads you add that need Internet egress.",
        { dev: "None", staging: "None", prod: "None" },
    ),
    interfaceEndpoints: key(
        "array",
        z.array(z.enum(interfaceEndpointServices)),
        `Interface VPC endpoints to create in the private subnets (${interfaceEndpointServices.join(", ")}), each about $7-8 a month per AZ (three AZs) plus data; each admits only this account's principals and resources. Redshift Spectrum needs glue while redshiftEnhancedVpcRouting is on and there is no NAT; add others for workloads you run in the VPC. The S3 gateway endpoint (free) is always created.`,
        { dev: [], staging: ["glue"], prod: ["glue"] },
    ),
    flowLogTrafficType: key("string", z.enum(["ALL", "ACCEPT", "REJECT"]), "Traffic recorded by the VPC flow log.", "ALL"),

    ...layerLifecycleKeys("landing", noTransitions, { dev: 30, staging: 180, prod: 730 }),
    ...layerLifecycleKeys("bronze", noTransitions, { dev: 30, staging: 365, prod: 0 }),
    ...layerLifecycleKeys("silver", hotTransitions, { dev: 0, staging: 0, prod: 0 }),
    ...layerLifecycleKeys("gold", hotTransitions, { dev: 0, staging: 0, prod: 0 }),
    ...layerLifecycleKeys("quarantine", { ia: { dev: 0, staging: 30, prod: 30 }, glacier: 0 }, { dev: 30, staging: 90, prod: 365 }),
    noncurrentVersionExpirationDays: key(
        "integer",
        days(1, 36500),
        "Days after which noncurrent object versions are deleted in every versioned bucket.",
        { dev: 7, staging: 30, prod: 90 },
    ),
    accessLogExpirationDays: key("integer", days(1, 36500), "Days S3 server access logs are kept.", {
        dev: 30,
        staging: 90,
        prod: 365,
    }),
    athenaResultsExpirationDays: key("integer", days(1, 36500), "Days Athena query results are kept.", {
        dev: 7,
        staging: 30,
        prod: 30,
    }),

    catalogEncryption: key(
        "string",
        z.enum(["manage", "verify"]),
        "Glue Data Catalog encryption is one setting per account and region. manage: this stack creates the catalog key, the role Glue encrypts with and the setting, and keeps them when it is destroyed (exactly one stack per account and region); verify: this stack checks at deploy time that another stack manages it.",
        { dev: "verify", staging: "verify", prod: "manage" },
    ),
    glueWorkerType: key("string", z.enum(["G.1X", "G.2X", "G.4X", "G.8X"]), "Worker type of the Glue Spark jobs.", {
        dev: "G.1X",
        staging: "G.1X",
        prod: "G.2X",
    }),
    glueNumberOfWorkers: key("integer", z.number().int().min(2).max(299), "Workers per Glue job run (the maximum when auto-scaling).", {
        dev: 2,
        staging: 4,
        prod: 10,
    }),
    glueExecutionClass: key(
        "string",
        z.enum(["FLEX", "STANDARD"]),
        "Glue execution class; FLEX (spare capacity, cheaper) needs G.1X or G.2X workers.",
        { dev: "FLEX", staging: "FLEX", prod: "STANDARD" },
    ),
    glueAutoScaling: key("boolean", z.boolean(), "Let Glue scale workers up to glueNumberOfWorkers.", {
        dev: false,
        staging: true,
        prod: true,
    }),
    glueMaxRetries: key("integer", z.number().int().min(0).max(10), "Retries of a failed Glue job run.", { dev: 0, staging: 1, prod: 2 }),
    glueTimeoutMinutes: key("integer", z.number().int().min(1).max(2880), "Timeout of one Glue job run, in minutes.", {
        dev: 60,
        staging: 120,
        prod: 240,
    }),
    etlFallbackSchedule: key(
        "string",
        z.string(),
        "EventBridge cron expression that starts the ETL workflow when no manifest arrived (UTC).",
        "cron(0 3 * * ? *)",
    ),

    redshiftBaseCapacity: key(
        "integer",
        z.number().int(),
        "Redshift Serverless base RPUs: 4, a multiple of 8 up to 512, or a multiple of 32 up to 1024 in regions that offer it.",
        { dev: 8, staging: 8, prod: 32 },
    ),
    redshiftMaxCapacity: key(
        "integer",
        z.number().int(),
        "Redshift Serverless maximum RPUs: a multiple of 8 from the base capacity up to 5632.",
        { dev: 16, staging: 32, prod: 128 },
    ),
    redshiftDailyRpuHoursLimit: key("integer", z.number().int().min(1), "Usage limit on Redshift Serverless RPU-hours per day.", {
        dev: 8,
        staging: 24,
        prod: 200,
    }),
    redshiftUsageLimitBreachAction: key(
        "string",
        z.enum(["log", "emit-metric", "deactivate"]),
        "What Redshift Serverless does when the daily usage limit is reached.",
        { dev: "deactivate", staging: "emit-metric", prod: "emit-metric" },
    ),
    redshiftEnhancedVpcRouting: key(
        "boolean",
        z.boolean(),
        "Route the warehouse's COPY, UNLOAD and Spectrum traffic through the VPC (S3 gateway endpoint, Glue interface endpoint or NAT, flow logs, endpoint policies). Off: Redshift reaches S3 and the Glue Data Catalog over the AWS network, so no Glue interface endpoint is needed.",
        { dev: false, staging: true, prod: true },
    ),
    redshiftWeeklyRpuHoursLimit: key(
        "integer",
        z.number().int().min(1),
        "Usage limit on Redshift Serverless RPU-hours per week (same breach action as the daily limit).",
        { dev: 40, staging: 120, prod: 1000 },
    ),

    athenaBytesScannedCutoff: key(
        "integer",
        z.number().int().min(10_485_760),
        "Bytes one Athena query may scan before it is cancelled (AWS minimum 10 MB).",
        { dev: 1_073_741_824, staging: 10_737_418_240, prod: 107_374_182_400 },
    ),
    quicksightEnabled: key(
        "boolean",
        z.boolean(),
        "Create QuickSight data sources and datasets over gold (needs a QuickSight subscription).",
        {
            dev: false,
            staging: false,
            prod: true,
        },
    ),
    quicksightImportMode: key(
        "string",
        z.enum(["SPICE", "DIRECT_QUERY"]),
        "How QuickSight datasets read gold: SPICE (imported, refreshed daily) or DIRECT_QUERY.",
        { dev: "DIRECT_QUERY", staging: "SPICE", prod: "SPICE" },
    ),
    quicksightRefreshTimeOfDay: key(
        "string",
        z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time of day HH:MM"),
        "Time of day (HH:MM, UTC) of the daily SPICE refresh; after the ETL fallback schedule.",
        "05:00",
    ),
    quicksightPrincipals: key(
        "array",
        z.array(
            z
                .string()
                .regex(
                    /^arn:aws[a-z-]*:quicksight:[a-z0-9-]+:\d{12}:(group|user)\/[A-Za-z0-9+=,.@_/-]+$/,
                    "must be a QuickSight group or user ARN (arn:aws:quicksight:<region>:<account>:group/<namespace>/<name>)",
                ),
        ),
        "QuickSight groups or users granted use of the data sources and datasets.",
        [],
    ),
    quicksightRedshiftEnabled: key(
        "boolean",
        z.boolean(),
        "Also create a QuickSight data source over the Redshift warehouse, through a QuickSight VPC connection.",
        false,
    ),
    secretRecoveryWindowDays: key("integer", days(7, 30), "Days a deleted Secrets Manager secret can still be restored.", {
        dev: 7,
        staging: 30,
        prod: 30,
    }),
    snowflakeIamUserArn: key(
        "string",
        z.union([z.literal(""), z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:user\/[A-Za-z0-9+=,.@_/-]+$/, "must be an IAM user ARN")]),
        "STORAGE_AWS_IAM_USER_ARN of a Snowflake storage integration allowed to read gold; empty = no Snowflake access.",
        "",
    ),
    snowflakeExternalId: key(
        "string",
        z.union([z.literal(""), z.string().regex(/^[A-Za-z0-9+=,.@:/_-]{2,1224}$/, "must be 2-1224 characters of A-Z a-z 0-9 +=,.@:/_-")]),
        "STORAGE_AWS_EXTERNAL_ID of that Snowflake storage integration; required with snowflakeIamUserArn.",
        "",
    ),

    pipelineEnabled: key("boolean", z.boolean(), "Create the CodePipeline that tests, checks, previews and deploys this stack.", true),
    pipelineConnectionArn: key(
        "string",
        z.union([
            z.literal(""),
            z
                .string()
                .regex(
                    /^arn:aws[a-z-]*:(codestar-connections|codeconnections):[a-z0-9-]+:\d{12}:connection\/[0-9a-f-]{36}$/,
                    "must be a CodeConnections (CodeStar) connection ARN",
                ),
        ]),
        "ARN of the CodeConnections connection to the Git host (created once in the console); required when pipelineEnabled.",
        "",
    ),
    pipelineRepository: key(
        "string",
        z.union([z.literal(""), z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, "must be owner/name")]),
        "Repository the pipeline deploys from, as owner/name; required when pipelineEnabled.",
        "",
    ),
    pipelineBranch: key("string", z.string().min(1).max(255), "Branch whose pushes start the pipeline.", "main"),
    pipelineReleaseTagPattern: key(
        "string",
        z.string().max(255),
        "Glob of Git tags that start the pipeline instead of branch pushes (e.g. release-*); empty = deploy the branch.",
        "",
    ),
    pipelineNotificationEmails: key(
        "array",
        z.array(z.email()),
        "Email addresses told about pipeline failures and pending approvals (each confirms by email).",
        [],
    ),
    pulumiBackend: key(
        "string",
        z.enum(["pulumi-cloud", "self-managed"]),
        "State backend the pipeline logs in to: Pulumi Cloud (token secret) or a self-managed backend URL (URL secret).",
        "pulumi-cloud",
    ),
    pipelineArtifactExpirationDays: key("integer", days(1, 3650), "Days pipeline artifacts (test, policy and preview reports) are kept.", {
        dev: 30,
        staging: 90,
        prod: 180,
    }),
};

export type ConfigKeyName = keyof typeof configKeys;
/** The validated value type of one key. */
export type ConfigKeyValue<K extends ConfigKeyName> = (typeof configKeys)[K] extends ConfigKey<infer T> ? T : never;
export type ConfigValues = { [K in ConfigKeyName]: ConfigKeyValue<K> };
