/**
 * The shapes of a cost report and the one place a line's money is computed, so every line
 * satisfies `monthly = round(quantity × unitPrice, cents)` and totals are sums of lines.
 */
import type { PlannedResource } from "../../harness/evaluate";
import type { PriceTable } from "./price-table";
import { priceOf } from "./price-table";
import type { Usage } from "./usage";

export const hoursPerMonth = 730;

/** Fixed: charged while the resource exists. Usage: grows with data, runs and queries (zero when idle). */
export type ChargeKind = "fixed" | "usage";

export interface CostLine {
    /** Stable across plans: resource name and charge, so two reports can be compared line by line. */
    readonly id: string;
    readonly resource: string;
    readonly type: string;
    readonly charge: string;
    readonly kind: ChargeKind;
    readonly quantity: number;
    readonly unit: string;
    /** USD per unit, from the price table. */
    readonly unitPrice: number;
    readonly priceId: string;
    /** USD a month: quantity × unitPrice, rounded to cents. */
    readonly monthly: number;
    /** What the quantity rests on. */
    readonly assumption: string;
}

export interface UnpricedResource {
    readonly resource: string;
    readonly type: string;
    readonly reason: string;
}

export interface PricingContext {
    readonly project: string;
    readonly stack: string;
    readonly resources: readonly PlannedResource[];
    readonly prices: PriceTable;
    readonly usage: Usage;
    /** Days from the first deploy to the end of the month the report prices. */
    readonly horizonDays: number;
}

export const cents = (usd: number): number => Math.round(usd * 100) / 100;

export function costLine(
    context: PricingContext,
    resource: Pick<PlannedResource, "name" | "type">,
    charge: string,
    kind: ChargeKind,
    quantity: number,
    priceId: string,
    assumption: string,
): CostLine {
    const price = priceOf(context.prices, priceId);
    return {
        id: `${resource.name}: ${charge}`,
        resource: resource.name,
        type: resource.type,
        charge,
        kind,
        quantity,
        unit: price.unit,
        unitPrice: price.usd,
        priceId,
        monthly: cents(quantity * price.usd),
        assumption,
    };
}

/** A priced type whose particular settings the table has no price for (a build compute type, an environment class). */
export interface NotPriced {
    readonly notPriced: string;
}

export type Pricer = (resource: PlannedResource, context: PricingContext) => CostLine[] | NotPriced;

/** How a resource type is treated: priced by a function, free by AWS's price list, or knowingly not priced. */
export type PricingDecision =
    | { readonly kind: "priced"; readonly lines: Pricer }
    | { readonly kind: "free"; readonly reason: string }
    | { readonly kind: "not-priced"; readonly reason: string };

/** A number for the assumption column: no float noise, thousands separated. */
export function figure(value: number): string {
    const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10000) / 10000;
    return rounded.toLocaleString("en-US", { maximumFractionDigits: 4 });
}
