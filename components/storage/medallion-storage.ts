import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { dataLayers, type DataLayer, type LayerLifecycle } from "../../config";
import { SecureBucket } from "./secure-bucket";
import type { StackContext } from "../../lib/stack-context";

export interface MedallionStorageArgs {
    /** Where the stack deploys, how it names things and protects its data. */
    readonly context: StackContext;
    /** Key for every bucket but the access-log bucket (see SecureBucket). */
    readonly dataLakeKey: aws.kms.Key;
    /** Lifecycle of current objects per layer. */
    readonly lifecycle: Readonly<Record<DataLayer, LayerLifecycle>>;
    /** Per layer, the key prefixes holding only data files; lifecycle tiers and expires nothing else. */
    readonly dataFilePrefixes: Readonly<Record<DataLayer, readonly string[]>>;
    readonly noncurrentVersionExpirationDays: number;
    readonly accessLogExpirationDays: number;
    readonly athenaResultsExpirationDays: number;
    /**
     * Names of buckets created outside this component that log to the access-log bucket (e.g. the
     * delivery pipeline's artifacts bucket); its policy admits log delivery only from named buckets.
     * @default []
     */
    readonly additionalLoggedBucketNames?: readonly string[];
}

/** Support buckets beside the layers: job scripts and libraries, Athena query results. */
export const supportBuckets = ["glue-assets", "athena-results"] as const;
export type SupportBucket = (typeof supportBuckets)[number];

/**
 * The medallion lake: one bucket per layer (landing, bronze, silver, gold, quarantine), the
 * Glue assets and Athena results buckets, and the access-log bucket all of them log to.
 * Landing publishes object events to EventBridge, which starts the ETL workflow.
 */
export class MedallionStorage extends pulumi.ComponentResource {
    readonly layers: Readonly<Record<DataLayer, SecureBucket>>;
    readonly glueAssets: SecureBucket;
    readonly athenaResults: SecureBucket;
    readonly accessLogs: SecureBucket;

    constructor(name: string, args: MedallionStorageArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:storage:MedallionStorage", name, {}, opts);
        const { accountId, names, arn } = args.context;

        const { noncurrentVersionExpirationDays } = args;
        const noTiering = { transitionToIaDays: 0, transitionToGlacierDays: 0 };

        const accessLogBucketName = names.bucket("access-logs");
        const loggedBucketArns = [
            ...[...dataLayers, ...supportBuckets].map((purpose) => names.bucket(purpose)),
            ...(args.additionalLoggedBucketNames ?? []),
        ].map((bucket) => arn.s3(bucket));
        this.accessLogs = new SecureBucket(
            `${name}-access-logs`,
            {
                purpose: "access-logs",
                bucketName: accessLogBucketName,
                context: args.context,
                lifecycle: { ...noTiering, expirationDays: args.accessLogExpirationDays, noncurrentVersionExpirationDays },
                additionalPolicyStatements: [
                    {
                        Sid: "S3ServerAccessLogDeliveryFromThisAccount",
                        Effect: "Allow",
                        Principal: { Service: "logging.s3.amazonaws.com" },
                        Action: "s3:PutObject",
                        Resource: arn.s3(`${accessLogBucketName}/*`),
                        Condition: {
                            StringEquals: { "aws:SourceAccount": accountId },
                            ArnEquals: { "aws:SourceArn": loggedBucketArns },
                        },
                    },
                ],
            },
            { parent: this },
        );

        const dataBucket = (purpose: string, lifecycle: LayerLifecycle & { currentObjectPrefixes?: readonly string[] }): SecureBucket =>
            new SecureBucket(
                `${name}-${purpose}`,
                {
                    purpose: "data",
                    bucketName: names.bucket(purpose),
                    kmsKey: args.dataLakeKey,
                    accessLogBucket: this.accessLogs,
                    context: args.context,
                    lifecycle: { ...lifecycle, noncurrentVersionExpirationDays },
                },
                { parent: this },
            );

        this.layers = Object.fromEntries(
            dataLayers.map((layer) => [
                layer,
                dataBucket(layer, { ...args.lifecycle[layer], currentObjectPrefixes: args.dataFilePrefixes[layer] }),
            ]),
        ) as Record<DataLayer, SecureBucket>;
        this.glueAssets = dataBucket("glue-assets", { ...noTiering, expirationDays: 0 });
        this.athenaResults = dataBucket("athena-results", { ...noTiering, expirationDays: args.athenaResultsExpirationDays });

        // Manifests landing here start the Glue workflow through an EventBridge rule.
        new aws.s3.BucketNotification(
            `${name}-landing-events`,
            { bucket: this.layers.landing.bucket.id, eventbridge: true },
            { parent: this },
        );

        this.registerOutputs({
            buckets: Object.fromEntries(dataLayers.map((layer) => [layer, this.layers[layer].name])),
            glueAssetsBucket: this.glueAssets.name,
            athenaResultsBucket: this.athenaResults.name,
            accessLogBucket: this.accessLogs.name,
        });
    }
}
