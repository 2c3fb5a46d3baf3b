import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import { BUCKET_TYPES } from "../../framework/s3-bucket-settings";
import { classifyKeyReference, keyViolation } from "../../framework/kms-key-reference";
import { describeValue, isUnknown, listAt, valueAt, type PropertyValue } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { StackViolation } from "../../framework/rule-types";
import { buckets, SETTING_TYPES, settingsOf } from "../../framework/s3-bucket-settings";
import type { StackGraph } from "../../framework/stack-graph";

const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

function defaultsOf(rules: PropertyValue | undefined): PropertyValue | undefined {
    const list = listAt(rules);
    return valueAt(list ? list[0] : rules, "applyServerSideEncryptionByDefault");
}

/** Every S3 bucket has default encryption with SSE-KMS and a customer-managed key. */
export function bucketIsEncryptedWithACustomerManagedKey(stack: StackGraph): StackViolation[] {
    return buckets(stack).flatMap((bucket): StackViolation[] => {
        const subject = resourceLabel(bucket);
        const settings = settingsOf(stack, bucket, SETTING_TYPES.encryption);
        // The v7 bucket still accepts the deprecated inline block; honour it when present.
        const sources = [
            ...settings.map((setting) => ({ owner: setting, rules: setting.props.rules, property: "rules" })),
            ...(bucket.props.serverSideEncryptionConfiguration !== undefined
                ? [
                      {
                          owner: bucket,
                          rules: valueAt(bucket.props, "serverSideEncryptionConfiguration", "rule"),
                          property: "serverSideEncryptionConfiguration",
                      },
                  ]
                : []),
        ];
        if (sources.length === 0) {
            return [
                {
                    urn: bucket.urn,
                    message: `${subject} must have default encryption with a customer-managed KMS key, but no BucketServerSideEncryptionConfiguration configures it.`,
                },
            ];
        }
        const problems = sources.map(({ owner, rules, property }) => {
            const defaults = defaultsOf(rules);
            const algorithm = valueAt(defaults, "sseAlgorithm");
            if (!isUnknown(algorithm) && !KMS_ALGORITHMS.includes(String(algorithm))) {
                return `${subject} must use SSE-KMS default encryption, but sseAlgorithm is ${describeValue(algorithm)}.`;
            }
            return keyViolation(subject, "its objects", classifyKeyReference(stack, owner, property, valueAt(defaults, "kmsMasterKeyId")));
        });
        // One compliant source is enough; otherwise report what the first one lacks.
        if (problems.some((problem) => problem === undefined)) return [];
        return [{ urn: bucket.urn, message: problems[0] as string }];
    });
}

export const rule = stackRule(
    {
        name: "s3-bucket-is-encrypted-with-a-customer-managed-key",
        service: "s3",
        severity: "high",
        description: "Every S3 bucket has default SSE-KMS encryption with a customer-managed key.",
        why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
        remediation:
            "Add an aws.s3.BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms and kmsMasterKeyId set to a key of this stack.",
        resourceTypes: [...BUCKET_TYPES, ...SETTING_TYPES.encryption],
        enforcement: MANDATORY_EVERYWHERE,
        exemptions: [
            {
                resource: "urn:pulumi:*::*aws:s3/bucket:Bucket::*-lake-access-logs",
                reason: "S3 server access log delivery only supports SSE-S3 (AES256) on the target bucket; SSE-KMS would drop the logs.",
            },
        ],
    },
    bucketIsEncryptedWithACustomerManagedKey,
);
