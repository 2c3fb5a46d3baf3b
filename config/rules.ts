/**
 * Constraints that span keys or that AWS itself enforces at deploy time. Each validator is
 * pure and returns the problems it finds as `[key, message]` pairs; the config module adds
 * the namespace and reports them together with the per-key errors.
 */
import { dataLayers, type ConfigValues, type DataLayer } from "./keys";

export type Problem = readonly [key: string, message: string];

/** Regions where Redshift Serverless offers base capacities above 512 RPU. */
const extendedRedshiftCapacityRegions = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1"];

/** Parses `a.b.c.d/n`; returns undefined when it is not a canonical IPv4 CIDR. */
export function parseIpv4Cidr(cidr: string): { address: number; prefix: number } | undefined {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    if (!match) return undefined;
    const octets = match.slice(1, 5).map(Number);
    const prefix = Number(match[5]);
    if (octets.some((octet) => octet > 255) || prefix > 32) return undefined;
    const address = octets.reduce((acc, octet) => acc * 256 + octet, 0);
    const hostBits = 2 ** (32 - prefix);
    return address % hostBits === 0 ? { address, prefix } : undefined;
}

export function checkVpcCidr(cidr: string): Problem[] {
    const parsed = parseIpv4Cidr(cidr);
    if (!parsed) return [["vpcCidr", `"${cidr}" is not an IPv4 CIDR block with its host bits zero (for example 10.40.0.0/16)`]];
    if (parsed.prefix < 16 || parsed.prefix > 20) {
        return [["vpcCidr", `/${parsed.prefix} is outside /16 to /20: AWS allows at most /16, and three AZs of subnets need at least /20`]];
    }
    return [];
}

/** Layers that hold Iceberg tables, which the jobs commit to and read in place. */
const icebergLayers: readonly DataLayer[] = ["silver", "gold"];

/** S3 rejects a lifecycle rule whose transitions or expiration are out of order. */
export function checkLayerLifecycle(layer: DataLayer, ia: number, glacier: number, expiration: number): Problem[] {
    const problems: Problem[] = [];
    if (ia > 0 && ia < 30) {
        problems.push([
            `${layer}TransitionToIaDays`,
            `is ${ia}, but S3 moves objects to Standard-IA no earlier than 30 days after creation`,
        ]);
    }
    if (ia > 0 && glacier > 0 && glacier < ia + 30) {
        problems.push([
            `${layer}TransitionToGlacierDays`,
            `is ${glacier}, but objects must stay 30 days in Standard-IA (day ${ia}) before moving to Glacier: use at least ${ia + 30}`,
        ]);
    }
    // An Iceberg table reads its data files however old they are, until a snapshot expiry drops them.
    if (icebergLayers.includes(layer)) {
        if (glacier > 0) {
            problems.push([
                `${layer}TransitionToGlacierDays`,
                `is ${glacier}, but ${layer} holds Iceberg tables whose data files stay live at any age; Glacier would make every read of them fail (use 0)`,
            ]);
        }
        if (expiration > 0) {
            problems.push([
                `${layer}ExpirationDays`,
                `is ${expiration}, but deleting the data files of ${layer}'s Iceberg tables by age would corrupt them; Iceberg's snapshot expiry removes what no snapshot needs (use 0)`,
            ]);
        }
    }
    const lastTransition = Math.max(ia, glacier);
    if (expiration > 0 && expiration <= lastTransition) {
        problems.push([
            `${layer}ExpirationDays`,
            `is ${expiration}, but it must be later than the last transition (day ${lastTransition})`,
        ]);
    }
    return problems;
}

export function checkGlueExecution(executionClass: string, workerType: string): Problem[] {
    if (executionClass === "FLEX" && workerType !== "G.1X" && workerType !== "G.2X") {
        return [["glueExecutionClass", `FLEX runs only on G.1X or G.2X workers, but glueWorkerType is ${workerType}`]];
    }
    return [];
}

