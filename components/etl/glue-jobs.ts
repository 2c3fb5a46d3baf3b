import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DataLayer, PlatformConfig } from "../../config";
import type { CatalogLayer } from "../catalog/lakehouse-catalog";
import type { DatasetSpec } from "../catalog/dataset-specs";
import type { ResourceNames } from "../naming/resource-names";
import { jobPolicy, type JobAccess } from "./glue-job-policy";
import { jobScript, libraryArchive } from "./glue-library";

/** The Spark hops, in the order the workflow runs them. */
export const sparkJobs = ["bronze", "silver", "gold"] as const;
export type SparkJob = (typeof sparkJobs)[number];

/**
 * Iceberg catalog name inside Spark; the scripts build the same settings from `--catalog_name`
 * and `--warehouse_uri` (glue-scripts/lakehouse/spark_config.py).
 */
export const icebergCatalogName = "glue_catalog";

export interface GlueJobsArgs {
    readonly names: ResourceNames;
    readonly accountId: string;
    readonly partition: string;
    readonly region: string;
    /** Physical bucket names per layer. */
    readonly buckets: Readonly<Record<DataLayer, pulumi.Input<string>>>;
    /** Bucket for scripts, the library zip and Spark temp files. */
    readonly glueAssetsBucket: pulumi.Input<string>;
    readonly databaseNames: Readonly<Record<CatalogLayer, string>>;
    readonly datasets: readonly DatasetSpec[];
    /** Encrypts job output in S3, job bookmarks and the catalog. */
    readonly dataLakeKey: aws.kms.Key;
    /** Encrypts the jobs' CloudWatch logs. */
    readonly logsKey: aws.kms.Key;
    /** Name of the Glue security configuration; the logs key policy admits log groups named after it. */
    readonly securityConfigurationName: string;
    /** Worker type, count, class, auto-scaling, retries and timeout from the environment profile. */
    readonly etl: PlatformConfig["etl"];
    readonly logRetentionDays: number;
    /** Keep the jobs' log groups when the stack is deleted. */
    readonly retainOnDelete: boolean;
}

export interface GlueJob {
    readonly job: aws.glue.Job;
    readonly role: aws.iam.Role;
    /** Log groups the job writes to (`--custom-logGroup-prefix`), created encrypted with retention. */
    readonly logGroups: readonly aws.cloudwatch.LogGroup[];
}

/** What each hop reads, writes and commits; prefixes are per dataset so a job sees only its datasets. */
export function sparkJobAccess(
    job: SparkJob,
    buckets: Readonly<Record<DataLayer, string>>,
    databases: Readonly<Record<CatalogLayer, string>>,
    datasets: readonly string[],
): Omit<JobAccess, "logGroups"> {
    const perDataset = (bucket: string, suffix = ""): { bucket: string; prefixes: string[] } => ({
        bucket,
        prefixes: datasets.map((dataset) => `${dataset}${suffix}`),
    });
    const silverTables = [...datasets, "processed_batches"];
    switch (job) {
        case "bronze":
            return {
                read: [perDataset(buckets.landing)],
                write: [perDataset(buckets.bronze)],
                catalogRead: [],
                catalogWrite: [],
                metricNamespaces: ["Glue"],
                publishesDataQuality: false,
            };
        case "silver":
            return {
                read: [perDataset(buckets.bronze)],
                write: [
                    { bucket: buckets.silver, prefixes: silverTables },
                    { bucket: buckets.quarantine, prefixes: [...datasets, "_run_summaries"] },
                ],
                catalogRead: [databases.silver],
                catalogWrite: [{ database: databases.silver, tables: silverTables }],
                metricNamespaces: ["Glue", "Glue Data Quality"],
                publishesDataQuality: true,
            };
        case "gold":
            // Gold reads the silver tables and their changelog; its ledger is customer_ltv's snapshot summary.
            return {
                read: [{ bucket: buckets.silver, prefixes: datasets }],
                write: [{ bucket: buckets.gold, prefixes: ["*"] }],
                catalogRead: [databases.silver, databases.gold],
                catalogWrite: [{ database: databases.gold, tables: ["*"] }],
                metricNamespaces: ["Glue"],
                publishesDataQuality: false,
            };
    }
}

