/**
 * Renders RULES.md from the catalog, so the table cannot drift from the pack.
 *   npx ts-node policies/rules-table.ts      (rewrites policies/RULES.md)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { catalog } from "./catalog";
import { EXEMPTION_REASON_MIN_LENGTH } from "./framework/exemptions";
import type { CatalogRule } from "./framework/policy-factory";
import { environments } from "./framework/rule-types";

export const RULES_MD = path.join(__dirname, "RULES.md");

function cell(text: string): string {
    return text.replace(/\|/g, "\\|");
}

export function renderRulesMarkdown(rules: readonly CatalogRule[]): string {
    const rows = rules.map(
        (rule) =>
            `| \`${rule.name}\` | ${rule.service} | ${rule.severity} | ${rule.kind} | ${cell(rule.description)} | ` +
            `${cell(rule.why)} | ${environments.map((environment) => rule.enforcement[environment]).join(" | ")} |`,
    );
    const typeRows = rules.map(
        (rule) =>
            `| \`${rule.name}\` | ${rule.resourceTypes === "any" ? "any (configurable)" : rule.resourceTypes.map((type) => `\`${type}\``).join(", ")} |`,
    );
    const exemptionRows = rules.flatMap((rule) =>
        (rule.exemptions ?? []).map(
            (exemption) =>
                `| \`${rule.name}\` | \`${cell(exemption.resource)}\` | ${(exemption.environments ?? environments).join(", ")} | ${cell(exemption.reason)} |`,
        ),
    );
    return [
        "# Policy pack rules",
        "",
        "Generated from the rule files by `npx ts-node policies/rules-table.ts`; a test fails when it is stale.",
        "",
        "Each rule file under `rules/<service>/` carries its check with this metadata. Enforcement defaults per",
        "environment live in the pack: the stack's `lakehouse:environment` (dev, staging or prod) picks the",
        "column below, and `npm run policy-config -- --stack <stack>` writes the file `pulumi preview",
        "--policy-pack policies --policy-pack-config <file>` takes. A stack needs only its `Pulumi.<stack>.yaml`;",
        "`config/<stack>.json` is optional and overrides levels and properties or adds exemptions for that stack.",
        "A throw-away dev stack lowers the hygiene rules (retention, versioning, audit trails, rotation) to",
        "advisory, while encryption, public exposure, least privilege and secrets stay mandatory everywhere.",
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
        "| id | service | severity | kind | what it checks | why | dev | staging | prod |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ...rows,
        "",
        "## Resource types",
        "",
        "A resource rule runs on these types only; a stack rule reads them from the whole stack.",
        "",
        "| policy | types |",
        "| --- | --- |",
        ...typeRows,
        "",
        "## Standing exemptions",
        "",
        "Every stack of the listed environments gets these; the finding stays visible as advisory with its reason.",
        "",
        "| policy | resource | environments | reason |",
        "| --- | --- | --- | --- |",
        ...exemptionRows,
        "",
        "## Rule configuration",
        "",
        "| policy | property | default | per environment |",
        "| --- | --- | --- | --- |",
        ...rules.flatMap((rule) =>
            Object.entries(rule.configSchema.properties)
                .filter(([key]) => key !== "exemptions")
                .map(([key, schema]) => {
                    const shown = JSON.stringify(schema.default);
                    const value = shown.length > 80 ? `${schema.description ?? ""} (see the rule file)` : `\`${shown}\``;
                    const perEnvironment = environments
                        .filter((environment) => rule.environmentDefaults[environment]?.[key] !== undefined)
                        .map((environment) => `${environment} \`${JSON.stringify(rule.environmentDefaults[environment]?.[key])}\``);
                    return `| \`${rule.name}\` | \`${key}\` | ${cell(value)} | ${perEnvironment.join(", ")} |`;
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
