/**
 * The cost report and cost diff as text (terminal) and Markdown (PR job summary). Every line
 * shows quantity, unit price and monthly cost, so a reader can check each product and the totals.
 */
import type { CostLine, UnpricedResource } from "./cost-lines";
import { cents } from "./cost-lines";
import type { CostReport } from "./estimate";

export const usd = (value: number): string => `${value < 0 ? "-" : ""}$${Math.abs(value).toFixed(2)}`;
const signedUsd = (value: number): string => (value > 0 ? `+${usd(value)}` : usd(value));
const quantity = (value: number): string => value.toLocaleString("en-US", { maximumFractionDigits: 4 });
const unitPrice = (value: number): string => `$${value.toLocaleString("en-US", { maximumFractionDigits: 10 })}`;

function heading(report: CostReport): string {
    return `Monthly cost of stack "${report.stack}" (${report.environment ?? "unknown"} profile, ${report.region}, month ${report.monthsDeployed} after the first deploy)`;
}

function summary(report: CostReport): string[] {
    return [
        `Total ${usd(report.totals.total)} a month = fixed ${usd(report.totals.fixed)} + usage ${usd(report.totals.usage)}`,
        `Idle (no data, no runs): ${usd(report.totals.fixed)} a month`,
    ];
}

const sections: readonly { kind: CostLine["kind"]; title: string }[] = [
    { kind: "fixed", title: "Fixed: charged while the stack exists" },
    { kind: "usage", title: "Usage: from the usage assumptions" },
];

function pad(rows: readonly string[][]): string[] {
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join("  "));
}

function notPricedText(notPriced: readonly UnpricedResource[]): string[] {
    if (notPriced.length === 0) return ["Not priced: none"];
    return [
        `Not priced (${notPriced.length}, not counted in the totals):`,
        ...notPriced.map((item) => `  ${item.type}  ${item.resource}: ${item.reason}`),
    ];
}

export function formatReportText(report: CostReport): string {
    const out = [heading(report), ...summary(report)];
    for (const section of sections) {
        const lines = report.lines.filter((line) => line.kind === section.kind);
        const subtotal = section.kind === "fixed" ? report.totals.fixed : report.totals.usage;
        out.push("", `${section.title} (${usd(subtotal)})`);
        if (lines.length === 0) continue;
        const rows = [
            ["monthly", "resource", "charge", "quantity", "unit price", "assumption"],
            ...lines.map((line) => [
                usd(line.monthly),
                line.resource,
                line.charge,
                `${quantity(line.quantity)} ${line.unit}`,
                unitPrice(line.unitPrice),
                line.assumption,
            ]),
        ];
        out.push(...pad(rows).map((row) => `  ${row}`));
    }
    out.push("", ...notPricedText(report.notPriced));
    out.push(
        "",
        `Free (${report.free.reduce((total, item) => total + item.count, 0)} resources): ${report.free.map((item) => `${item.type} ×${item.count}`).join(", ")}`,
    );
    return out.join("\n");
}

const cell = (value: string): string => value.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function formatReportMarkdown(report: CostReport): string {
    const out = [`### ${heading(report)}`, "", ...summary(report).map((line) => `**${line}**  `), ""];
    for (const section of sections) {
        const lines = report.lines.filter((line) => line.kind === section.kind);
        out.push(`#### ${section.title} (${usd(section.kind === "fixed" ? report.totals.fixed : report.totals.usage)})`, "");
        out.push("| monthly | resource | charge | quantity | unit price | assumption |", "| ---: | --- | --- | ---: | ---: | --- |");
        for (const line of lines) {
            out.push(
                `| ${usd(line.monthly)} | ${cell(line.resource)} | ${cell(line.charge)} | ${quantity(line.quantity)} ${cell(line.unit)} | ${unitPrice(line.unitPrice)} | ${cell(line.assumption)} |`,
            );
        }
        out.push("");
    }
    out.push(...notPricedText(report.notPriced).map((line) => (line.startsWith("  ") ? `- ${line.trim()}` : line)), "");
    out.push(
        "<details><summary>Free resources</summary>",
        "",
        ...report.free.map((item) => `- \`${item.type}\` ×${item.count}: ${item.reason}`),
        "",
        "</details>",
        "",
    );
    return out.join("\n");
}

