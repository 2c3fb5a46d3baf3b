import * as fs from "node:fs";
import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../../lib/stack-context";

/** Where the named queries' SQL lives; glue-scripts/tests/test_athena_queries.py runs the same files. */
export const athenaQueriesDirectory = path.join(__dirname, "..", "..", "analytics", "athena");

/**
 * Pinned rather than AUTO, so Athena never upgrades the SQL dialect under the named queries and
 * dashboards; moving to a new version is a reviewed change (value as ListEngineVersions reports it).
 */
export const athenaEngineVersion = "Athena engine version 3";

/** The named queries, by SQL file name (without `.sql`), with the description users see. */
export const athenaNamedQueries = {
    "revenue-trend": "Orders, revenue and refunds per day and currency with 7-day moving averages (gold daily_sales).",
    "customer-segmentation": "Customers per lifetime-value quartile within each currency, by country and segment (gold customer_ltv).",
    "data-quality": "Quarantined records per run day, dataset and reason, with the number of landing files they came from.",
    "gold-lineage":
        "One daily_sales row (parameters: order_date 'YYYY-MM-DD', channel, currency) back to its silver transactions and landing files.",
} as const;
export type AthenaNamedQuery = keyof typeof athenaNamedQueries;

/** Databases a query template may name besides gold, the queries' default database. */
export interface QueryDatabases {
    readonly silver: string;
    readonly quarantine: string;
}

const quoted = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Fills a query template's placeholders: `{{silver_database}}` (the quoted silver database) and
 * `{{quarantined_records}}` (every dataset's quarantine table, UNION ALL). Unknown placeholders
 * throw, so a typo fails the plan instead of reaching Athena.
 */
export function renderNamedQuery(template: string, databases: QueryDatabases, datasets: readonly string[]): string {
    if (datasets.length === 0) throw new Error("renderNamedQuery: at least one dataset is needed for the quarantine tables");
    const values: Readonly<Record<string, string>> = {
        silver_database: quoted(databases.silver),
        quarantined_records: datasets
            .map((dataset) => `SELECT * FROM ${quoted(databases.quarantine)}.${quoted(dataset)}`)
            .join("\n    UNION ALL\n    "),
    };
    return template.replace(/\{\{(\w+)\}\}/g, (placeholder: string, key: string) => {
        const value = values[key];
        if (value === undefined) throw new Error(`renderNamedQuery: unknown placeholder ${placeholder}`);
        return value;
    });
}

export interface AthenaAnalyticsArgs {
    /** Where the stack deploys, how it names things and protects its data. */
    readonly context: StackContext;
    /** The Athena-results bucket; results go under a prefix named after the workgroup. */
    readonly resultsBucket: pulumi.Input<string>;
    /** Encrypts query results (SSE-KMS); the same key as the lake, so readers of gold can read results. */
    readonly dataLakeKey: aws.kms.Key;
    /** Catalog databases: gold is where the named queries run; silver and quarantine are read by lineage and data quality. */
    readonly databaseNames: { readonly gold: string } & QueryDatabases;
    /** Datasets whose quarantine tables the data-quality query reads. */
    readonly datasets: readonly string[];
    /** Bytes one query may scan before Athena cancels it (AWS minimum 10 MB), from the environment profile. */
    readonly bytesScannedCutoffPerQuery: number;
}

/**
 * The stack's Athena workgroup over the lake and the named queries analysts start from.
 *
 * The workgroup enforces its configuration, so no client can redirect results out of the
 * results bucket, switch off their encryption or lift the per-query scan cutoff. Results are
 * SSE-KMS with the data-lake key under `<workgroup>/` of the results bucket, whose owner Athena
 * verifies. CloudWatch metrics are published per workgroup; requester-pays buckets are refused.
 */
export class AthenaAnalytics extends pulumi.ComponentResource {
    readonly workgroup: aws.athena.Workgroup;
    /** Name known before deployment, for IAM policies. */
    readonly workgroupName: string;
    /** Key prefix of the query results in the results bucket (`<workgroup>/`). */
    readonly resultsPrefix: string;
    /** `s3://<results bucket>/<workgroup>/`. */
    readonly resultsLocation: pulumi.Output<string>;
    readonly namedQueries: Readonly<Record<AthenaNamedQuery, aws.athena.NamedQuery>>;

    constructor(name: string, args: AthenaAnalyticsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:analytics:AthenaAnalytics", name, {}, opts);
        const { accountId, names } = args.context;
        const { retainOnDelete } = args.context.protection;

        if (!Number.isInteger(args.bytesScannedCutoffPerQuery) || args.bytesScannedCutoffPerQuery < 10_485_760) {
            throw new Error("AthenaAnalytics: bytesScannedCutoffPerQuery must be an integer of at least 10485760 (10 MB).");
        }

        this.workgroupName = names.resource("analytics", 128);
        this.resultsPrefix = `${this.workgroupName}/`;
        this.resultsLocation = pulumi.interpolate`s3://${args.resultsBucket}/${this.resultsPrefix}`;

        this.workgroup = new aws.athena.Workgroup(
            `${name}-workgroup`,
            {
                name: this.workgroupName,
                description: `Queries over the ${names.prefix} lakehouse; results encrypted, scans capped per query.`,
                state: "ENABLED",
                // Deleting a workgroup that holds named queries fails unless forced; prod keeps them.
                forceDestroy: !retainOnDelete,
                configuration: {
                    enforceWorkgroupConfiguration: true,
                    publishCloudwatchMetricsEnabled: true,
                    requesterPaysEnabled: false,
                    bytesScannedCutoffPerQuery: args.bytesScannedCutoffPerQuery,
                    engineVersion: { selectedEngineVersion: athenaEngineVersion },
                    resultConfiguration: {
                        outputLocation: this.resultsLocation,
                        expectedBucketOwner: accountId,
                        encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: args.dataLakeKey.arn },
                    },
                },
            },
            { parent: this },
        );

        const queries = Object.keys(athenaNamedQueries) as AthenaNamedQuery[];
        this.namedQueries = Object.fromEntries(
            queries.map((query) => [
                query,
                new aws.athena.NamedQuery(
                    `${name}-${query}`,
                    {
                        name: query,
                        description: athenaNamedQueries[query],
                        workgroup: this.workgroup.name,
                        database: args.databaseNames.gold,
                        query: renderNamedQuery(
                            fs.readFileSync(path.join(athenaQueriesDirectory, `${query}.sql`), "utf8"),
                            args.databaseNames,
                            args.datasets,
                        ),
                    },
                    { parent: this },
                ),
            ]),
        ) as Record<AthenaNamedQuery, aws.athena.NamedQuery>;

        this.registerOutputs({
            workgroup: this.workgroup.name,
            resultsLocation: this.resultsLocation,
            namedQueries: Object.fromEntries(queries.map((query) => [query, this.namedQueries[query].id])),
        });
    }
}
