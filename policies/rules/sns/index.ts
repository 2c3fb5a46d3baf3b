/** The sns rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as topicIsEncryptedWithACustomerManagedKey } from "./topic-is-encrypted-with-a-customer-managed-key";
import { rule as topicPolicyRequiresTls } from "./topic-policy-requires-tls";

export const rules: readonly CatalogRule[] = [topicIsEncryptedWithACustomerManagedKey, topicPolicyRequiresTls];
