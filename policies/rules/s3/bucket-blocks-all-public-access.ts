import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import { BUCKET_TYPES } from "../../framework/s3-bucket-settings";
import { isTrue } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { StackViolation } from "../../framework/rule-types";
import { buckets, SETTING_TYPES, settingsOf } from "../../framework/s3-bucket-settings";
import type { StackGraph } from "../../framework/stack-graph";

export const PUBLIC_ACCESS_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** Every S3 bucket has a public access block with all four flags true. */
export function bucketBlocksAllPublicAccess(stack: StackGraph): StackViolation[] {
    return buckets(stack).flatMap((bucket): StackViolation[] => {
        const subject = resourceLabel(bucket);
        const blocks = settingsOf(stack, bucket, SETTING_TYPES.publicAccessBlock);
        if (blocks.length === 0) {
            return [
                {
                    urn: bucket.urn,
                    message: `${subject} must have a BucketPublicAccessBlock with all four flags true, but it has none.`,
                },
            ];
        }
        if (blocks.some((block) => PUBLIC_ACCESS_FLAGS.every((flag) => isTrue(block.props[flag]) === "yes"))) return [];
        const missing = PUBLIC_ACCESS_FLAGS.filter((flag) => isTrue(blocks[0].props[flag]) !== "yes");
        return [
            {
                urn: bucket.urn,
                message: `${subject} must block all public access, but ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not true.`,
            },
        ];
    });
}

export const rule = stackRule(
    {
        name: "s3-bucket-blocks-all-public-access",
        service: "s3",
        severity: "critical",
        description: "Every S3 bucket has a public access block with all four flags true.",
        why: "A bucket without the block can be made public by one ACL or policy change.",
        remediation:
            "Add an aws.s3.BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets true.",
        resourceTypes: [...BUCKET_TYPES, ...SETTING_TYPES.publicAccessBlock],
        enforcement: MANDATORY_EVERYWHERE,
    },
    bucketBlocksAllPublicAccess,
);
