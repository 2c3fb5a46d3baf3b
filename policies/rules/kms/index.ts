/** The kms rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as keyRotationIsEnabled } from "./key-rotation-is-enabled";
import { rule as keyPolicyGrantsNothingToEveryone } from "./key-policy-grants-nothing-to-everyone";

export const rules: readonly CatalogRule[] = [keyRotationIsEnabled, keyPolicyGrantsNothingToEveryone];
