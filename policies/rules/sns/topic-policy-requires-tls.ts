import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import { deniesInsecureTransport } from "../../framework/iam-policy-document";
import { resourceLabel } from "../../framework/resource-label";
import { attachedPolicies } from "../../framework/resource-policies";
import type { StackViolation } from "../../framework/rule-types";
import type { StackGraph } from "../../framework/stack-graph";
import { tlsViolation } from "../../framework/tls-policy";

/** Every SNS topic has a policy that denies requests not made over TLS (aws:SecureTransport false). */
export function topicPolicyRequiresTls(stack: StackGraph): StackViolation[] {
    return stack.ofType("aws:sns/topic:Topic").flatMap((topic) => {
        const documents = attachedPolicies(stack, topic, {
            inlineProperty: "policy",
            policyTypes: ["aws:sns/topicPolicy:TopicPolicy"],
            referenceProperty: "arn",
            identifyingProperties: ["arn", "id"],
        });
        const message = tlsViolation(resourceLabel(topic), documents, deniesInsecureTransport);
        return message ? [{ urn: topic.urn, message }] : [];
    });
}

export const rule = stackRule(
    {
        name: "sns-topic-policy-requires-tls",
        service: "sns",
        severity: "medium",
        description: "SNS topics have a policy denying publishes without TLS.",
        why: "Without it, messages can be published over plain HTTP.",
        remediation: "Add a Deny statement with Condition Bool aws:SecureTransport false to the topic policy.",
        resourceTypes: ["aws:sns/topic:Topic", "aws:sns/topicPolicy:TopicPolicy"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    topicPolicyRequiresTls,
);
