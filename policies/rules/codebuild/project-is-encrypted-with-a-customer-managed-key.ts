import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import { customerManagedKeyViolations } from "../../framework/customer-managed-key-check";
import type { StackViolation } from "../../framework/rule-types";
import type { StackGraph } from "../../framework/stack-graph";

/** Every CodeBuild project sets encryptionKey to a customer-managed key for its build artifacts. */
export function projectIsEncryptedWithACustomerManagedKey(stack: StackGraph): StackViolation[] {
    return customerManagedKeyViolations(
        stack,
        ["aws:codebuild/project:Project"],
        [{ what: "its build artifacts", sourceProperty: "encryptionKey", key: (r) => r.props.encryptionKey }],
    );
}

export const rule = stackRule(
    {
        name: "codebuild-project-is-encrypted-with-a-customer-managed-key",
        service: "codebuild",
        severity: "medium",
        description: "CodeBuild projects encrypt build artifacts with a customer-managed key.",
        why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
        remediation: "Set encryptionKey on the aws.codebuild.Project.",
        resourceTypes: ["aws:codebuild/project:Project"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    projectIsEncryptedWithACustomerManagedKey,
);
