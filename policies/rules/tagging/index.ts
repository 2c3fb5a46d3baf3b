/** The tagging rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as requiredTagsArePresent } from "./required-tags-are-present";

export const rules: readonly CatalogRule[] = [requiredTagsArePresent];
