/** The lambda rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as permissionIsNotPublic } from "./permission-is-not-public";
import { rule as servicePermissionIsScopedBySourceArn } from "./service-permission-is-scoped-by-source-arn";
import { rule as environmentIsEncryptedWithACustomerManagedKey } from "./environment-is-encrypted-with-a-customer-managed-key";
import { rule as environmentHasNoSecrets } from "./environment-has-no-secrets";

export const rules: readonly CatalogRule[] = [
    permissionIsNotPublic,
    servicePermissionIsScopedBySourceArn,
    environmentIsEncryptedWithACustomerManagedKey,
    environmentHasNoSecrets,
];
