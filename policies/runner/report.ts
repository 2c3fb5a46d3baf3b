/** Renders findings for a terminal and for a pull request's job summary. */
import type { Finding } from "./engine";

const ORDER: Record<Finding["enforcement"], number> = { mandatory: 0, advisory: 1, disabled: 2 };

function sorted(findings: readonly Finding[]): Finding[] {
    return [...findings].sort(
        (a, b) =>
            Number(!!a.exempted) - Number(!!b.exempted) ||
            ORDER[a.enforcement] - ORDER[b.enforcement] ||
            a.policy.localeCompare(b.policy) ||
            (a.urn ?? "").localeCompare(b.urn ?? ""),
    );
}

function level(finding: Finding): string {
    return finding.exempted ? "exempted" : finding.enforcement;
}

function summary(findings: readonly Finding[]): string {
    const mandatory = findings.filter((f) => f.enforcement === "mandatory" && !f.exempted).length;
    const advisory = findings.filter((f) => f.enforcement === "advisory" && !f.exempted).length;
    const exempted = findings.filter((f) => f.exempted).length;
    return `${mandatory} mandatory, ${advisory} advisory, ${exempted} exempted`;
}

export function formatFindingsTable(findings: readonly Finding[]): string {
    if (findings.length === 0) return "No policy violations.";
    const rows = sorted(findings).map((f) => [level(f), f.severity, f.policy, f.resourceName ?? "(stack)", f.message]);
    const header = ["LEVEL", "SEVERITY", "POLICY", "RESOURCE", "MESSAGE"];
    const widths = header.map((title, column) =>
        column === header.length - 1 ? 0 : Math.max(title.length, ...rows.map((row) => row[column].length)),
    );
    const line = (cells: string[]) =>
        cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join("  ");
    return [line(header), ...rows.map(line), "", `Policy findings: ${summary(findings)}.`].join("\n");
}

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

export function formatFindingsMarkdown(findings: readonly Finding[], title: string): string {
    const lines = [`## ${title}`, ""];
    if (findings.length === 0) {
        lines.push("No policy violations.", "");
        return lines.join("\n");
    }
    const mandatory = findings.some((f) => f.enforcement === "mandatory" && !f.exempted);
    lines.push(`${mandatory ? "❌" : "✅"} ${summary(findings)}.`, "");
    lines.push("| Level | Severity | Policy | Resource | Message |", "| --- | --- | --- | --- | --- |");
    for (const f of sorted(findings)) {
        const resource = f.resourceName ? `\`${cell(f.resourceName)}\`${f.resourceType ? ` (${cell(f.resourceType)})` : ""}` : "(stack)";
        const message = f.exempted ? `${f.message}` : f.message;
        lines.push(`| ${level(f)} | ${f.severity} | \`${f.policy}\` | ${resource} | ${cell(message)} |`);
    }
    lines.push("");
    return lines.join("\n");
}
