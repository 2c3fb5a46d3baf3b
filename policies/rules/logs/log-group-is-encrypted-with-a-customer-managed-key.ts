import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
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

export const rule = stackRule(
    {
        name: "logs-log-group-is-encrypted-with-a-customer-managed-key",
        service: "logs",
        severity: "medium",
        description: "CloudWatch log groups are encrypted with a customer-managed key.",
        why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
        remediation: "Set kmsKeyId on the aws.cloudwatch.LogGroup (the key policy must allow logs.<region>.amazonaws.com).",
        resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    logGroupIsEncryptedWithACustomerManagedKey,
);
