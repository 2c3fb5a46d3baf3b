import { ADVISORY_IN_DEV, stackRule } from "../../framework/policy-factory";
import { BUCKET_TYPES } from "../../framework/s3-bucket-settings";
import { describeValue, isTrue, isUnknown, valueAt } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { StackViolation } from "../../framework/rule-types";
import { buckets, SETTING_TYPES, settingsOf } from "../../framework/s3-bucket-settings";
import type { StackGraph } from "../../framework/stack-graph";

/** Every S3 bucket has versioning enabled (a BucketVersioning with status Enabled). */
export function bucketHasVersioning(stack: StackGraph): StackViolation[] {
    return buckets(stack).flatMap((bucket): StackViolation[] => {
        const subject = resourceLabel(bucket);
        if (isTrue(valueAt(bucket.props, "versioning", "enabled")) === "yes") return [];
        const statuses = settingsOf(stack, bucket, SETTING_TYPES.versioning).map((setting) =>
            valueAt(setting.props, "versioningConfiguration", "status"),
        );
        if (statuses.includes("Enabled")) return [];
        if (statuses.length === 0) {
            return [
                {
                    urn: bucket.urn,
                    message: `${subject} must have versioning enabled, but no BucketVersioning configures it.`,
                },
            ];
        }
        const unknown = statuses.some(isUnknown);
        return [
            {
                urn: bucket.urn,
                message: `${subject} must have versioning status Enabled, but it is ${unknown ? "unknown during preview, so it cannot be verified" : describeValue(statuses[0])}.`,
            },
        ];
    });
}

export const rule = stackRule(
    {
        name: "s3-bucket-has-versioning",
        service: "s3",
        severity: "medium",
        description: "Every S3 bucket has versioning enabled.",
        why: "Versioning lets us recover data overwritten or deleted by a faulty job.",
        remediation: "Add an aws.s3.BucketVersioning with versioningConfiguration.status Enabled.",
        resourceTypes: [...BUCKET_TYPES, ...SETTING_TYPES.versioning],
        enforcement: ADVISORY_IN_DEV,
    },
    bucketHasVersioning,
);
