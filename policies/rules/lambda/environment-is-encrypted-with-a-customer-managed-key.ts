import { customerManagedKeyViolations } from "../../framework/customer-managed-key-check";
import { isPropertyMap, isUnknown, valueAt } from "../../framework/property-values";
import type { StackViolation } from "../../framework/rule-types";
import type { StackGraph } from "../../framework/stack-graph";

/** A Lambda function with environment variables encrypts them with a customer-managed key (kmsKeyArn). */
export function environmentIsEncryptedWithACustomerManagedKey(stack: StackGraph): StackViolation[] {
    return customerManagedKeyViolations(
        stack,
        ["aws:lambda/function:Function"],
        [{ what: "its environment variables", sourceProperty: "kmsKeyArn", key: (r) => r.props.kmsKeyArn }],
        (r) => {
            const variables = valueAt(r.props, "environment", "variables");
            return isUnknown(variables) || (isPropertyMap(variables) && Object.keys(variables).length > 0);
        },
    );
}
