/** The network rules, in the order RULES.md lists them. */
import type { CatalogRule } from "../../framework/policy-factory";
import { rule as ingressIsNotOpenToTheInternet } from "./ingress-is-not-open-to-the-internet";
import { rule as vpcHasFlowLogs } from "./vpc-has-flow-logs";
import { rule as vpcEndpointsAdmitOnlyThisAccount } from "./vpc-endpoints-admit-only-this-account";

export const rules: readonly CatalogRule[] = [ingressIsNotOpenToTheInternet, vpcHasFlowLogs, vpcEndpointsAdmitOnlyThisAccount];
