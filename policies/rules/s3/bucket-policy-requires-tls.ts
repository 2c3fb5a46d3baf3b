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
