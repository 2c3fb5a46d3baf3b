import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyStatement } from "../../lib/iam/documents";
import type { StackContext } from "../../lib/stack-context";

export interface BucketLifecycle {
    /** Days before current objects move to Standard-IA; 0 = never. */
    readonly transitionToIaDays: number;
    /** Days before current objects move to Glacier Flexible Retrieval; 0 = never. */
    readonly transitionToGlacierDays: number;
    /** Days before current objects expire; 0 = never. */
    readonly expirationDays: number;
    /** Days before noncurrent versions are deleted. */
    readonly noncurrentVersionExpirationDays: number;
    /**
     * Key prefixes the tiering and expiration of current objects apply to, so they never reach a
     * ledger, run record or table metadata that a job reads on every run.
     * @default the whole bucket
     */
    readonly currentObjectPrefixes?: readonly string[];
}

interface CommonBucketArgs {
    /** Physical bucket name; see ResourceNames.bucket. */
    readonly bucketName: string;
    readonly lifecycle: BucketLifecycle;
    /**
     * The stack: where it does not keep data on delete, the bucket is created with `forceDestroy`
     * so the stack tears down cleanly (the data-protection transform keeps it where it does).
     */
    readonly context: StackContext;
    /** Statements appended to the bucket policy after the TLS-only denials. */
    readonly additionalPolicyStatements?: pulumi.Input<PolicyStatement>[];
}

/** A bucket holding platform data: SSE-KMS with a bucket key, access-logged to the log bucket. */
export interface DataBucketArgs extends CommonBucketArgs {
    readonly purpose: "data";
    readonly kmsKey: aws.kms.Key;
    readonly accessLogBucket: SecureBucket;
}

/**
 * The server-access-log target. S3 log delivery does not support SSE-KMS targets, so this one
 * bucket uses SSE-S3 (AES-256); it holds request metadata, never platform data.
 */
export interface AccessLogBucketArgs extends CommonBucketArgs {
    readonly purpose: "access-logs";
}

export type SecureBucketArgs = DataBucketArgs | AccessLogBucketArgs;

/**
 * An S3 bucket with the settings no platform bucket may go without, fixed rather than
 * optional: default encryption, versioning, all four public-access blocks, bucket-owner-enforced
 * ownership (ACLs off), a policy denying non-TLS and pre-TLS-1.2 requests, access logging and a
 * lifecycle that aborts stale multipart uploads and expires noncurrent versions.
 */
export class SecureBucket extends pulumi.ComponentResource {
    readonly bucket: aws.s3.Bucket;
    readonly name: pulumi.Output<string>;
    readonly arn: pulumi.Output<string>;
    /** What objects the stack itself writes must wait for: encryption, versioning, the public-access block and the policy. */
    readonly objectPrerequisites: readonly pulumi.Resource[];

    constructor(name: string, args: SecureBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:storage:SecureBucket", name, {}, opts);

        const child: pulumi.CustomResourceOptions = { parent: this };

        this.bucket = new aws.s3.Bucket(
            name,
            { bucket: args.bucketName, forceDestroy: !args.context.protection.retainOnDelete, objectLockEnabled: false },
            child,
        );
        const bucketId = this.bucket.id;
        this.name = this.bucket.bucket;
        this.arn = this.bucket.arn;

        const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
            `${name}-public-access`,
            { bucket: bucketId, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            child,
        );
        new aws.s3.BucketOwnershipControls(
            `${name}-ownership`,
            { bucket: bucketId, rule: { objectOwnership: "BucketOwnerEnforced" } },
            child,
        );
        const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-encryption`,
            {
                bucket: bucketId,
                rules: [
                    args.purpose === "data"
                        ? {
                              applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKey.arn },
                              bucketKeyEnabled: true,
                          }
                        : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
                ],
            },
            child,
        );
        const versioning = new aws.s3.BucketVersioning(
            `${name}-versioning`,
            { bucket: bucketId, versioningConfiguration: { status: "Enabled" } },
            child,
        );

        const everything = [this.bucket.arn, pulumi.interpolate`${this.bucket.arn}/*`];
        const denyWhen = (sid: string, condition: Record<string, Record<string, string>>): PolicyStatement => ({
            Sid: sid,
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: everything,
            Condition: condition,
        });
        const denyInsecureTransport = pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                denyWhen("DenyRequestsWithoutTls", { Bool: { "aws:SecureTransport": "false" } }),
                denyWhen("DenyTlsOlderThan12", { NumericLessThan: { "s3:TlsVersion": "1.2" } }),
                ...(args.additionalPolicyStatements ?? []),
            ],
        });
        // The public-access block must exist first, or AWS may evaluate the policy without it.
        const policy = new aws.s3.BucketPolicy(
            `${name}-policy`,
            { bucket: bucketId, policy: denyInsecureTransport },
            { parent: this, dependsOn: [publicAccessBlock] },
        );

        if (args.purpose === "data") {
            new aws.s3.BucketLogging(
                `${name}-access-logging`,
                {
                    bucket: bucketId,
                    targetBucket: args.accessLogBucket.name,
                    targetPrefix: pulumi.interpolate`${this.bucket.bucket}/`,
                    targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
                },
                child,
            );
        }

        new aws.s3.BucketLifecycleConfiguration(
            `${name}-lifecycle`,
            { bucket: bucketId, rules: lifecycleRules(args.lifecycle) },
            // Lifecycle rules on noncurrent versions require versioning to be configured first.
            { parent: this, dependsOn: [versioning] },
        );

        this.objectPrerequisites = [encryption, versioning, publicAccessBlock, policy];

        this.registerOutputs({ name: this.name, arn: this.arn });
    }
}

/** Lifecycle rules for one bucket; exported so the rule set can be tested without a stack. */
export function lifecycleRules(lifecycle: BucketLifecycle): aws.types.input.s3.BucketLifecycleConfigurationRule[] {
    const transitions = [
        ...(lifecycle.transitionToIaDays > 0 ? [{ days: lifecycle.transitionToIaDays, storageClass: "STANDARD_IA" }] : []),
        ...(lifecycle.transitionToGlacierDays > 0 ? [{ days: lifecycle.transitionToGlacierDays, storageClass: "GLACIER" }] : []),
    ];
    const rules: aws.types.input.s3.BucketLifecycleConfigurationRule[] = [
        {
            id: "abort-incomplete-multipart-uploads",
            status: "Enabled",
            filter: {},
            abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
        },
        {
            id: "expire-noncurrent-versions",
            status: "Enabled",
            filter: {},
            noncurrentVersionExpiration: { noncurrentDays: lifecycle.noncurrentVersionExpirationDays },
        },
    ];
    if (transitions.length > 0 || lifecycle.expirationDays > 0) {
        const tierAndExpire = {
            status: "Enabled",
            ...(transitions.length > 0 ? { transitions } : {}),
            ...(lifecycle.expirationDays > 0 ? { expiration: { days: lifecycle.expirationDays } } : {}),
        };
        const prefixes = lifecycle.currentObjectPrefixes;
        if (prefixes === undefined) {
            rules.push({ id: "tier-and-expire-current-objects", filter: {}, ...tierAndExpire });
        } else {
            for (const prefix of prefixes) rules.push({ id: `tier-and-expire ${prefix}`, filter: { prefix }, ...tierAndExpire });
        }
    }
    return rules;
}
