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
