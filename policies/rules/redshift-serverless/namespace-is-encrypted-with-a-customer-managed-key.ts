import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
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

export const rule = stackRule(
    {
        name: "redshift-serverless-namespace-is-encrypted-with-a-customer-managed-key",
        service: "redshift-serverless",
        severity: "high",
        description: "Every Redshift Serverless namespace is encrypted with a customer-managed key.",
        why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
        remediation: "Set kmsKeyId on the aws.redshiftserverless.Namespace.",
        resourceTypes: ["aws:redshiftserverless/namespace:Namespace"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    namespaceIsEncryptedWithACustomerManagedKey,
);
