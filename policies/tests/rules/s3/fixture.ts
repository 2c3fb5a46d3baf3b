/** A compliant v7 bucket with its separate setting resources, referenced the way the program wires them. */
import type { ExportedResource } from "../../../runner/resource-document";
import { KEY_ARN, policyJson, resource } from "../../harness";

export const BUCKET = "aws:s3/bucket:Bucket";

export interface BucketFixture {
    bucket: ExportedResource;
    logs: ExportedResource;
    settings: Record<"encryption" | "publicAccessBlock" | "versioning" | "logging" | "policy", ExportedResource>;
}

export const tlsDeny = {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: ["arn:aws:s3:::gold-bucket", "arn:aws:s3:::gold-bucket/*"],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
};

export function bucketFixture(): BucketFixture {
    const bucket = resource(BUCKET, "gold", { bucket: "gold-bucket" }, { id: "gold-bucket" });
    const logs = resource(BUCKET, "access-logs", { bucket: "log-bucket" }, { id: "log-bucket" });
    const on = (type: string, name: string, inputs: Record<string, unknown>) =>
        resource(
            type,
            name,
            { bucket: "gold-bucket", ...inputs },
            { dependencies: [bucket.urn], propertyDependencies: { bucket: [bucket.urn] } },
        );
    return {
        bucket,
        logs,
        settings: {
            encryption: on("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "gold-sse", {
                rules: [
                    {
                        applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN },
                        bucketKeyEnabled: true,
                    },
                ],
            }),
            publicAccessBlock: on("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "gold-pab", {
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            }),
            versioning: on("aws:s3/bucketVersioning:BucketVersioning", "gold-versioning", {
                versioningConfiguration: { status: "Enabled" },
            }),
            logging: on("aws:s3/bucketLogging:BucketLogging", "gold-logging", {
                targetBucket: "log-bucket",
                targetPrefix: "gold/",
            }),
            policy: on("aws:s3/bucketPolicy:BucketPolicy", "gold-policy", { policy: policyJson([tlsDeny]) }),
        },
    };
}

export function all(fixture: BucketFixture): ExportedResource[] {
    return [fixture.bucket, ...Object.values(fixture.settings)];
}
