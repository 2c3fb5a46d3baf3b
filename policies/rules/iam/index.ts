/** The iam rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as actionsAreScopedToAServiceOperation } from "./actions-are-scoped-to-a-service-operation";
import { rule as actionsExist } from "./actions-exist";
import { rule as wildcardResourcesOnlyForUnscopableActions } from "./wildcard-resources-only-for-unscopable-actions";
import { rule as resourcesMatchTheActions } from "./resources-match-the-actions";
import { rule as conditionKeysAreSupported } from "./condition-keys-are-supported";
import { rule as statementsDoNotGrantAdministratorAccess } from "./statements-do-not-grant-administrator-access";
import { rule as managedPoliciesAreNotAdministrative } from "./managed-policies-are-not-administrative";
import { rule as passRoleIsLimitedToNamedRolesAndServices } from "./pass-role-is-limited-to-named-roles-and-services";
import { rule as trustPoliciesNameAServiceOrAccount } from "./trust-policies-name-a-service-or-account";
import { rule as policyAttachmentsHaveASingleManager } from "./policy-attachments-have-a-single-manager";
import { rule as rolesCarryThePermissionsBoundary } from "./roles-carry-the-permissions-boundary";

export const rules: readonly CatalogRule[] = [
    actionsAreScopedToAServiceOperation,
    actionsExist,
    wildcardResourcesOnlyForUnscopableActions,
    resourcesMatchTheActions,
    conditionKeysAreSupported,
    statementsDoNotGrantAdministratorAccess,
    managedPoliciesAreNotAdministrative,
    passRoleIsLimitedToNamedRolesAndServices,
    trustPoliciesNameAServiceOrAccount,
    policyAttachmentsHaveASingleManager,
    rolesCarryThePermissionsBoundary,
];
