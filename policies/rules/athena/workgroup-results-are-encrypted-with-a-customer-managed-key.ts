import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import { classifyKeyReference, keyViolation } from "../../framework/kms-key-reference";
import { isUnknown, stringAt, valueAt } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { StackViolation } from "../../framework/rule-types";
import type { StackGraph } from "../../framework/stack-graph";

const PATH = ["configuration", "resultConfiguration", "encryptionConfiguration"] as const;

/** Every Athena workgroup encrypts query results with SSE_KMS or CSE_KMS and a customer-managed key. */
export function workgroupResultsAreEncryptedWithACustomerManagedKey(stack: StackGraph): StackViolation[] {
    return stack.ofType("aws:athena/workgroup:Workgroup").flatMap((workgroup) => {
        const subject = resourceLabel(workgroup);
        const option = valueAt(workgroup.props, ...PATH, "encryptionOption");
        if (!isUnknown(option) && option !== "SSE_KMS" && option !== "CSE_KMS") {
            const actual = stringAt(workgroup.props, ...PATH, "encryptionOption") ?? "not set";
            return [
                {
                    urn: workgroup.urn,
                    message: `${subject} must encrypt query results with SSE_KMS or CSE_KMS, but encryptionOption is ${actual}.`,
                },
            ];
        }
        const evidence = classifyKeyReference(stack, workgroup, "configuration", valueAt(workgroup.props, ...PATH, "kmsKeyArn"));
        const message = keyViolation(subject, "its query results", evidence);
        return message ? [{ urn: workgroup.urn, message }] : [];
    });
}

export const rule = stackRule(
    {
        name: "athena-workgroup-results-are-encrypted-with-a-customer-managed-key",
        service: "athena",
        severity: "high",
        description: "Athena workgroups encrypt query results with SSE_KMS or CSE_KMS and a customer-managed key.",
        why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
        remediation: 'Set configuration.resultConfiguration.encryptionConfiguration {encryptionOption: "SSE_KMS", kmsKeyArn}.',
        resourceTypes: ["aws:athena/workgroup:Workgroup"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    workgroupResultsAreEncryptedWithACustomerManagedKey,
);
