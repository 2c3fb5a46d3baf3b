import { ADVISORY_IN_DEV, stackRule } from "../../framework/policy-factory";
import { isTrue } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { StackViolation } from "../../framework/rule-types";
import type { StackGraph } from "../../framework/stack-graph";

/**
 * Every Secrets Manager secret has an enabled SecretRotation. Secrets AWS cannot rotate (a
 * third-party API token) need an exemption saying who rotates them.
 */
export function secretHasRotation(stack: StackGraph): StackViolation[] {
    const rotations = stack.ofType("aws:secretsmanager/secretRotation:SecretRotation");
    return stack.ofType("aws:secretsmanager/secret:Secret").flatMap((secret) => {
        const rotated = rotations.some(
            (rotation) =>
                isTrue(rotation.props.rotationEnabled) !== "no" &&
                stack.referencedBy(rotation, "secretId", rotation.props.secretId, [secret.type], ["id", "arn", "name"]).includes(secret),
        );
        return rotated
            ? []
            : [
                  {
                      urn: secret.urn,
                      message: `${resourceLabel(secret)} must be rotated by an aws.secretsmanager.SecretRotation, but none is configured for it.`,
                  },
              ];
    });
}

export const rule = stackRule(
    {
        name: "secretsmanager-secret-has-rotation",
        service: "secretsmanager",
        severity: "medium",
        description:
            "Secrets Manager secrets are rotated by a SecretRotation; secrets AWS cannot rotate carry an exemption naming who rotates them.",
        why: "Rotation limits how long a leaked credential stays useful.",
        remediation: "Add an aws.secretsmanager.SecretRotation, or exempt the secret with the reason in the policy config.",
        resourceTypes: ["aws:secretsmanager/secret:Secret", "aws:secretsmanager/secretRotation:SecretRotation"],
        enforcement: ADVISORY_IN_DEV,
        exemptions: [
            {
                resource: "urn:pulumi:*::*aws:secretsmanager/secret:Secret::*-secrets-rest-source-credentials",
                reason: "Credentials issued by the REST source's owner; AWS has no rotation function for a third-party API, so its owner rotates them and a person updates the secret (README: Secrets).",
            },
            {
                resource: "urn:pulumi:*::*aws:secretsmanager/secret:Secret::*-secrets-pulumi-backend",
                reason: "A Pulumi access token or backend passphrase is issued outside AWS; Secrets Manager cannot mint a new one, so its owner rotates it before Pulumi's expiry (README: Secrets).",
            },
            {
                resource: "urn:pulumi:*::*aws:secretsmanager/secret:Secret::*-quicksight-redshift-credentials",
                reason: "Password of the read-only warehouse user QuickSight connects as, set by the administrator who creates that user (README: QuickSight); Redshift Serverless has no managed rotation for database users, and a rotation Lambda would need superuser credentials and VPC access the platform does not hand out, so the administrator rotates it with ALTER USER and updates the secret.",
            },
        ],
    },
    secretHasRotation,
);
