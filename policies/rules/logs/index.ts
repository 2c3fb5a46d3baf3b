/** The logs rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as logGroupIsEncryptedWithACustomerManagedKey } from "./log-group-is-encrypted-with-a-customer-managed-key";
import { rule as logGroupHasRetention } from "./log-group-has-retention";

export const rules: readonly CatalogRule[] = [logGroupIsEncryptedWithACustomerManagedKey, logGroupHasRetention];
