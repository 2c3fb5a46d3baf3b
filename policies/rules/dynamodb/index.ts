/** The dynamodb rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as tableIsEncryptedWithACustomerManagedKey } from "./table-is-encrypted-with-a-customer-managed-key";
import { rule as tableHasPointInTimeRecovery } from "./table-has-point-in-time-recovery";

export const rules: readonly CatalogRule[] = [tableIsEncryptedWithACustomerManagedKey, tableHasPointInTimeRecovery];
