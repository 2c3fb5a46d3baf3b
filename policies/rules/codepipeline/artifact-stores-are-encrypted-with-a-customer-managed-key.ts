import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import { classifyKeyReference, keyViolation } from "../../framework/kms-key-reference";
import { isUnknown, listAt, valueAt } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { StackViolation } from "../../framework/rule-types";
import type { StackGraph } from "../../framework/stack-graph";

/** Every artifact store of every CodePipeline pipeline has a customer-managed KMS encryption key. */
export function artifactStoresAreEncryptedWithACustomerManagedKey(stack: StackGraph): StackViolation[] {
    return stack.ofType("aws:codepipeline/pipeline:Pipeline").flatMap((pipeline) => {
        const subject = resourceLabel(pipeline);
        const stores = pipeline.props.artifactStores;
        if (isUnknown(stores)) {
            return [
                {
                    urn: pipeline.urn,
                    message: `${subject} must encrypt its artifact stores with a customer-managed KMS key; they are unknown during preview, so they cannot be verified.`,
                },
            ];
        }
        return (listAt(stores) ?? []).flatMap((store, index) => {
            const evidence = classifyKeyReference(stack, pipeline, "artifactStores", valueAt(store, "encryptionKey", "id"));
            const message = keyViolation(subject, `artifact store #${index + 1}`, evidence);
            return message ? [{ urn: pipeline.urn, message }] : [];
        });
    });
}

export const rule = stackRule(
    {
        name: "codepipeline-artifact-stores-are-encrypted-with-a-customer-managed-key",
        service: "codepipeline",
        severity: "medium",
        description: "CodePipeline artifact stores are encrypted with a customer-managed key.",
        why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
        remediation: 'Set artifactStores[].encryptionKey {id: key ARN, type: "KMS"}.',
        resourceTypes: ["aws:codepipeline/pipeline:Pipeline"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    artifactStoresAreEncryptedWithACustomerManagedKey,
);
