import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { describeValue, isTrue } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import { RuleNotApplicable, type RuleResource } from "../../framework/rule-types";

/** A symmetric encryption KMS key has automatic rotation enabled. */
export function keyRotationIsEnabled(resource: RuleResource): string[] {
    if (resource.type !== "aws:kms/key:Key") return [];
    const spec = resource.props.customerMasterKeySpec;
    const usage = resource.props.keyUsage;
    // AWS rotates only symmetric encryption keys; other key specs cannot enable rotation.
    if ((typeof spec === "string" && spec !== "SYMMETRIC_DEFAULT") || (typeof usage === "string" && usage !== "ENCRYPT_DECRYPT")) {
        throw new RuleNotApplicable("AWS supports automatic rotation only for symmetric encryption keys.");
    }
    const rotation = resource.props.enableKeyRotation;
    switch (isTrue(rotation)) {
        case "yes":
            return [];
        case "unknown":
            return [
                `${resourceLabel(resource)} must enable key rotation; enableKeyRotation is unknown during preview, so it cannot be verified.`,
            ];
        case "no":
            return [`${resourceLabel(resource)} must set enableKeyRotation to true, but it is ${describeValue(rotation)}.`];
    }
}

export const rule = resourceRule(
    {
        name: "kms-key-rotation-is-enabled",
        service: "kms",
        severity: "high",
        description: "Every symmetric customer-managed KMS key has automatic rotation enabled.",
        why: "Rotation limits how much data one key version protects and is required by most compliance baselines.",
        remediation: "Set enableKeyRotation: true on the aws.kms.Key.",
        resourceTypes: ["aws:kms/key:Key"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    keyRotationIsEnabled,
);
