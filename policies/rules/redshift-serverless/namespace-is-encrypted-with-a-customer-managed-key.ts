import { customerManagedKeyViolations } from "../../framework/customer-managed-key-check";
import type { StackViolation } from "../../framework/rule-types";
import type { StackGraph } from "../../framework/stack-graph";

/** Every Redshift Serverless namespace sets kmsKeyId to a customer-managed key. */
export function namespaceIsEncryptedWithACustomerManagedKey(stack: StackGraph): StackViolation[] {
    return customerManagedKeyViolations(
        stack,
        ["aws:redshiftserverless/namespace:Namespace"],
        [{ what: "its warehouse data", sourceProperty: "kmsKeyId", key: (r) => r.props.kmsKeyId }],
    );
}
