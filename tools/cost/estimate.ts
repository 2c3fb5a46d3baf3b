/**
 * The monthly cost of an offline plan: every resource's lines from its pricing decision, the
 * stack-wide lines (QuickSight users, KMS and Secrets Manager requests), the resources the report
 * cannot price, and totals that are sums of the lines.
 */
import type { PlannedResource } from "../../harness/evaluate";
import { cents, type CostLine, type PricingContext, type PricingDecision, type UnpricedResource } from "./cost-lines";
import type { PriceTable } from "./price-table";
import { pricingDecisions, quicksightLines, stackRequestLines } from "./resource-pricing";
import type { Usage } from "./usage";

export interface CostReport {
    readonly stack: string;
    readonly region: string;
    readonly environment?: string;
    readonly monthsDeployed: number;
    readonly lines: readonly CostLine[];
    /** Resources whose cost the report does not know: listed, never counted as $0. */
    readonly notPriced: readonly UnpricedResource[];
    /** Planned resource types AWS does not charge for, with how many and why. */
    readonly free: readonly { readonly type: string; readonly count: number; readonly reason: string }[];
    readonly totals: {
        /** Charged while the stack exists: its cost idle (no data, no runs). */
        readonly fixed: number;
        readonly usage: number;
        readonly total: number;
    };
}

export interface PlanToPrice {
    readonly project: string;
    readonly stack: string;
    readonly resources: readonly PlannedResource[];
    readonly outputs: Record<string, unknown>;
}

/** Component resources carry no charge of their own (their children are planned and priced); awsx's VPC is priced from its inputs. */
function decisionFor(resource: PlannedResource): PricingDecision | "component" | undefined {
    const decision = pricingDecisions[resource.type];
    if (decision) return decision;
    if (!resource.custom || resource.type.startsWith("pulumi:providers:")) return "component";
    return undefined;
}

const sum = (lines: readonly CostLine[]): number => cents(lines.reduce((total, line) => total + line.monthly, 0));

export function estimateCost(plan: PlanToPrice, prices: PriceTable, usage: Usage): CostReport {
    const context: PricingContext = {
        project: plan.project,
        stack: plan.stack,
        resources: plan.resources,
        prices,
        usage,
        horizonDays: (usage.monthsDeployed * 365) / 12,
    };
    const lines: CostLine[] = [];
    const notPriced: UnpricedResource[] = [];
    const free = new Map<string, { count: number; reason: string }>();
    for (const resource of plan.resources) {
        const decision = decisionFor(resource);
        if (decision === "component") continue;
        if (!decision) {
            notPriced.push({ resource: resource.name, type: resource.type, reason: "no price entry and no free decision for this type" });
        } else if (decision.kind === "free") {
            free.set(resource.type, { count: (free.get(resource.type)?.count ?? 0) + 1, reason: decision.reason });
        } else if (decision.kind === "not-priced") {
            notPriced.push({ resource: resource.name, type: resource.type, reason: decision.reason });
        } else {
            const priced = decision.lines(resource, context);
            if ("notPriced" in priced) notPriced.push({ resource: resource.name, type: resource.type, reason: priced.notPriced });
            else lines.push(...priced);
        }
    }
    lines.push(...stackRequestLines(context), ...quicksightLines(context));
    const fixed = lines.filter((line) => line.kind === "fixed");
    const usageLines = lines.filter((line) => line.kind === "usage");
    const environment = typeof plan.outputs["environment"] === "string" ? plan.outputs["environment"] : undefined;
    return {
        stack: plan.stack,
        region: prices.region,
        ...(environment ? { environment } : {}),
        monthsDeployed: usage.monthsDeployed,
        lines,
        notPriced,
        free: [...free.entries()].map(([type, entry]) => ({ type, ...entry })).sort((a, b) => a.type.localeCompare(b.type)),
        totals: { fixed: sum(fixed), usage: sum(usageLines), total: sum(lines) },
    };
}
