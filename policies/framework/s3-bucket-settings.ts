/** AWS provider v7 keeps a bucket's settings in separate resources that name the bucket in `bucket`. */
import type { GraphResource, StackGraph } from "./stack-graph";

export const BUCKET_TYPES = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"] as const;

export const SETTING_TYPES = {
    encryption: [
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    ],
    publicAccessBlock: ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"],
    versioning: ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"],
    logging: ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"],
    policy: ["aws:s3/bucketPolicy:BucketPolicy"],
} as const;

export function buckets(stack: StackGraph): GraphResource[] {
    return stack.ofType(...BUCKET_TYPES);
}

/** The setting resources of `types` that configure `bucket`. */
export function settingsOf(stack: StackGraph, bucket: GraphResource, types: readonly string[]): GraphResource[] {
    return stack
        .ofType(...types)
        .filter((setting) => stack.referencedBy(setting, "bucket", setting.props.bucket, BUCKET_TYPES, ["bucket", "id"]).includes(bucket));
}
