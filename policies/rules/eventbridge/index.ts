/** The eventbridge rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as busPolicyIsNotOpen } from "./bus-policy-is-not-open";

export const rules: readonly CatalogRule[] = [busPolicyIsNotOpen];
