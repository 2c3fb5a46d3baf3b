import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import { BUCKET_TYPES } from "../../framework/s3-bucket-settings";
import { deniesInsecureTransport } from "../../framework/iam-policy-document";
import { resourceLabel } from "../../framework/resource-label";
import { attachedPolicies } from "../../framework/resource-policies";
import type { StackViolation } from "../../framework/rule-types";
import { buckets, SETTING_TYPES } from "../../framework/s3-bucket-settings";
import type { StackGraph } from "../../framework/stack-graph";
import { tlsViolation } from "../../framework/tls-policy";

/** Every S3 bucket has a bucket policy denying requests without TLS. */
export function bucketPolicyRequiresTls(stack: StackGraph): StackViolation[] {
    return buckets(stack).flatMap((bucket) => {
        const documents = attachedPolicies(stack, bucket, {
            inlineProperty: "policy",
            policyTypes: SETTING_TYPES.policy,
            referenceProperty: "bucket",
            identifyingProperties: ["bucket", "id"],
        });
        const message = tlsViolation(resourceLabel(bucket), documents, deniesInsecureTransport);
        return message ? [{ urn: bucket.urn, message }] : [];
    });
}

export const rule = stackRule(
    {
        name: "s3-bucket-policy-requires-tls",
        service: "s3",
        severity: "high",
        description: "Every S3 bucket has a bucket policy denying requests without TLS.",
        why: "Without it, clients can read and write lake data over plain HTTP.",
        remediation: "Add a Deny statement for s3:* with Condition Bool aws:SecureTransport false to the aws.s3.BucketPolicy.",
        resourceTypes: [...BUCKET_TYPES, ...SETTING_TYPES.policy],
        enforcement: MANDATORY_EVERYWHERE,
    },
    bucketPolicyRequiresTls,
);
