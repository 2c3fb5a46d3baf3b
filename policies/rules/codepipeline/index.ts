/** The codepipeline rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as artifactStoresAreEncryptedWithACustomerManagedKey } from "./artifact-stores-are-encrypted-with-a-customer-managed-key";

export const rules: readonly CatalogRule[] = [artifactStoresAreEncryptedWithACustomerManagedKey];
