/**
 * The cost report of the planned stacks (dev, prod, every optional feature on): every planned type
 * has a pricing decision, lines add up, and the stacks' profiles meet their budgets.
 */
import { strict as assert } from "node:assert";
import { cents } from "../../tools/cost/cost-lines";
import { estimateCost, type CostReport } from "../../tools/cost/estimate";
import { loadPriceTable } from "../../tools/cost/price-table";
import { pricingDecisions } from "../../tools/cost/resource-pricing";
import { defaultUsage, idleUsage, readUsageFile, resolveUsage, usageDir, type Usage } from "../../tools/cost/usage";
import { diffReports } from "../../tools/cost/report";
import { minimalDevStackConfig, plannedStacks, planOf, planOfStackFile } from "../program/plans";
import * as path from "node:path";

function environmentOf(stack: string): "dev" | "prod" {
    return planOf(stack).outputs["environment"] === "dev" ? "dev" : "prod";
}

function usageOf(stack: string): Usage {
    return resolveUsage(environmentOf(stack), readUsageFile(path.join(usageDir, `${stack}.yaml`), false));
}

function reportOf(stack: string, usage: Usage = usageOf(stack)): CostReport {
    const plan = planOf(stack);
    return estimateCost({ project: "lakehouse", stack, ...plan }, loadPriceTable(String(plan.outputs["region"])), usage);
}

describe("cost report of the planned stacks", () => {
    for (const stack of plannedStacks) {
        it(`has a price, or an explicit free or not-priced decision, for every resource type the ${stack} stack plans`, () => {
            const undecided = [
                ...new Set(
                    planOf(stack)
                        .resources.filter((resource) => resource.custom && !pricingDecisions[resource.type])
                        .map((resource) => resource.type),
                ),
            ];
            assert.deepEqual(undecided, []);
            assert.deepEqual(reportOf(stack).notPriced, []);
        });

        it(`lets a reader recompute the ${stack} stack's totals: each line is quantity × unit price, totals are sums of lines`, () => {
            const report = reportOf(stack);
            for (const line of report.lines) assert.equal(line.monthly, cents(line.quantity * line.unitPrice), line.id);
            const sum = (kind?: string) =>
                cents(report.lines.filter((line) => !kind || line.kind === kind).reduce((total, line) => total + line.monthly, 0));
            assert.deepEqual(report.totals, { fixed: sum("fixed"), usage: sum("usage"), total: sum() });
            assert.equal(
                new Set(report.lines.map((line) => line.id)).size,
                report.lines.length,
                "line ids are unique, so diffs match lines",
            );
        });

        it(`prices the ${stack} stack idle at its fixed charges: no data and no runs leave every usage line at $0`, () => {
            const idle = reportOf(stack, idleUsage(usageOf(stack)));
            assert.equal(idle.totals.usage, 0);
            assert.equal(idle.totals.total, reportOf(stack).totals.fixed);
        });
    }

    it("prices the everything stack's QuickSight readers from its group principal, and its Redshift and NAT-free network", () => {
        const report = reportOf("everything");
        const readers = report.lines.find((line) => line.charge === "QuickSight readers");
        assert.equal(readers?.quantity, defaultUsage.prod.quicksight.readersPerGroup);
        assert.equal(report.lines.filter((line) => line.charge === "NAT gateways").length, 0);
        assert.ok(report.lines.some((line) => line.charge === "compute" && line.type === "aws:redshiftserverless/workgroup:Workgroup"));
    });

    it("follows prod's lifecycle rules: landing data moves to Standard-IA at day 30 and Glacier at day 90", () => {
        const landing = reportOf("prod").lines.filter((line) => line.resource.endsWith("-lake-landing"));
        assert.deepEqual(
            landing.filter((line) => line.charge.endsWith("storage")).map((line) => line.charge),
            ["S3 Standard storage", "S3 Standard-IA storage", "S3 Glacier Flexible Retrieval storage"],
        );
    });

    it("keeps the dev profile idle (no data, no runs) at most $10 a month, through its keys' seventh year", () => {
        for (const monthsDeployed of [1, 12, 36, 84]) {
            const idle = reportOf("dev", idleUsage({ ...usageOf("dev"), monthsDeployed }));
            assert.ok(idle.totals.total <= 10, `dev idle costs ${idle.totals.total} in month ${monthsDeployed}`);
        }
    });

    it("prices the diff of two plans line by line: a Single NAT gateway adds 730 hours at $0.048 and a public IPv4 address at $0.005", () => {
        const plan = (config: Record<string, unknown>) => {
            const result = planOfStackFile("dev", { ...minimalDevStackConfig, ...config });
            if (result.kind !== "plan") throw new Error(JSON.stringify(result));
            return estimateCost(result, loadPriceTable("eu-west-1"), idleUsage(defaultUsage.dev));
        };
        const diff = diffReports(plan({}), plan({ "lakehouse:natGateways": "Single" }));
        assert.deepEqual(
            diff.changes.map((change) => [change.charge, change.difference]),
            [
                ["NAT gateways", 35.04],
                ["NAT gateway public IPv4", 3.65],
            ],
        );
    });
});
