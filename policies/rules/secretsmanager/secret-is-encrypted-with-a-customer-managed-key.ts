import { customerManagedKeyViolations } from "../../framework/customer-managed-key-check";
import type { StackViolation } from "../../framework/rule-types";
import type { StackGraph } from "../../framework/stack-graph";

/** Every Secrets Manager secret sets kmsKeyId to a customer-managed key (not aws/secretsmanager). */
export function secretIsEncryptedWithACustomerManagedKey(stack: StackGraph): StackViolation[] {
    return customerManagedKeyViolations(
        stack,
        ["aws:secretsmanager/secret:Secret"],
        [{ what: "its secret value", sourceProperty: "kmsKeyId", key: (r) => r.props.kmsKeyId }],
    );
}
