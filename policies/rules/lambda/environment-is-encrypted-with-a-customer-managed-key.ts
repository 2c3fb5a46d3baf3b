import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
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

export const rule = stackRule(
    {
        name: "lambda-environment-is-encrypted-with-a-customer-managed-key",
        service: "lambda",
        severity: "medium",
        description: "Lambda functions with environment variables encrypt them with a customer-managed key.",
        why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
        remediation: "Set kmsKeyArn on the aws.lambda.Function.",
        resourceTypes: ["aws:lambda/function:Function"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    environmentIsEncryptedWithACustomerManagedKey,
);
