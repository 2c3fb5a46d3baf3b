/** The athena rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as workgroupResultsAreEncryptedWithACustomerManagedKey } from "./workgroup-results-are-encrypted-with-a-customer-managed-key";
import { rule as workgroupEnforcesItsConfiguration } from "./workgroup-enforces-its-configuration";

export const rules: readonly CatalogRule[] = [workgroupResultsAreEncryptedWithACustomerManagedKey, workgroupEnforcesItsConfiguration];
