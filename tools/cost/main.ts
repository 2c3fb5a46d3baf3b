/**
 * `npm run cost`: the itemised monthly cost of a stack's offline plan, or the difference the
 * working tree makes against a git ref. Exit 0 on a report, 1 on a config error or a program
 * failure, 2 on a usage error or an input it cannot read.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { evaluatePlan, PlanEvaluationError } from "../../harness/evaluate";
import { BaseRefError, commitOf, planAtRef } from "../check/base-plan";
import { parseArguments, usage as usageText, UsageError, type CostArguments } from "./arguments";
import { estimateCost, type CostReport, type PlanToPrice } from "./estimate";
import { loadPriceTable, PriceTableError } from "./price-table";
import { diffReports, formatDiffMarkdown, formatDiffText, formatReportMarkdown, formatReportText } from "./report";
import { readUsageFile, resolveUsage, usageDir, UsageFileError, type Usage } from "./usage";

const projectDir = path.join(__dirname, "..", "..");

class InputError extends Error {}

function writeFile(file: string, text: string): void {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text);
}

/** The working tree's usage assumptions: both sides of a diff are priced with them, so the diff shows what the change does. */
function usageFor(args: CostArguments, environment: string): Usage {
    const file = args.usage ?? path.join(usageDir, `${args.stack}.yaml`);
    return resolveUsage(environment, readUsageFile(file, args.usage !== undefined));
}

function basePlan(args: CostArguments & { diffBase: string }): PlanToPrice | undefined {
    let base;
    try {
        base = planAtRef({ projectDir, ref: args.diffBase, stack: args.stack, stackFile: args.stackFile });
    } catch (error) {
        if (error instanceof BaseRefError) throw new InputError(`cannot plan ${args.diffBase}: ${error.message}`);
        throw error;
    }
    if (base === "absent") return undefined;
    if (base.kind === "config-error") {
        throw new InputError(
            `the stack at ${args.diffBase} has configuration errors, so there is nothing to compare with: ` +
                base.problems.map((problem) => `${problem.key}: ${problem.message}`).join("; "),
        );
    }
    return base;
}

function emptyReport(head: CostReport): CostReport {
    return { ...head, lines: [], notPriced: [], free: [], totals: { fixed: 0, usage: 0, total: 0 } };
}

export function main(argv: readonly string[]): number {
    let args: CostArguments | "help";
    try {
        args = parseArguments(argv);
    } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        console.error(`cost: ${error.message}\n\n${usageText}`);
        return 2;
    }
    if (args === "help") {
        console.log(usageText);
        return 0;
    }
    try {
        if (args.diffBase) {
            try {
                commitOf(projectDir, args.diffBase);
            } catch (error) {
                if (error instanceof BaseRefError) throw new InputError(`cannot plan ${args.diffBase}: ${error.message}`);
                throw error;
            }
        }
        let plan;
        try {
            plan = evaluatePlan(args.stack, { projectDir, stackFile: args.stackFile });
        } catch (error) {
            if (error instanceof PlanEvaluationError && error.exitCode === 2) throw new InputError(error.message);
            throw error;
        }
        if (plan.kind === "config-error") {
            console.error(`Stack "${plan.stack}" has ${plan.problems.length} configuration error(s); nothing was planned:`);
            for (const problem of plan.problems) console.error(`  - ${problem.key}: ${problem.message}`);
            return 1;
        }
        const region = typeof plan.outputs["region"] === "string" ? plan.outputs["region"] : "us-east-1";
        const environment = typeof plan.outputs["environment"] === "string" ? plan.outputs["environment"] : "prod";
        const prices = loadPriceTable(region);
        const usage = usageFor(args, environment);
        const report = estimateCost(plan, prices, usage);

        if (args.diffBase) {
            const base = basePlan({ ...args, diffBase: args.diffBase });
            const baseReport = base ? estimateCost(base, prices, usage) : emptyReport(report);
            const diff = diffReports(baseReport, report);
            const title = `Cost diff of stack "${args.stack}": ${args.diffBase} -> working tree${base ? "" : " (the stack is new)"}`;
            console.log(formatDiffText(title, diff));
            if (args.markdown) {
                const details = `<details><summary>Monthly cost after the change</summary>\n\n${formatReportMarkdown(report)}\n</details>\n`;
                writeFile(args.markdown, `${formatDiffMarkdown(title, diff)}\n${details}`);
            }
            if (args.json) writeFile(args.json, `${JSON.stringify({ base: baseReport, head: report, diff }, null, 2)}\n`);
            return 0;
        }
        console.log(formatReportText(report));
        if (args.markdown) writeFile(args.markdown, formatReportMarkdown(report));
        if (args.json) writeFile(args.json, `${JSON.stringify(report, null, 2)}\n`);
        return 0;
    } catch (error) {
        if (error instanceof InputError || error instanceof UsageFileError || error instanceof PriceTableError) {
            console.error(`cost: ${error.message}`);
            return 2;
        }
        console.error(`cost: ${(error as Error).stack ?? String(error)}`);
        return 1;
    }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
