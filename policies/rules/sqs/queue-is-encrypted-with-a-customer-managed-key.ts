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