// --- cost diff -----------------------------------------------------------------------------------

export interface LineChange {
    readonly id: string;
    readonly resource: string;
    readonly charge: string;
    readonly before?: CostLine;
    readonly after?: CostLine;
    /** After minus before, USD a month. */
    readonly difference: number;
}

export interface CostDiff {
    readonly changes: readonly LineChange[];
    readonly before: CostReport["totals"];
    readonly after: CostReport["totals"];
    readonly notPricedAdded: readonly UnpricedResource[];
    readonly notPricedRemoved: readonly UnpricedResource[];
}

/** The lines whose monthly cost differs between two reports, matched by resource and charge. */
export function diffReports(base: CostReport, head: CostReport): CostDiff {
    const baseLines = new Map(base.lines.map((line) => [line.id, line]));
    const headLines = new Map(head.lines.map((line) => [line.id, line]));
    const changes: LineChange[] = [];
    for (const id of new Set([...baseLines.keys(), ...headLines.keys()])) {
        const before = baseLines.get(id);
        const after = headLines.get(id);
        const difference = cents((after?.monthly ?? 0) - (before?.monthly ?? 0));
        if (difference === 0) continue;
        const line = (after ?? before) as CostLine;
        changes.push({
            id,
            resource: line.resource,
            charge: line.charge,
            ...(before ? { before } : {}),
            ...(after ? { after } : {}),
            difference,
        });
    }
    const key = (item: UnpricedResource): string => `${item.type}::${item.resource}`;
    const baseUnpriced = new Set(base.notPriced.map(key));
    const headUnpriced = new Set(head.notPriced.map(key));
    return {
        changes: changes.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.id.localeCompare(b.id)),
        before: base.totals,
        after: head.totals,
        notPricedAdded: head.notPriced.filter((item) => !baseUnpriced.has(key(item))),
        notPricedRemoved: base.notPriced.filter((item) => !headUnpriced.has(key(item))),
    };
}

function diffSummary(diff: CostDiff): string {
    const delta = (field: keyof CostReport["totals"]): number => cents(diff.after[field] - diff.before[field]);
    if (diff.changes.length === 0) return `no change to the monthly cost (${usd(diff.after.total)})`;
    return `${signedUsd(delta("total"))} a month: ${usd(diff.before.total)} -> ${usd(diff.after.total)} (fixed ${signedUsd(delta("fixed"))}, usage ${signedUsd(delta("usage"))})`;
}

const describe = (line: CostLine | undefined): string =>
    line ? `${usd(line.monthly)} (${quantity(line.quantity)} ${line.unit})` : "(none)";

export function formatDiffText(title: string, diff: CostDiff): string {
    const out = [`${title}: ${diffSummary(diff)}`];
    if (diff.changes.length > 0) {
        const rows = [
            ["difference", "resource", "charge", "before", "after"],
            ...diff.changes.map((change) => [
                signedUsd(change.difference),
                change.resource,
                change.charge,
                describe(change.before),
                describe(change.after),
            ]),
        ];
        out.push(...pad(rows).map((row) => `  ${row}`));
    }
    for (const item of diff.notPricedAdded) out.push(`  newly not priced: ${item.type} ${item.resource}: ${item.reason}`);
    for (const item of diff.notPricedRemoved) out.push(`  no longer not priced: ${item.type} ${item.resource}`);
    return out.join("\n");
}

export function formatDiffMarkdown(title: string, diff: CostDiff): string {
    const out = [`### ${title}`, "", `**${diffSummary(diff)}**`];
    if (diff.changes.length > 0) {
        out.push("", "| difference | resource | charge | before | after | assumption |", "| ---: | --- | --- | ---: | ---: | --- |");
        for (const change of diff.changes) {
            out.push(
                `| ${signedUsd(change.difference)} | ${cell(change.resource)} | ${cell(change.charge)} | ${cell(describe(change.before))} | ${cell(describe(change.after))} | ${cell((change.after ?? change.before)?.assumption ?? "")} |`,
            );
        }
    }
    if (diff.notPricedAdded.length > 0)
        out.push("", "Newly not priced:", ...diff.notPricedAdded.map((item) => `- \`${item.type}\` ${item.resource}: ${item.reason}`));
    return `${out.join("\n")}\n`;
}
