/** The sqs rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as queueIsEncryptedWithACustomerManagedKey } from "./queue-is-encrypted-with-a-customer-managed-key";
import { rule as queuePolicyRequiresTls } from "./queue-policy-requires-tls";

export const rules: readonly CatalogRule[] = [queueIsEncryptedWithACustomerManagedKey, queuePolicyRequiresTls];
