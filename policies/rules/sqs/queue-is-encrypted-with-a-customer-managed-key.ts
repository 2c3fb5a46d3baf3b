import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import { customerManagedKeyViolations } from "../../framework/customer-managed-key-check";
import type { StackViolation } from "../../framework/rule-types";
import type { StackGraph } from "../../framework/stack-graph";

/** Every SQS queue sets kmsMasterKeyId to a customer-managed key (SQS-managed SSE is not enough). */
export function queueIsEncryptedWithACustomerManagedKey(stack: StackGraph): StackViolation[] {
    return customerManagedKeyViolations(
        stack,
        ["aws:sqs/queue:Queue"],
        [{ what: "its messages", sourceProperty: "kmsMasterKeyId", key: (r) => r.props.kmsMasterKeyId }],
    );
}

export const rule = stackRule(
    {
        name: "sqs-queue-is-encrypted-with-a-customer-managed-key",
        service: "sqs",
        severity: "medium",
        description: "SQS queues are encrypted with a customer-managed key.",
        why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
        remediation: "Set kmsMasterKeyId on the aws.sqs.Queue.",
        resourceTypes: ["aws:sqs/queue:Queue"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    queueIsEncryptedWithACustomerManagedKey,
);
