/** The codebuild rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as projectIsEncryptedWithACustomerManagedKey } from "./project-is-encrypted-with-a-customer-managed-key";
import { rule as projectIsNotPrivileged } from "./project-is-not-privileged";
import { rule as environmentHasNoPlaintextCredentials } from "./environment-has-no-plaintext-credentials";

export const rules: readonly CatalogRule[] = [
    projectIsEncryptedWithACustomerManagedKey,
    projectIsNotPrivileged,
    environmentHasNoPlaintextCredentials,
];
