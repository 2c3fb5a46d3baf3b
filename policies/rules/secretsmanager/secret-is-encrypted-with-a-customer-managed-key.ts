import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
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

export const rule = stackRule(
    {
        name: "secretsmanager-secret-is-encrypted-with-a-customer-managed-key",
        service: "secretsmanager",
        severity: "high",
        description: "Secrets Manager secrets are encrypted with a customer-managed key.",
        why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
        remediation: "Set kmsKeyId on the aws.secretsmanager.Secret.",
        resourceTypes: ["aws:secretsmanager/secret:Secret"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    secretIsEncryptedWithACustomerManagedKey,
);
