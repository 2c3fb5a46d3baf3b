import { customerManagedKeyViolations } from "../../framework/customer-managed-key-check";
import type { StackViolation } from "../../framework/rule-types";
import type { StackGraph } from "../../framework/stack-graph";

/** Every CloudWatch log group sets kmsKeyId to a customer-managed key. */
export function logGroupIsEncryptedWithACustomerManagedKey(stack: StackGraph): StackViolation[] {
    return customerManagedKeyViolations(
        stack,
        ["aws:cloudwatch/logGroup:LogGroup"],
        [{ what: "its log events", sourceProperty: "kmsKeyId", key: (r) => r.props.kmsKeyId }],
    );
}
