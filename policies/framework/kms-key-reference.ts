/**
 * What can be proven about the KMS key a resource says it encrypts with. A known value is
 * judged by its form (AWS-managed aliases are `alias/aws/...`); an unknown value is accepted
 * only when the graph shows it comes from a KMS key of this stack, whose rotation the KMS rules
 * check in turn. Anything else is reported as unverifiable, never passed.
 */
import { isUnknown, type PropertyValue } from "./property-values";
import { resourceLabel } from "./resource-label";
import type { GraphResource, StackGraph } from "./stack-graph";

export const KMS_KEY_TYPES = ["aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey", "aws:kms/alias:Alias"] as const;

export type KeyEvidence =
    | { readonly kind: "customer-managed"; readonly detail: string }
    | { readonly kind: "aws-managed"; readonly detail: string }
    | { readonly kind: "missing" }
    | { readonly kind: "unverifiable" };

export function isAwsManagedKeyReference(value: string): boolean {
    return /(^|:)alias\/aws\//.test(value);
}

/**
 * @param sourceProperty the top-level property whose dependencies say where the value came from
 * @param value the key reference itself (ARN, key id or alias), possibly nested below `sourceProperty`
 */
export function classifyKeyReference(
    graph: StackGraph,
    resource: GraphResource,
    sourceProperty: string,
    value: PropertyValue | undefined,
): KeyEvidence {
    if (isUnknown(value)) {
        const keys = graph.sourcesOf(resource, sourceProperty).filter((source) => KMS_KEY_TYPES.some((t) => t === source.type));
        if (keys.length > 0) {
            return { kind: "customer-managed", detail: `a key of this stack (${keys.map(resourceLabel).join(", ")})` };
        }
        return { kind: "unverifiable" };
    }
    if (typeof value !== "string" || value.trim() === "") return { kind: "missing" };
    if (isAwsManagedKeyReference(value)) return { kind: "aws-managed", detail: value };
    return { kind: "customer-managed", detail: value };
}

/** The violation sentence for evidence that is not a customer-managed key, or undefined when compliant. */
export function keyViolation(subject: string, what: string, evidence: KeyEvidence): string | undefined {
    const must = `${subject} must encrypt ${what} with a customer-managed KMS key`;
    switch (evidence.kind) {
        case "customer-managed":
            return undefined;
        case "missing":
            return `${must}, but no key is set.`;
        case "aws-managed":
            return `${must}, but it uses the AWS-managed key ${evidence.detail}.`;
        case "unverifiable":
            return (
                `${must}; the key is unknown during preview and does not come from a KMS key of this stack, ` + `so it cannot be verified.`
            );
    }
}
