import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import { customerManagedKeyViolations } from "../../framework/customer-managed-key-check";
import { isTrue, valueAt } from "../../framework/property-values";
import type { StackViolation } from "../../framework/rule-types";
import type { StackGraph } from "../../framework/stack-graph";

/** Every DynamoDB table enables server-side encryption with a customer-managed key. */
export function tableIsEncryptedWithACustomerManagedKey(stack: StackGraph): StackViolation[] {
    return customerManagedKeyViolations(
        stack,
        ["aws:dynamodb/table:Table"],
        [
            {
                what: "its items",
                sourceProperty: "serverSideEncryption",
                // Without `enabled`, DynamoDB uses an AWS-owned key whatever kmsKeyArn says.
                key: (r) =>
                    isTrue(valueAt(r.props, "serverSideEncryption", "enabled")) === "no"
                        ? undefined
                        : valueAt(r.props, "serverSideEncryption", "kmsKeyArn"),
            },
        ],
    );
}

export const rule = stackRule(
    {
        name: "dynamodb-table-is-encrypted-with-a-customer-managed-key",
        service: "dynamodb",
        severity: "medium",
        description: "DynamoDB tables enable server-side encryption with a customer-managed key.",
        why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
        remediation: "Set serverSideEncryption {enabled: true, kmsKeyArn}.",
        resourceTypes: ["aws:dynamodb/table:Table"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    tableIsEncryptedWithACustomerManagedKey,
);
