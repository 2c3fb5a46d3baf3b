import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import { customerManagedKeyViolations } from "../../framework/customer-managed-key-check";
import type { StackViolation } from "../../framework/rule-types";
import type { StackGraph } from "../../framework/stack-graph";

/** Every SNS topic sets kmsMasterKeyId to a customer-managed key (not alias/aws/sns). */
export function topicIsEncryptedWithACustomerManagedKey(stack: StackGraph): StackViolation[] {
    return customerManagedKeyViolations(
        stack,
        ["aws:sns/topic:Topic"],
        [{ what: "its messages", sourceProperty: "kmsMasterKeyId", key: (r) => r.props.kmsMasterKeyId }],
    );
}

export const rule = stackRule(
    {
        name: "sns-topic-is-encrypted-with-a-customer-managed-key",
        service: "sns",
        severity: "medium",
        description: "SNS topics are encrypted with a customer-managed key.",
        why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
        remediation: "Set kmsMasterKeyId on the aws.sns.Topic.",
        resourceTypes: ["aws:sns/topic:Topic"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    topicIsEncryptedWithACustomerManagedKey,
);
