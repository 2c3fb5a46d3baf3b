/**
 * Renders RULES.md from the catalog, so the table cannot drift from the pack.
 *   npx ts-node policies/rules-table.ts      (rewrites policies/RULES.md)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { catalog } from "./catalog";
import { EXEMPTION_REASON_MIN_LENGTH } from "./framework/exemptions";
import type { CatalogRule } from "./framework/policy-factory";

export const RULES_MD = path.join(__dirname, "RULES.md");

function cell(text: string): string {
    return text.replace(/\|/g, "\\|");
}

export function renderRulesMarkdown(rules: readonly CatalogRule[]): string {
    const rows = rules.map(
        (rule) =>
            `| \`${rule.name}\` | ${rule.service} | ${rule.severity} | ${rule.kind} | ${cell(rule.description)} | ` +
            `${cell(rule.why)} | mandatory | ${rule.devEnforcement} |`,
    );
    return [
        "# Policy pack rules",
        "",
        "Generated from `catalog.ts` by `npx ts-node policies/rules-table.ts`; a test fails when it is stale.",
        "",
        "Enforcement comes from `config/<stack>.json` (the file `pulumi preview --policy-pack policies",
        "--policy-pack-config policies/config/<stack>.json` and `npm run check -- --stack <stack>` both read):",
        '`"all": "mandatory"` in every stack; dev lowers the hygiene rules marked advisory below, because a',
        "throw-away dev stack is not where retention, versioning, audit trails or rotation pay off, while",
        "encryption, public exposure, least privilege and secrets stay mandatory everywhere.",
        "",
        'Every policy accepts `exemptions: [{"resource": "<URN glob>", "reason": "..."}]` in its config',
        `entry. A matching exemption with a reason of at least ${EXEMPTION_REASON_MIN_LENGTH} characters turns the`,
        "violation into an advisory finding that shows the reason; one without a valid reason exempts nothing and",
        "makes the violation mandatory. `*` and `?` are the glob wildcards; the whole URN must match.",
        "",
        "Values unknown during preview never pass silently: a rule either proves the value from the resource",
        "graph (e.g. an unknown key ARN computed from a `aws:kms/key:Key` of this stack) or reports that the",
        "requirement cannot be verified, at the policy's enforcement level.",
        "",
        "| id | service | severity | kind | what it checks | why | prod | dev |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ...rows,
        "",
        "## Rule configuration",
        "",
        "| policy | property | default |",
        "| --- | --- | --- |",
        ...rules.flatMap((rule) =>
            Object.entries(rule.configSchema.properties)
                .filter(([key]) => key !== "exemptions")
                .map(([key, schema]) => {
                    const shown = JSON.stringify(schema.default);
                    const value = shown.length > 80 ? `${schema.description ?? ""} (see the rule file)` : `\`${shown}\``;
                    return `| \`${rule.name}\` | \`${key}\` | ${cell(value)} |`;
                }),
        ),
        "",
    ].join("\n");
}

/** Compares documents the way a reader does: ignoring the column padding prettier adds to tables. */
export function normaliseMarkdown(text: string): string {
    return text
        .split("\n")
        .map((line) => (line.startsWith("|") ? line.replace(/\s*\|\s*/g, "|").replace(/-{3,}/g, "---") : line))
        .join("\n")
        .trim();
}

async function main(): Promise<void> {
    const prettier = await import("prettier");
    const options = (await prettier.resolveConfig(RULES_MD)) ?? {};
    const text = await prettier.format(renderRulesMarkdown(catalog), { printWidth: 120, ...options, parser: "markdown" });
    fs.writeFileSync(RULES_MD, text);
    console.log(`wrote ${path.relative(process.cwd(), RULES_MD)} (${catalog.length} rules)`);
}

if (require.main === module) void main();
