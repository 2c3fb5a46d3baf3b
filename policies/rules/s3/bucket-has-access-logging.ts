import { ADVISORY_IN_DEV, stackRule } from "../../framework/policy-factory";
import { isPresentString, valueAt } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { StackViolation } from "../../framework/rule-types";
import { BUCKET_TYPES, buckets, SETTING_TYPES, settingsOf } from "../../framework/s3-bucket-settings";
import type { StackGraph } from "../../framework/stack-graph";

/**
 * Every S3 bucket sends server access logs to a log bucket. The log bucket itself is the
 * destination and is exempt by construction (logging it into itself would loop).
 */
export function bucketHasAccessLogging(stack: StackGraph): StackViolation[] {
    const loggings = stack.ofType(...SETTING_TYPES.logging);
    const logDestinations = new Set(
        loggings.flatMap((logging) =>
            stack.referencedBy(logging, "targetBucket", logging.props.targetBucket, BUCKET_TYPES, ["bucket", "id"]).map((b) => b.urn),
        ),
    );
    return buckets(stack).flatMap((bucket): StackViolation[] => {
        if (logDestinations.has(bucket.urn)) return [];
        if (isPresentString(valueAt(bucket.props, "logging", "targetBucket")) !== "no") return [];
        const configured = settingsOf(stack, bucket, SETTING_TYPES.logging).some(
            (logging) => isPresentString(logging.props.targetBucket) !== "no",
        );
        return configured
            ? []
            : [
                  {
                      urn: bucket.urn,
                      message: `${resourceLabel(bucket)} must send server access logs to a log bucket, but no BucketLogging configures it.`,
                  },
              ];
    });
}

export const rule = stackRule(
    {
        name: "s3-bucket-has-access-logging",
        service: "s3",
        severity: "medium",
        description: "Every S3 bucket (except the access-log bucket itself) sends server access logs to a log bucket.",
        why: "Access logs are the audit trail of who read or changed lake data.",
        remediation: "Add an aws.s3.BucketLogging with targetBucket set to the stack's access-log bucket.",
        resourceTypes: [...BUCKET_TYPES, ...SETTING_TYPES.logging],
        enforcement: ADVISORY_IN_DEV,
    },
    bucketHasAccessLogging,
);
