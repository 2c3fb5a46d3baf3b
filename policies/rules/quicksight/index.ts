/** The quicksight rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as dataSourceUsesSsl } from "./data-source-uses-ssl";

export const rules: readonly CatalogRule[] = [dataSourceUsesSsl];
