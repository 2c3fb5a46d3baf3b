/**
 * `npm run check`: the offline plan and policy check. Exit 0 when clean (advisory findings
 * are printed), 1 on a config error, a program failure or a mandatory violation, 2 on a usage
 * error or an input it cannot read.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { evaluatePlan, PlanEvaluationError, type PlannedResource } from "../../harness/evaluate";
import {
    formatFindingsMarkdown,
    formatFindingsTable,
    hasMandatoryViolations,
    loadPolicyConfig,
    parseResourceDocument,
    PolicyConfigError,
    ResourceDocumentError,
    runPolicies,
    type ExportedResource,
} from "../../policies/offline";
import { parseArguments, usage, UsageError, type CheckArguments } from "./arguments";
import { BaseRefError, commitOf, planAtRef } from "./base-plan";
import { diffPlans, formatDiffMarkdown, formatDiffText, withAssetContents } from "./plan-diff";
import { formatPlanSummary } from "./plan-summary";
import { toStackExport } from "./stack-export";

const projectDir = path.join(__dirname, "..", "..");

class InputError extends Error {}

function writeFile(file: string, text: string): void {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text);
}

interface Subject {
    readonly stack: string;
    readonly resources: ExportedResource[];
    readonly source: string;
    /** The environment profile the stack declares, when known: it picks the policy configuration of a stack without its own. */
    readonly environment?: string;
    /** Markdown to put before the policy findings (the plan diff). */
    readonly markdownPreamble?: string;
}

/** The plan diff against `ref`, printed; its Markdown for the report. */
function planDiff(args: CheckArguments & { stack: string; diffBase: string }, head: PlannedResource[]): string {
    let base;
    try {
        base = planAtRef({ projectDir, ref: args.diffBase, stack: args.stack, stackFile: args.stackFile, firstDeploy: args.firstDeploy });
    } catch (error) {
        if (error instanceof BaseRefError) throw new InputError(`cannot plan ${args.diffBase}: ${error.message}`);
        throw error;
    }
    if (base !== "absent" && base.kind === "config-error") {
        throw new InputError(
            `the stack at ${args.diffBase} has configuration errors, so there is nothing to compare with: ` +
                base.problems.map((problem) => `${problem.key}: ${problem.message}`).join("; "),
        );
    }
    const changes = diffPlans(base === "absent" ? [] : base.resources, withAssetContents(head));
    const title = `Plan diff of stack "${args.stack}": ${args.diffBase} -> working tree${base === "absent" ? ` (the stack is new)` : ""}`;
    console.log(formatDiffText(title, changes));
    return formatDiffMarkdown(title, changes);
}

/** Evaluates the program, or returns undefined after printing the config errors. */
function planSubject(args: CheckArguments & { stack: string }): Subject | undefined {
    if (args.diffBase) {
        try {
            commitOf(projectDir, args.diffBase);
        } catch (error) {
            if (error instanceof BaseRefError) throw new InputError(`cannot plan ${args.diffBase}: ${error.message}`);
            throw error;
        }
    }
    let result;
    try {
        result = evaluatePlan(args.stack, { projectDir, stackFile: args.stackFile, firstDeploy: args.firstDeploy });
    } catch (error) {
        if (error instanceof PlanEvaluationError && error.exitCode === 2) throw new InputError(error.message);
        throw error;
    }
    if (result.kind === "config-error") {
        console.error(`Stack "${result.stack}" has ${result.problems.length} configuration error(s); nothing was planned:`);
        for (const problem of result.problems) console.error(`  - ${problem.key}: ${problem.message}`);
        return undefined;
    }
    let markdownPreamble: string | undefined;
    if (args.diffBase) markdownPreamble = planDiff({ ...args, diffBase: args.diffBase }, result.resources);
    else console.log(formatPlanSummary(result.stack, result.resources, result.outputs));
    const document = toStackExport(result.project, result.stack, result.resources, new Date());
    if (args.json) {
        writeFile(args.json, `${JSON.stringify(document, null, 2)}\n`);
        console.log(`\nWrote ${document.deployment.resources.length} resources in the \`pulumi stack export\` shape to ${args.json}`);
    }
    const environment = typeof result.outputs["environment"] === "string" ? result.outputs["environment"] : undefined;
    const source = args.stackFile ? `offline plan of ${args.stackFile}` : `offline plan of Pulumi.${args.stack}.yaml`;
    return { stack: result.stack, resources: document.deployment.resources, source, environment, markdownPreamble };
}

function documentSubject(args: CheckArguments & { resources: string }): Subject {
    let text: string;
    try {
        text = fs.readFileSync(args.resources, "utf8");
    } catch (error) {
        throw new InputError(`cannot read ${args.resources}: ${(error as Error).message}`);
    }
    const document = parseResourceDocument(text, args.resources);
    const stack = args.stack ?? document.stack;
    if (!stack) throw new InputError(`${args.resources} names no stack in its URNs; pass --stack NAME to choose the policy configuration`);
    console.log(
        `Checking ${document.resources.length} resources from ${args.resources} (${document.kind}) with the policy configuration of stack "${stack}"`,
    );
    return { stack, resources: document.resources, source: args.resources };
}

export function main(argv: readonly string[]): number {
    let args: CheckArguments;
    try {
        args = parseArguments(argv);
    } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        console.error(`check: ${error.message}\n\n${usage}`);
        return 2;
    }
    try {
        const subject = args.resources
            ? documentSubject({ ...args, resources: args.resources })
            : planSubject({ ...args, stack: args.stack as string });
        if (!subject) return 1;
        const findings = runPolicies(subject.resources, loadPolicyConfig(subject.stack, subject.environment));
        console.log(`\nPolicy pack on stack "${subject.stack}":\n${formatFindingsTable(findings)}`);
        if (args.markdown) {
            const report = formatFindingsMarkdown(findings, `Policy check: stack \`${subject.stack}\` (${subject.source})`);
            writeFile(args.markdown, subject.markdownPreamble ? `${subject.markdownPreamble}\n${report}` : report);
        }
        return hasMandatoryViolations(findings) ? 1 : 0;
    } catch (error) {
        if (error instanceof InputError || error instanceof ResourceDocumentError || error instanceof PolicyConfigError) {
            console.error(`check: ${error.message}`);
            return 2;
        }
        console.error(`check: ${(error as Error).stack ?? String(error)}`);
        return 1;
    }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
