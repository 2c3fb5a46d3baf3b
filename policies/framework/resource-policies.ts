/** Finds the resource-based policy documents attached to a resource, inline or through a policy resource. */
import { parsePolicyDocument, type PolicyDocument } from "./iam-policy-document";
import type { GraphResource, StackGraph } from "./stack-graph";

export interface AttachedPolicySpec {
    /** Property of the target holding an inline policy, if the type has one. */
    readonly inlineProperty?: string;
    /** Types of the separate policy resources. */
    readonly policyTypes: readonly string[];
    /** Property of the policy resource that names the target. */
    readonly referenceProperty: string;
    /** Properties of the target that the reference can equal. */
    readonly identifyingProperties: readonly string[];
}

export function attachedPolicies(stack: StackGraph, target: GraphResource, spec: AttachedPolicySpec): PolicyDocument[] {
    const documents: PolicyDocument[] = [];
    if (spec.inlineProperty && target.props[spec.inlineProperty] !== undefined) {
        documents.push(parsePolicyDocument(target.props[spec.inlineProperty]));
    }
    for (const policy of stack.ofType(...spec.policyTypes)) {
        const targets = stack.referencedBy(
            policy,
            spec.referenceProperty,
            policy.props[spec.referenceProperty],
            [target.type],
            spec.identifyingProperties,
        );
        if (targets.includes(target)) documents.push(parsePolicyDocument(policy.props.policy));
    }
    return documents.filter((document) => document.kind !== "absent");
}
