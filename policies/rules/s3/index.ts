/** The s3 rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as bucketIsEncryptedWithACustomerManagedKey } from "./bucket-is-encrypted-with-a-customer-managed-key";
import { rule as bucketBlocksAllPublicAccess } from "./bucket-blocks-all-public-access";
import { rule as bucketPolicyRequiresTls } from "./bucket-policy-requires-tls";
import { rule as bucketPolicyHasNoPublicPrincipal } from "./bucket-policy-has-no-public-principal";
import { rule as bucketHasVersioning } from "./bucket-has-versioning";
import { rule as bucketHasAccessLogging } from "./bucket-has-access-logging";

export const rules: readonly CatalogRule[] = [
    bucketIsEncryptedWithACustomerManagedKey,
    bucketBlocksAllPublicAccess,
    bucketPolicyRequiresTls,
    bucketPolicyHasNoPublicPrincipal,
    bucketHasVersioning,
    bucketHasAccessLogging,
];
