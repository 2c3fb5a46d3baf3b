import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DataLayer, PlatformConfig } from "../../config";
import type { CatalogLayer } from "../catalog/lakehouse-catalog";
import type { DatasetSpec } from "../catalog/dataset-specs";
import { jobPolicy, warehouseLoadStatements, type JobAccess } from "./glue-job-policy";
import { jobScript, libraryArchive, libraryWheel } from "./glue-library";
import { serviceTrustPolicy, type PolicyStatement } from "../../lib/iam/documents";
import type { StackContext } from "../../lib/stack-context";

/** The Spark hops, in the order the workflow runs them. */
export const sparkJobs = ["bronze", "silver", "gold"] as const;
export type SparkJob = (typeof sparkJobs)[number];

/**
 * Iceberg catalog name inside Spark; the scripts build the same settings from `--catalog_name`
 * and `--warehouse_uri` (glue-scripts/lakehouse/spark_config.py).
 */
export const icebergCatalogName = "glue_catalog";

export interface GlueJobsArgs {
    /** Where the stack deploys, how it names things and protects its data. */
    readonly context: StackContext;
    /** Physical bucket names per layer. */
    readonly buckets: Readonly<Record<DataLayer, pulumi.Input<string>>>;
    /** Bucket for scripts, the library zip and Spark temp files. */
    readonly glueAssetsBucket: pulumi.Input<string>;
    /** The assets bucket's settings; uploads wait for them, or they would land with SSE-S3 instead of the data-lake key. */
    readonly glueAssetsReady: readonly pulumi.Resource[];
    readonly databaseNames: Readonly<Record<CatalogLayer, string>>;
    readonly datasets: readonly DatasetSpec[];
    /** Encrypts job output in S3 and job bookmarks. */
    readonly dataLakeKey: aws.kms.Key;
    /** Encrypts the jobs' CloudWatch logs. */
    readonly logsKey: aws.kms.Key;
    /** Worker type, count, class, auto-scaling, retries and timeout from the environment profile. */
    readonly etl: PlatformConfig["etl"];
    /** The Redshift Serverless warehouse the warehouse-load job MERGEs gold into. */
    readonly warehouse: WarehouseLoadTarget;
}

/** Where and as whom the warehouse load runs (the job arguments of glue-scripts/README.md). */
export interface WarehouseLoadTarget {
    readonly workgroupName: pulumi.Input<string>;
    /** The job's role may run statements and get credentials on this workgroup only. */
    readonly workgroupArn: pulumi.Input<string>;
    readonly databaseName: string;
    /** Role Redshift uses for Spectrum (`--iam_role_arn`, validated by the job). */
    readonly spectrumRoleArn: pulumi.Input<string>;
    readonly externalSchema: string;
    readonly warehouseSchema: string;
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
                    { bucket: buckets.silver, prefixes: silverTables, icebergOnly: true },
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
                read: [{ bucket: buckets.silver, prefixes: datasets, icebergOnly: true }],
                write: [{ bucket: buckets.gold, prefixes: ["*"] }],
                catalogRead: [databases.silver, databases.gold],
                catalogWrite: [{ database: databases.gold, tables: ["*"] }],
                metricNamespaces: ["Glue"],
                publishesDataQuality: false,
            };
    }
}

/**
 * The SDK the warehouse load installs at start: Python shell 3.9 ships boto3 1.21, whose Data API
 * has no WorkgroupName (added in botocore 1.27.11); 1.40 is a release that still supports Python 3.9.
 */
export const warehouseLoadSdk = "boto3==1.40.76,botocore==1.40.76";

/** The warehouse load's pinned capacity: it submits one Data API batch and polls it while Redshift does the work. */
export const warehouseLoadMaxCapacity = 0.0625;

/**
 * The Glue ETL jobs: one security configuration (S3 SSE-KMS and bookmarks CSE-KMS with the
 * data-lake key, CloudWatch SSE-KMS with the logs key), the library (zip for Spark, wheel for
 * Python shell) and entry points uploaded under content-hashed keys, and per job an encrypted pair
 * of log groups, a role scoped to that job's prefixes, tables, key, logs (and for the warehouse
 * load, its workgroup), and the job with every setting pinned: Glue 5.0 Spark for the hops, a
 * Python shell 3.9 job for the warehouse load.
 */
