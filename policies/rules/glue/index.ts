/** The glue rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as jobsAndCrawlersHaveASecurityConfiguration } from "./jobs-and-crawlers-have-a-security-configuration";
import { rule as securityConfigurationEncryptsEverythingWithKms } from "./security-configuration-encrypts-everything-with-kms";
import { rule as dataCatalogIsEncrypted } from "./data-catalog-is-encrypted";
import { rule as connectionHasNoPlaintextPassword } from "./connection-has-no-plaintext-password";

export const rules: readonly CatalogRule[] = [
    jobsAndCrawlersHaveASecurityConfiguration,
    securityConfigurationEncryptsEverythingWithKms,
    dataCatalogIsEncrypted,
    connectionHasNoPlaintextPassword,
];