/**
 * The Glue ETL jobs: one security configuration (S3 SSE-KMS and bookmarks CSE-KMS with the
 * data-lake key, CloudWatch SSE-KMS with the logs key), the library zip and entry points
 * uploaded under content-hashed keys, and per hop an encrypted pair of log groups, a role scoped
 * to that hop's prefixes, tables, key and logs, and a Glue 5.0 job with every setting pinned.
 */
export class GlueJobs extends pulumi.ComponentResource {
    readonly securityConfiguration: aws.glue.SecurityConfiguration;
    readonly jobs: Readonly<Record<SparkJob, GlueJob>>;

    constructor(name: string, args: GlueJobsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:etl:GlueJobs", name, {}, opts);

        const { names, partition, region, accountId, etl } = args;

        this.securityConfiguration = new aws.glue.SecurityConfiguration(
            `${name}-security`,
            {
                name: args.securityConfigurationName,
                encryptionConfiguration: {
                    s3Encryption: { s3EncryptionMode: "SSE-KMS", kmsKeyArn: args.dataLakeKey.arn },
                    cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn: args.logsKey.arn },
                    jobBookmarksEncryption: { jobBookmarksEncryptionMode: "CSE-KMS", kmsKeyArn: args.dataLakeKey.arn },
                },
            },
            { parent: this },
        );

        const library = libraryArchive();
        const libraryObject = new aws.s3.BucketObjectv2(
            `${name}-library`,
            { bucket: args.glueAssetsBucket, key: library.key, source: library.archive, contentType: "application/zip" },
            { parent: this },
        );
        const assetsUri = pulumi.interpolate`s3://${args.glueAssetsBucket}`;
        const datasets = args.datasets.map((dataset) => dataset.name);
        const uri = (layer: DataLayer): pulumi.Output<string> => pulumi.interpolate`s3://${args.buckets[layer]}/`;

        // Same settings the scripts apply; passed as --conf too so they hold before the session starts.
        const icebergConf = (warehouse: string): string =>
            [
                "spark.sql.extensions=org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions",
                `spark.sql.catalog.${icebergCatalogName}=org.apache.iceberg.spark.SparkCatalog`,
                `spark.sql.catalog.${icebergCatalogName}.catalog-impl=org.apache.iceberg.aws.glue.GlueCatalog`,
                `spark.sql.catalog.${icebergCatalogName}.io-impl=org.apache.iceberg.aws.s3.S3FileIO`,
                `spark.sql.catalog.${icebergCatalogName}.warehouse=${warehouse}`,
            ].join(" --conf ");

        const contractArguments = (job: SparkJob): Record<string, pulumi.Input<string>> => ({
            "--datasets": datasets.join(","),
            "--catalog_name": icebergCatalogName,
            "--warehouse_uri": uri("silver"),
            "--bronze_database": args.databaseNames.bronze,
            "--silver_database": args.databaseNames.silver,
            "--gold_database": args.databaseNames.gold,
            ...(job === "bronze" ? { "--landing_uri": uri("landing"), "--bronze_uri": uri("bronze") } : {}),
            ...(job === "silver" ? { "--bronze_uri": uri("bronze"), "--quarantine_uri": uri("quarantine") } : {}),
        });