export class GlueJobs extends pulumi.ComponentResource {
    readonly securityConfiguration: aws.glue.SecurityConfiguration;
    readonly jobs: Readonly<Record<SparkJob, GlueJob>>;
    /** The Python shell job that MERGEs gold into the warehouse tables. */
    readonly warehouseLoad: GlueJob;

    constructor(name: string, args: GlueJobsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:etl:GlueJobs", name, {}, opts);
        const { accountId, partition, region, names } = args.context;
        const { logRetentionDays } = args.context.protection;

        const { etl } = args;

        this.securityConfiguration = new aws.glue.SecurityConfiguration(
            `${name}-security`,
            {
                name: names.glueSecurityConfiguration,
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
            { parent: this, dependsOn: [...args.glueAssetsReady] },
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

        const trust = JSON.stringify(serviceTrustPolicy("glue.amazonaws.com", args.context));

        /** Log groups, role, scoped policy and uploaded entry point of one job. */
        const jobResources = (job: {
            /** Names the job, its role (`glue-<key>`), log groups and temp prefix. */
            readonly key: string;
            /** Entry point under glue-scripts/jobs/, without `.py`. */
            readonly script: string;
            readonly access: (buckets: Record<DataLayer, string>) => Omit<JobAccess, "logGroups">;
            /** Spark jobs write temp files under glue/temp/<key>/ (`--TempDir`). */
            readonly tempDir: boolean;
            /** Glue's own log folder for the job type: `/aws-glue/jobs` (Spark) or `/aws-glue/python-jobs` (Python shell). */
            readonly glueLogFolder: "jobs" | "python-jobs";
            readonly extraStatements?: pulumi.Input<PolicyStatement[]>;
            /** @default `glue-<key>` under the stack's naming */
            readonly roleName?: string;
        }) => {
            const roleName = job.roleName ?? names.resource(`glue-${job.key}`);
            const logGroupPrefix = names.logGroup(`glue-${job.key}`);
            // Glue writes driver and executor logs to <prefix>/error and print output to <prefix>/output.
            const logGroupNames = ["error", "output"].map((stream) => `${logGroupPrefix}/${stream}`);
            const logGroups = logGroupNames.map(
                (groupName) =>
                    new aws.cloudwatch.LogGroup(
                        `${name}-${job.key}-${groupName.split("/").pop()}`,
                        { name: groupName, kmsKeyId: args.logsKey.arn, retentionInDays: logRetentionDays },
                        { parent: this },
                    ),
            );
            const role = new aws.iam.Role(
                `${name}-${job.key}`,
                { name: roleName, description: `Runs the ${job.key} Glue job.`, assumeRolePolicy: trust, maxSessionDuration: 3600 },
                { parent: this },
            );
            const policy = new aws.iam.RolePolicy(
                `${name}-${job.key}`,
                {
                    role: role.name,
                    name: `${job.key}-job-access`,
                    policy: pulumi
                        .all([
                            pulumi.output(args.buckets),
                            pulumi.output(args.glueAssetsBucket),
                            args.dataLakeKey.arn,
                            job.extraStatements ?? [],
                        ])
                        .apply(([buckets, assets, dataLakeKeyArn, extra]) => {
                            const granted = job.access(buckets);
                            const temp = job.tempDir ? [{ bucket: assets, prefixes: [`glue/temp/${job.key}`] }] : [];
                            const document = jobPolicy(
                                {
                                    ...granted,
                                    read: [...granted.read, { bucket: assets, prefixes: ["glue/lib", "glue/scripts"] }],
                                    write: [...granted.write, ...temp],
                                    logGroups: [
                                        ...logGroupNames,
                                        // Where Glue puts logs encrypted by a security configuration when it ignores the prefix.
                                        `/aws-glue/${job.glueLogFolder}/${names.glueSecurityConfiguration}-role/${roleName}/*`,
                                    ],
                                },
                                { partition, region, accountId, dataLakeKeyArn },
                            );
                            return JSON.stringify({ ...document, Statement: [...document.Statement, ...extra] });
                        }),
                },
                { parent: this },
            );
            const scriptAsset = jobScript(job.script);
            const scriptObject = new aws.s3.BucketObjectv2(
                `${name}-${job.key}-script`,
                { bucket: args.glueAssetsBucket, key: scriptAsset.key, source: scriptAsset.asset, contentType: "text/x-python" },
                { parent: this, dependsOn: [...args.glueAssetsReady] },
            );
            return {
                role,
                logGroups,
                logGroupPrefix,
                scriptLocation: pulumi.interpolate`${assetsUri}/${scriptObject.key}`,
                dependsOn: [policy, ...logGroups],
                /** Settings every job pins the same way. */
                settings: {
                    name: names.resource(job.key),
                    roleArn: role.arn,
                    jobMode: "SCRIPT",
                    timeout: etl.timeoutMinutes,
                    maxRetries: etl.maxRetries,
                    // The ledgers (and the load's single transaction) assume one run at a time.
                    executionProperty: { maxConcurrentRuns: 1 },
                    jobRunQueuingEnabled: false,
                    securityConfiguration: this.securityConfiguration.name,
                },
            };
        };

        const defineJob = (job: SparkJob): GlueJob => {
            const { settings, role, logGroups, logGroupPrefix, scriptLocation, dependsOn } = jobResources({
                key: job,
                script: job,
                access: (buckets) => sparkJobAccess(job, buckets, args.databaseNames, datasets),
                tempDir: true,
                glueLogFolder: "jobs",
            });
            const glueJob = new aws.glue.Job(
                `${name}-${job}`,
                {
                    ...settings,
                    description: `Lakehouse ${job} hop (glue-scripts/jobs/${job}.py).`,
                    glueVersion: "5.0",
                    command: { name: "glueetl", pythonVersion: "3", scriptLocation },
                    workerType: etl.workerType,
                    numberOfWorkers: etl.numberOfWorkers,
                    executionClass: etl.executionClass,
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
                { parent: this, dependsOn },
            );
            return { job: glueJob, role, logGroups };
        };

        this.jobs = Object.fromEntries(sparkJobs.map((job) => [job, defineJob(job)])) as Record<SparkJob, GlueJob>;

        const wheel = libraryWheel();
        const wheelObject = new aws.s3.BucketObjectv2(
            `${name}-library-wheel`,
            { bucket: args.glueAssetsBucket, key: wheel.key, source: wheel.archive, contentType: "application/zip" },
            { parent: this, dependsOn: [...args.glueAssetsReady] },
        );
        const loader = jobResources({
            key: "warehouse-load",
            script: "warehouse_load",
            // Only its script and the wheel (added for every job); the data moves inside Redshift.
            access: () => ({
                read: [],
                write: [],
                catalogRead: [],
                catalogWrite: [],
                metricNamespaces: ["Glue"],
                publishesDataQuality: false,
            }),
            tempDir: false,
            glueLogFolder: "python-jobs",
            extraStatements: pulumi.output(args.warehouse.workgroupArn).apply(warehouseLoadStatements),
            // The warehouse's schema phase creates and grants the database user IAMR:<this name>.
            roleName: names.warehouseLoaderRole,
        });
        this.warehouseLoad = {
            job: new aws.glue.Job(
                `${name}-warehouse-load`,
                {
                    // Retries are safe: one Data API batch is one transaction, so a retry starts from what the last committed run left.
                    ...loader.settings,
                    description: "Lakehouse warehouse load (glue-scripts/jobs/warehouse_load.py): MERGEs gold into the warehouse tables.",
                    // Python shell 3.9 runs on Glue 3.0; it has no workers or execution class, only a capacity of 0.0625 or 1 DPU.
                    glueVersion: "3.0",
                    command: { name: "pythonshell", pythonVersion: "3.9", scriptLocation: loader.scriptLocation },
                    maxCapacity: warehouseLoadMaxCapacity,
                    defaultArguments: {
                        "--job-language": "python",
                        "--extra-py-files": pulumi.interpolate`${assetsUri}/${wheelObject.key}`,
                        "--additional-python-modules": warehouseLoadSdk,
                        "--enable-continuous-cloudwatch-log": "true",
                        "--custom-logGroup-prefix": loader.logGroupPrefix,
                        "--workgroup_name": args.warehouse.workgroupName,
                        "--database": args.warehouse.databaseName,
                        "--gold_database": args.databaseNames.gold,
                        "--iam_role_arn": args.warehouse.spectrumRoleArn,
                        "--external_schema": args.warehouse.externalSchema,
                        "--warehouse_schema": args.warehouse.warehouseSchema,
                    },
                },
                { parent: this, dependsOn: loader.dependsOn },
            ),
            role: loader.role,
            logGroups: loader.logGroups,
        };

        this.registerOutputs({
            securityConfiguration: this.securityConfiguration.name,
            jobs: Object.fromEntries(sparkJobs.map((job) => [job, this.jobs[job].job.name])),
            warehouseLoad: this.warehouseLoad.job.name,
        });
    }
}
