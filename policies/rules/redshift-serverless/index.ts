/** The redshift-serverless rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as namespaceIsEncryptedWithACustomerManagedKey } from "./namespace-is-encrypted-with-a-customer-managed-key";
import { rule as namespaceAdminPasswordIsManagedByAws } from "./namespace-admin-password-is-managed-by-aws";
import { rule as namespaceExportsAuditLogs } from "./namespace-exports-audit-logs";
import { rule as workgroupIsNotPubliclyAccessible } from "./workgroup-is-not-publicly-accessible";
import { rule as workgroupUsesEnhancedVpcRouting } from "./workgroup-uses-enhanced-vpc-routing";
import { rule as workgroupRequiresSsl } from "./workgroup-requires-ssl";

export const rules: readonly CatalogRule[] = [
    namespaceIsEncryptedWithACustomerManagedKey,
    namespaceAdminPasswordIsManagedByAws,
    namespaceExportsAuditLogs,
    workgroupIsNotPubliclyAccessible,
    workgroupUsesEnhancedVpcRouting,
    workgroupRequiresSsl,
];
