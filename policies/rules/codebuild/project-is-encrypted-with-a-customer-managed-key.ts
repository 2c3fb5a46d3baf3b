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
