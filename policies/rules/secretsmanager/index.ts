/** The secretsmanager rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as secretIsEncryptedWithACustomerManagedKey } from "./secret-is-encrypted-with-a-customer-managed-key";
import { rule as secretHasRotation } from "./secret-has-rotation";

export const rules: readonly CatalogRule[] = [secretIsEncryptedWithACustomerManagedKey, secretHasRotation];
