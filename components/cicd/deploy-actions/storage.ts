import type { ResourceTypeActions } from "../deploy-scopes";

/** What `pulumi up` calls for each type of this domain (see deploy-actions/index.ts). S3 buckets and their settings, and the objects the stack uploads. */
export const storageActions: Readonly<Record<string, ResourceTypeActions>> = {
    // The provider finds the bucket's region with HeadBucket (s3:ListBucket), tries the tagging API
    // before the bucket-tagging one, and lists versions to empty a forceDestroy bucket.
    "aws:s3/bucket:Bucket": {
        buckets: [
            "s3:CreateBucket",
            "s3:DeleteBucket",
            "s3:ListBucket",
            "s3:ListBucketVersions",
            "s3:ListTagsForResource",
            "s3:TagResource",
            "s3:UntagResource",
            "s3:GetBucketTagging",
            "s3:PutBucketTagging",
            "s3:GetBucketAcl",
            "s3:GetBucketCORS",
            "s3:GetBucketWebsite",
            "s3:GetBucketVersioning",
            "s3:GetAccelerateConfiguration",
            "s3:GetBucketRequestPayment",
            "s3:GetBucketLogging",
            "s3:GetLifecycleConfiguration",
            "s3:GetReplicationConfiguration",
            "s3:GetEncryptionConfiguration",
            "s3:GetBucketObjectLockConfiguration",
            "s3:GetBucketPolicy",
        ],
    },
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": {
        buckets: ["s3:PutBucketPublicAccessBlock", "s3:GetBucketPublicAccessBlock"],
    },
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": {
        buckets: ["s3:PutBucketOwnershipControls", "s3:GetBucketOwnershipControls"],
    },
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": {
        buckets: ["s3:PutEncryptionConfiguration", "s3:GetEncryptionConfiguration"],
    },
    "aws:s3/bucketVersioning:BucketVersioning": { buckets: ["s3:PutBucketVersioning", "s3:GetBucketVersioning"] },
    "aws:s3/bucketPolicy:BucketPolicy": { buckets: ["s3:PutBucketPolicy", "s3:GetBucketPolicy", "s3:DeleteBucketPolicy"] },
    "aws:s3/bucketLogging:BucketLogging": { buckets: ["s3:PutBucketLogging", "s3:GetBucketLogging"] },
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": {
        buckets: ["s3:PutLifecycleConfiguration", "s3:GetLifecycleConfiguration"],
    },
    "aws:s3/bucketNotification:BucketNotification": { buckets: ["s3:PutBucketNotification", "s3:GetBucketNotification"] },
    // Deleting an object of a versioned bucket deletes every version of its key (ListObjectVersions,
    // then DeleteObject with a version id); reading it is HeadObject (s3:GetObject) and its tags.
    // The provider's uploader switches to a multipart upload above 5 MiB, which under SSE-KMS needs
    // kms:Decrypt as well as a data key.
    "aws:s3/bucketObjectv2:BucketObjectv2": {
        buckets: ["s3:ListBucketVersions"],
        assetObjects: [
            "s3:PutObject",
            "s3:PutObjectTagging",
            "s3:GetObject",
            "s3:GetObjectTagging",
            "s3:DeleteObjectVersion",
            "s3:AbortMultipartUpload",
        ],
        stackKeysThroughServices: ["kms:GenerateDataKey", "kms:Decrypt"],
    },
};
