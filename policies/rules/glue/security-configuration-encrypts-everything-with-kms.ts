import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import { classifyKeyReference, keyViolation } from "../../framework/kms-key-reference";
import { describeValue, isUnknown, valueAt } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { StackViolation } from "../../framework/rule-types";
import type { StackGraph } from "../../framework/stack-graph";

const TARGETS = [
    { block: "s3Encryption", mode: "s3EncryptionMode", required: "SSE-KMS", what: "job output in S3" },
    { block: "cloudwatchEncryption", mode: "cloudwatchEncryptionMode", required: "SSE-KMS", what: "CloudWatch logs" },
    { block: "jobBookmarksEncryption", mode: "jobBookmarksEncryptionMode", required: "CSE-KMS", what: "job bookmarks" },
] as const;

/** Every Glue security configuration encrypts S3 output, CloudWatch logs and job bookmarks with a KMS key. */
export function securityConfigurationEncryptsEverythingWithKms(stack: StackGraph): StackViolation[] {
    return stack.ofType("aws:glue/securityConfiguration:SecurityConfiguration").flatMap((config) => {
        const subject = resourceLabel(config);
        return TARGETS.flatMap((target): StackViolation[] => {
            const block = valueAt(config.props, "encryptionConfiguration", target.block);
            const mode = valueAt(block, target.mode);
            if (!isUnknown(mode) && mode !== target.required) {
                return [
                    {
                        urn: config.urn,
                        message: `${subject} must encrypt ${target.what} with ${target.required}, but ${target.mode} is ${describeValue(mode)}.`,
                    },
                ];
            }
            const evidence = classifyKeyReference(stack, config, "encryptionConfiguration", valueAt(block, "kmsKeyArn"));
            const message = keyViolation(subject, target.what, evidence);
            return message ? [{ urn: config.urn, message }] : [];
        });
    });
}

export const rule = stackRule(
    {
        name: "glue-security-configuration-encrypts-everything-with-kms",
        service: "glue",
        severity: "high",
        description:
            "Glue security configurations encrypt S3 output (SSE-KMS), CloudWatch logs (SSE-KMS) and job bookmarks (CSE-KMS) with a customer-managed key.",
        why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
        remediation:
            "Set s3EncryptionMode SSE-KMS, cloudwatchEncryptionMode SSE-KMS and jobBookmarksEncryptionMode CSE-KMS, each with kmsKeyArn.",
        resourceTypes: ["aws:glue/securityConfiguration:SecurityConfiguration"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    securityConfigurationEncryptsEverythingWithKms,
);
