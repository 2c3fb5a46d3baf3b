/**
 * What a stack does in a month: the assumptions usage-driven charges rest on. Every field has a
 * documented default per environment profile; a usage file (`tools/cost/usage/<stack>.yaml`, or
 * `--usage FILE`) overrides any of them. `idleUsage` is the same stack with no data and no runs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { z } from "zod";

const amount = z.number().nonnegative();

const bucketUsageSchema = z.object({
    /** New data written per day (GB). For silver and gold, the net growth of the tables. */
    gbPerDay: amount,
    /** Average size of the objects written (KB): drives PUT counts, transitions and the 128 KB rules. */
    objectKb: z.number().positive(),
    /** GET requests per day against the bucket. */
    getsPerDay: amount,
});
export type BucketUsage = z.infer<typeof bucketUsageSchema>;

const glueJobUsageSchema = z.object({
    /** Wall-clock minutes of one run (Glue bills at least one minute). */
    minutesPerRun: amount,
    /** Workers a run holds on average when the job auto-scales; omitted = the job's maximum (an upper bound). */
    averageWorkers: z.number().positive().optional(),
});

export const usageSchema = z.object({
    /** The report prices the month that ends this many months after the first deploy (storage accumulated, keys rotated). */
    monthsDeployed: z.number().int().min(1).max(240),
    /** Per bucket purpose (`landing`, `bronze`, ..., `glue-assets`, `athena-results`, `access-logs`, `pipeline-artifacts`). */
    buckets: z.record(z.string(), bucketUsageSchema),
    glue: z.object({
        /** Workflow runs per day (every job of the workflow runs once per run). */
        runsPerDay: amount,
        /** Per job: `bronze`, `silver`, `gold`, `warehouse-load`; a job not listed uses `default`. */
        jobs: z.record(z.string(), glueJobUsageSchema),
    }),
    warehouse: z.object({
        /** RPU-hours used per day (capped by the workgroup's daily usage limit). */
        rpuHoursPerDay: amount,
        /** Data held in Redshift Managed Storage (GB). */
        storageGb: amount,
        /** User snapshots kept (GB); recovery points of the last 24 hours are free. */
        snapshotGb: amount,
    }),
    athena: z.object({
        queriesPerDay: amount,
        /** Data one query scans (MB); Athena bills at least 10 MB per query. */
        mbScannedPerQuery: amount,
    }),
    network: z.object({
        /** GB a day through NAT gateways (when the stack has any). */
        natGbPerDay: amount,
        /** GB a day through interface endpoints (when the stack has any). */
        endpointGbPerDay: amount,
    }),
    logs: z.object({
        /** GB a day ingested into the stack's log groups, shared evenly among them. */
        gbPerDay: amount,
    }),
    kms: z.object({ requestsPerDay: amount }),
    secrets: z.object({ apiCallsPerDay: amount }),
    lambda: z.object({
        /** Invocations of each function per month. */
        invocationsPerMonth: amount,
        secondsPerInvocation: amount,
    }),
    pipeline: z.object({
        runsPerMonth: amount,
        /** Build minutes per run, per CodeBuild project role (`test`, `policy`, `preview`, `deploy`); others use `default`. */
        buildMinutes: z.record(z.string(), amount),
    }),
    quicksight: z.object({
        /** QuickSight authors who work on this stack's datasets (the subscription is the account's; the report charges them here). */
        authors: amount,
        /** Readers behind each QuickSight group principal (a user principal is one reader). */
        readersPerGroup: amount,
        /** SPICE capacity bought beyond what the subscription includes (GB). */
        additionalSpiceGb: amount,
    }),
    dynamodb: z.object({ writesPerDay: amount, readsPerDay: amount, storageGb: amount }),
    scheduler: z.object({ invocationsPerMonth: amount }),
});
export type Usage = z.infer<typeof usageSchema>;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type UsageOverrides = DeepPartial<Usage>;

const bucket = (gbPerDay: number, objectKb: number, getsPerDay: number): BucketUsage => ({ gbPerDay, objectKb, getsPerDay });