export function checkRedshiftCapacity(base: number, max: number, region: string): Problem[] {
    const problems: Problem[] = [];
    const standard = base === 4 || (base >= 8 && base <= 512 && base % 8 === 0);
    const extended = base > 512 && base <= 1024 && base % 32 === 0;
    if (!standard && !extended) {
        problems.push([
            "redshiftBaseCapacity",
            `is ${base}; AWS accepts 4, a multiple of 8 from 8 to 512, or a multiple of 32 from 544 to 1024`,
        ]);
    } else if (extended && !extendedRedshiftCapacityRegions.includes(region)) {
        problems.push([
            "redshiftBaseCapacity",
            `is ${base}, but base capacities above 512 RPU are offered only in ${extendedRedshiftCapacityRegions.join(", ")}`,
        ]);
    }
    if (max % 8 !== 0 || max < 8 || max > 5632) {
        problems.push(["redshiftMaxCapacity", `is ${max}; AWS accepts a multiple of 8 from 8 to 5632`]);
    } else if (max < base) {
        problems.push(["redshiftMaxCapacity", `is ${max}, below redshiftBaseCapacity ${base}`]);
    }
    return problems;
}

const cronField = /^[0-9A-Za-z*?,/\-#L W]+$/;

/** EventBridge schedule expressions: `cron(min hour day-of-month month day-of-week year)` or `rate(n unit)`. */
export function checkScheduleExpression(keyName: string, expression: string): Problem[] {
    const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
    if (rate) {
        const singular = rate[2].endsWith("s") === false;
        return (Number(rate[1]) === 1) === singular && Number(rate[1]) > 0
            ? []
            : [[keyName, `"${expression}" must use a singular unit for 1 and a plural unit otherwise, e.g. rate(1 day) or rate(6 hours)`]];
    }
    const cron = /^cron\((.*)\)$/.exec(expression);
    const fields = cron ? cron[1].trim().split(/\s+/) : [];
    if (fields.length !== 6 || !fields.every((field) => cronField.test(field))) {
        return [
            [
                keyName,
                `"${expression}" is not an EventBridge schedule: use cron(minutes hours day-of-month month day-of-week year) or rate(n unit)`,
            ],
        ];
    }
    if ((fields[2] === "?") === (fields[4] === "?")) {
        return [[keyName, `"${expression}" must have "?" in exactly one of day-of-month and day-of-week`]];
    }
    return [];
}

/** QuickSight assets that no principal may use are invisible to everyone; say who reads them. */
export function checkQuickSightPrincipals(enabled: boolean, principals: readonly string[]): Problem[] {
    return enabled && principals.length === 0
        ? [
              [
                  "quicksightPrincipals",
                  "is empty while quicksightEnabled is true, so nobody could open the data sources and datasets; name at least one QuickSight group or user (or set quicksightEnabled: false)",
              ],
          ]
        : [];
}

/**
 * With enhanced VPC routing, Redshift Spectrum reads the Glue Data Catalog from inside the VPC: through a
 * glue endpoint, or through NAT. Without it, Redshift reaches the catalog over the AWS network.
 */
export function checkCatalogReachable(natGateways: string, interfaceEndpoints: readonly string[], enhancedVpcRouting: boolean): Problem[] {
    return enhancedVpcRouting && natGateways === "None" && !interfaceEndpoints.includes("glue")
        ? [
              [
                  "interfaceEndpoints",
                  "has no glue endpoint while natGateways is None and redshiftEnhancedVpcRouting is true, so Redshift Spectrum could not reach the Glue Data Catalog; add glue (or turn redshiftEnhancedVpcRouting off)",
              ],
          ]
        : [];
}

export function checkUsageLimits(daily: number, weekly: number): Problem[] {
    return weekly < daily
        ? [["redshiftWeeklyRpuHoursLimit", `is ${weekly}, below redshiftDailyRpuHoursLimit ${daily}; a week cannot allow less than a day`]]
        : [];
}

/** A storage integration's trust needs both halves; one without the other is a typo waiting to deploy. */
export function checkSnowflake(iamUserArn: string, externalId: string): Problem[] {
    if ((iamUserArn === "") === (externalId === "")) return [];
    return iamUserArn === ""
        ? [["snowflakeIamUserArn", "is empty but snowflakeExternalId is set; set both (from DESC INTEGRATION) or neither"]]
        : [["snowflakeExternalId", "is empty but snowflakeIamUserArn is set; the role's trust requires the integration's external id"]];
}

export function checkPipelineSource(enabled: boolean, connectionArn: string, repository: string): Problem[] {
    if (!enabled) return [];
    const problems: Problem[] = [];
    if (connectionArn === "") {
        problems.push(["pipelineConnectionArn", "is required while pipelineEnabled is true (or set pipelineEnabled: false)"]);
    }
    if (repository === "")
        problems.push(["pipelineRepository", "is required while pipelineEnabled is true (or set pipelineEnabled: false)"]);
    return problems;
}

export function checkRegion(region: string): Problem[] {
    return /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/.test(region)
        ? []
        : [["aws:region", `"${region}" is not an AWS region name such as eu-west-1`]];
}

/**
 * Every cross-key rule. Runs over whatever keys were individually valid, so a stack file with
 * a typo in one key still hears about every other rule it breaks; a rule whose inputs are not
 * all valid is skipped (its keys already have errors of their own).
 */
export function checkConfig(values: Partial<ConfigValues>, region: string | undefined): Problem[] {
    const has = <K extends keyof ConfigValues>(...keys: K[]): boolean => keys.every((key) => values[key] !== undefined);
    const v = values as ConfigValues;
    return [
        ...(v.environment === "prod" && v.retainDataOnDelete === false
            ? [
                  [
                      "retainDataOnDelete",
                      "prod stacks must retain data-bearing resources on delete; remove the override or set it to true",
                  ] as const,
              ]
            : []),
        ...(has("vpcCidr") ? checkVpcCidr(v.vpcCidr) : []),
        ...dataLayers.flatMap((layer) =>
            has(`${layer}TransitionToIaDays`, `${layer}TransitionToGlacierDays`, `${layer}ExpirationDays`)
                ? checkLayerLifecycle(
                      layer,
                      v[`${layer}TransitionToIaDays`],
                      v[`${layer}TransitionToGlacierDays`],
                      v[`${layer}ExpirationDays`],
                  )
                : [],
        ),
        ...(has("glueExecutionClass", "glueWorkerType") ? checkGlueExecution(v.glueExecutionClass, v.glueWorkerType) : []),
        ...(has("redshiftBaseCapacity", "redshiftMaxCapacity") && region !== undefined
            ? checkRedshiftCapacity(v.redshiftBaseCapacity, v.redshiftMaxCapacity, region)
            : []),
        ...(has("etlFallbackSchedule") ? checkScheduleExpression("etlFallbackSchedule", v.etlFallbackSchedule) : []),
        ...(has("quicksightEnabled", "quicksightPrincipals") ? checkQuickSightPrincipals(v.quicksightEnabled, v.quicksightPrincipals) : []),
        ...(has("natGateways", "interfaceEndpoints", "redshiftEnhancedVpcRouting")
            ? checkCatalogReachable(v.natGateways, v.interfaceEndpoints, v.redshiftEnhancedVpcRouting)
            : []),
        ...(has("redshiftDailyRpuHoursLimit", "redshiftWeeklyRpuHoursLimit")
            ? checkUsageLimits(v.redshiftDailyRpuHoursLimit, v.redshiftWeeklyRpuHoursLimit)
            : []),
        ...(has("snowflakeIamUserArn", "snowflakeExternalId") ? checkSnowflake(v.snowflakeIamUserArn, v.snowflakeExternalId) : []),
        ...(has("pipelineEnabled", "pipelineConnectionArn", "pipelineRepository")
            ? checkPipelineSource(v.pipelineEnabled, v.pipelineConnectionArn, v.pipelineRepository)
            : []),
    ];
}
