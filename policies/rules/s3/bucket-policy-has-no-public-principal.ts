import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import { BUCKET_TYPES } from "../../framework/s3-bucket-settings";
import { conditionKeys, uninspectableDocument } from "../../framework/iam-policy-document";
import { resourceLabel } from "../../framework/resource-label";
import { attachedPolicies } from "../../framework/resource-policies";
import type { StackViolation } from "../../framework/rule-types";
import { buckets, SETTING_TYPES } from "../../framework/s3-bucket-settings";
import type { StackGraph } from "../../framework/stack-graph";

/** Condition keys that tie a `*` principal to our account, organisation, network or calling resource. */
const NARROWING_KEYS = [
    "aws:sourcearn",
    "aws:sourceaccount",
    "aws:principalorgid",
    "aws:principalaccount",
    "aws:sourcevpce",
    "aws:sourcevpc",
];

/** No S3 bucket policy allows the `*` principal without a narrowing condition. */
export function bucketPolicyHasNoPublicPrincipal(stack: StackGraph): StackViolation[] {
    return buckets(stack).flatMap((bucket) => {
        const subject = resourceLabel(bucket);
        const documents = attachedPolicies(stack, bucket, {
            inlineProperty: "policy",
            policyTypes: SETTING_TYPES.policy,
            referenceProperty: "bucket",
            identifyingProperties: ["bucket", "id"],
        });
        return documents.flatMap((document) => {
            const blocked = uninspectableDocument(subject, "its bucket policy", document, "not grant access to everyone");
            if (blocked) return [{ urn: bucket.urn, message: blocked }];
            if (document.kind !== "parsed") return [];
            return document.statements
                .filter((s) => s.effect === "Allow" && (s.principals ?? []).some((p) => p.value === "*"))
                .filter((s) => !conditionKeys(s).some((key) => NARROWING_KEYS.includes(key)))
                .map((s) => ({
                    urn: bucket.urn,
                    message: `${subject} must not grant access to everyone, but statement ${s.label} of its bucket policy allows the "*" principal without a narrowing condition.`,
                }));
        });
    });
}

export const rule = stackRule(
    {
        name: "s3-bucket-policy-has-no-public-principal",
        service: "s3",
        severity: "critical",
        description: "No S3 bucket policy allows the * principal without a narrowing condition.",
        why: "A * principal in an Allow makes the bucket readable or writable by anyone.",
        remediation: "Name the principals, or add aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID conditions.",
        resourceTypes: [...BUCKET_TYPES, ...SETTING_TYPES.policy],
        enforcement: MANDATORY_EVERYWHERE,
    },
    bucketPolicyHasNoPublicPrincipal,
);