/** The defaults of the dev profile: a few MB of sample data a day, one run a day, light querying. */
const devUsage: Usage = {
    monthsDeployed: 12,
    buckets: {
        landing: bucket(0.05, 1024, 200),
        bronze: bucket(0.02, 4096, 500),
        silver: bucket(0.01, 8192, 1000),
        gold: bucket(0.002, 1024, 1000),
        quarantine: bucket(0.001, 64, 50),
        "glue-assets": bucket(0, 256, 100),
        "athena-results": bucket(0.01, 64, 100),
        "access-logs": bucket(0.005, 16, 0),
        "pipeline-artifacts": bucket(0.01, 512, 50),
    },
    glue: {
        runsPerDay: 1,
        jobs: {
            bronze: { minutesPerRun: 3 },
            silver: { minutesPerRun: 4 },
            gold: { minutesPerRun: 3 },
            "warehouse-load": { minutesPerRun: 2 },
            default: { minutesPerRun: 3 },
        },
    },
    warehouse: { rpuHoursPerDay: 1, storageGb: 1, snapshotGb: 0 },
    athena: { queriesPerDay: 20, mbScannedPerQuery: 50 },
    network: { natGbPerDay: 0, endpointGbPerDay: 0.1 },
    logs: { gbPerDay: 0.05 },
    kms: { requestsPerDay: 2000 },
    secrets: { apiCallsPerDay: 50 },
    lambda: { invocationsPerMonth: 30, secondsPerInvocation: 60 },
    pipeline: { runsPerMonth: 40, buildMinutes: { test: 15, policy: 3, preview: 4, deploy: 8, default: 5 } },
    quicksight: { authors: 1, readersPerGroup: 2, additionalSpiceGb: 0 },
    dynamodb: { writesPerDay: 1000, readsPerDay: 1000, storageGb: 0.1 },
    scheduler: { invocationsPerMonth: 100 },
};

/** The defaults of the prod profile: tens of GB a day into landing, hourly-ish runs, daily BI. */
const prodUsage: Usage = {
    monthsDeployed: 12,
    buckets: {
        landing: bucket(20, 16384, 20000),
        bronze: bucket(8, 65536, 50000),
        silver: bucket(2, 131072, 200000),
        gold: bucket(0.2, 32768, 200000),
        quarantine: bucket(0.05, 256, 1000),
        "glue-assets": bucket(0, 256, 2000),
        "athena-results": bucket(0.5, 256, 5000),
        "access-logs": bucket(0.5, 32, 0),
        "pipeline-artifacts": bucket(0.05, 1024, 200),
    },
    glue: {
        runsPerDay: 4,
        jobs: {
            bronze: { minutesPerRun: 10 },
            silver: { minutesPerRun: 15 },
            gold: { minutesPerRun: 8 },
            "warehouse-load": { minutesPerRun: 5 },
            default: { minutesPerRun: 10 },
        },
    },
    warehouse: { rpuHoursPerDay: 48, storageGb: 500, snapshotGb: 100 },
    athena: { queriesPerDay: 500, mbScannedPerQuery: 500 },
    network: { natGbPerDay: 0, endpointGbPerDay: 1 },
    logs: { gbPerDay: 2 },
    kms: { requestsPerDay: 200000 },
    secrets: { apiCallsPerDay: 2000 },
    lambda: { invocationsPerMonth: 10, secondsPerInvocation: 120 },
    pipeline: { runsPerMonth: 10, buildMinutes: { test: 15, policy: 3, preview: 5, deploy: 12, default: 5 } },
    quicksight: { authors: 2, readersPerGroup: 20, additionalSpiceGb: 0 },
    dynamodb: { writesPerDay: 100000, readsPerDay: 100000, storageGb: 5 },
    scheduler: { invocationsPerMonth: 3000 },
};

/** Defaults per environment profile (staging sits between dev and prod: the dev figures, which never understate a small stack). */
export const defaultUsage: Readonly<Record<"dev" | "staging" | "prod", Usage>> = { dev: devUsage, staging: devUsage, prod: prodUsage };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function merged(base: unknown, override: unknown): unknown {
    if (!isRecord(base) || !isRecord(override)) return override === undefined ? base : override;
    const result: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(override)) result[key] = merged(base[key], value);
    return result;
}

export class UsageFileError extends Error {}

export const usageDir = path.join(__dirname, "usage");

/** The usage of a stack: the profile's defaults, overridden by the usage file when there is one. */
export function resolveUsage(environment: string, overrides: unknown): Usage {
    const defaults = defaultUsage[environment as keyof typeof defaultUsage] ?? defaultUsage.prod;
    const parsed = usageSchema.safeParse(merged(defaults, overrides ?? {}));
    if (!parsed.success) {
        throw new UsageFileError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
    }
    return parsed.data;
}

/** Reads a usage file (YAML); `undefined` when the stack has none at the conventional path. */
export function readUsageFile(file: string, required: boolean): unknown {
    if (!fs.existsSync(file)) {
        if (required) throw new UsageFileError(`${file} does not exist`);
        return undefined;
    }
    try {
        return parse(fs.readFileSync(file, "utf8")) ?? {};
    } catch (error) {
        throw new UsageFileError(`${file} is not valid YAML: ${(error as Error).message}`);
    }
}

/** Fields that describe the stack rather than its activity: object sizes, the horizon, and BI seats (paid whether or not anyone reads). */
const standingFields = ["objectKb", "monthsDeployed", "authors", "readersPerGroup", "additionalSpiceGb"];

/** The same stack with no data written, no runs and no queries: what it costs standing still. */
export function idleUsage(usage: Usage): Usage {
    const zeroed = (value: unknown, key: string): unknown => {
        if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, zeroed(v, k)]));
        return typeof value === "number" && !standingFields.includes(key) ? 0 : value;
    };
    return zeroed(usage, "") as Usage;
}
