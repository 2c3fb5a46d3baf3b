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