        const trust = JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "glue.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "aws:SourceAccount": accountId } },
                },
            ],
        });

        const defineJob = (job: SparkJob): GlueJob => {
            const jobName = names.resource(job);
            const roleName = names.resource(`glue-${job}`);
            const logGroupPrefix = names.logGroup(`glue-${job}`);
            // Glue 5.0 writes driver and executor logs to <prefix>/error and print output to <prefix>/output.
            const logGroupNames = ["error", "output"].map((stream) => `${logGroupPrefix}/${stream}`);
            const logGroups = logGroupNames.map(
                (groupName) =>
                    new aws.cloudwatch.LogGroup(
                        `${name}-${job}-${groupName.split("/").pop()}`,
                        { name: groupName, kmsKeyId: args.logsKey.arn, retentionInDays: args.logRetentionDays },
                        { parent: this, protect: args.retainOnDelete, retainOnDelete: args.retainOnDelete },
                    ),
            );
            const role = new aws.iam.Role(
                `${name}-${job}`,
                { name: roleName, description: `Runs the ${job} Glue job.`, assumeRolePolicy: trust, maxSessionDuration: 3600 },
                { parent: this },
            );
            const policy = new aws.iam.RolePolicy(
                `${name}-${job}`,
                {
                    role: role.name,
                    name: `${job}-job-access`,
                    policy: pulumi
                        .all([pulumi.output(args.buckets), pulumi.output(args.glueAssetsBucket), args.dataLakeKey.arn])
                        .apply(([buckets, assets, dataLakeKeyArn]) => {
                            const access = sparkJobAccess(job, buckets, args.databaseNames, datasets);
                            return JSON.stringify(
                                jobPolicy(
                                    {
                                        ...access,
                                        read: [...access.read, { bucket: assets, prefixes: ["glue/lib", "glue/scripts"] }],
                                        write: [...access.write, { bucket: assets, prefixes: [`glue/temp/${job}`] }],
                                        logGroups: [
                                            ...logGroupNames,
                                            // Where Glue puts logs encrypted by a security configuration when it ignores the prefix.
                                            `/aws-glue/jobs/${args.securityConfigurationName}-role/${roleName}/*`,
                                        ],
                                    },
                                    { partition, region, accountId, dataLakeKeyArn },
                                ),
                            );
                        }),
                },
                { parent: this },
            );
            const script = jobScript(job);
            const scriptObject = new aws.s3.BucketObjectv2(
                `${name}-${job}-script`,
                { bucket: args.glueAssetsBucket, key: script.key, source: script.asset, contentType: "text/x-python" },
                { parent: this },
            );
            const glueJob = new aws.glue.Job(
                `${name}-${job}`,
                {
                    name: jobName,
                    description: `Lakehouse ${job} hop (glue-scripts/jobs/${job}.py).`,
                    roleArn: role.arn,
                    jobMode: "SCRIPT",
                    glueVersion: "5.0",
                    command: { name: "glueetl", pythonVersion: "3", scriptLocation: pulumi.interpolate`${assetsUri}/${scriptObject.key}` },
                    workerType: etl.workerType,
                    numberOfWorkers: etl.numberOfWorkers,
                    executionClass: etl.executionClass,
                    timeout: etl.timeoutMinutes,
                    maxRetries: etl.maxRetries,
                    // The jobs' ledgers assume one run at a time.
                    executionProperty: { maxConcurrentRuns: 1 },
                    jobRunQueuingEnabled: false,
                    securityConfiguration: this.securityConfiguration.name,
                    defaultArguments: {
                        "--job-language": "python",
                        "--extra-py-files": pulumi.interpolate`${assetsUri}/${libraryObject.key}`,
                        "--datalake-formats": "iceberg",
                        "--conf": uri("silver").apply(icebergConf),
                        "--enable-metrics": "true",
                        "--enable-observability-metrics": "true",
                        "--enable-continuous-cloudwatch-log": "true",
                        "--enable-job-insights": "true",
                        "--enable-spark-ui": "false",
                        "--enable-auto-scaling": String(etl.autoScaling),
                        "--custom-logGroup-prefix": logGroupPrefix,
                        // Incremental state lives in the jobs' own ledgers (bronze file ledger, silver batch table).
                        "--job-bookmark-option": "job-bookmark-disable",
                        "--TempDir": pulumi.interpolate`${assetsUri}/glue/temp/${job}/`,
                        ...contractArguments(job),
                    },
                },
                { parent: this, dependsOn: [policy, ...logGroups] },
            );
            return { job: glueJob, role, logGroups };
        };

        this.jobs = Object.fromEntries(sparkJobs.map((job) => [job, defineJob(job)])) as Record<SparkJob, GlueJob>;

        this.registerOutputs({
            securityConfiguration: this.securityConfiguration.name,
            jobs: Object.fromEntries(sparkJobs.map((job) => [job, this.jobs[job].job.name])),
        });
    }
}
