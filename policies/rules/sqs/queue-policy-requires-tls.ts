import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import { deniesInsecureTransport } from "../../framework/iam-policy-document";
import { resourceLabel } from "../../framework/resource-label";
import { attachedPolicies } from "../../framework/resource-policies";
import type { StackViolation } from "../../framework/rule-types";
import type { StackGraph } from "../../framework/stack-graph";
import { tlsViolation } from "../../framework/tls-policy";

/** Every SQS queue has a policy that denies requests not made over TLS (aws:SecureTransport false). */
export function queuePolicyRequiresTls(stack: StackGraph): StackViolation[] {
    return stack.ofType("aws:sqs/queue:Queue").flatMap((queue) => {
        const documents = attachedPolicies(stack, queue, {
            inlineProperty: "policy",
            policyTypes: ["aws:sqs/queuePolicy:QueuePolicy"],
            referenceProperty: "queueUrl",
            identifyingProperties: ["url", "id"],
        });
        const message = tlsViolation(resourceLabel(queue), documents, deniesInsecureTransport);
        return message ? [{ urn: queue.urn, message }] : [];
    });
}

export const rule = stackRule(
    {
        name: "sqs-queue-policy-requires-tls",
        service: "sqs",
        severity: "medium",
        description: "SQS queues have a policy denying requests without TLS.",
        why: "Without it, messages can be sent and received over plain HTTP.",
        remediation: "Add a Deny statement with Condition Bool aws:SecureTransport false to the queue policy.",
        resourceTypes: ["aws:sqs/queue:Queue", "aws:sqs/queuePolicy:QueuePolicy"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    queuePolicyRequiresTls,
);
