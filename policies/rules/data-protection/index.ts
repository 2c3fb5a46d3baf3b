/** The data-protection rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as prodDataResourcesAreRetained } from "./prod-data-resources-are-retained";

export const rules: readonly CatalogRule[] = [prodDataResourcesAreRetained];
