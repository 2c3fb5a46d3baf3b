/**
 * Writes Pulumi.yaml and the README's config reference from the config key table (config/keys.ts): every key with its type,
 * description and default. Keys whose default depends on the environment profile get no
 * `default:` (Pulumi would apply it to every stack and hide the profile); their description
 * lists the default per environment instead.
 *
 *   npx ts-node scripts/generate-pulumi-yaml.ts
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { configKeys, environments, type ConfigKey } from "../config/keys";

export const pulumiYamlPath = path.join(__dirname, "..", "Pulumi.yaml");
export const readmePath = path.join(__dirname, "..", "README.md");
const referenceStart = "<!-- config-reference:start -->";
const referenceEnd = "<!-- config-reference:end -->";

function describeProfileDefault(definition: ConfigKey): string {
    const byDefault = definition.default;
    if (byDefault === undefined) return " Required.";
    if (typeof byDefault !== "object" || Array.isArray(byDefault)) return "";
    const shown = environments.map((environment) => `${environment} ${JSON.stringify(byDefault[environment])}`);
    return ` Default per environment: ${shown.join(", ")}.`;
}

export function renderPulumiYaml(): string {
    const config: Record<string, Record<string, unknown>> = {};
    for (const [name, definition] of Object.entries(configKeys) as [string, ConfigKey][]) {
        const declaration: Record<string, unknown> = {
            type: definition.kind,
            description: definition.description + describeProfileDefault(definition),
        };
        if (definition.kind === "array") declaration["items"] = { type: "string" };
        const byDefault = definition.default;
        if (byDefault !== undefined && (typeof byDefault !== "object" || Array.isArray(byDefault))) declaration["default"] = byDefault;
        config[name] = declaration;
    }
    const project = {
        name: "lakehouse",
        description: "AWS medallion data lakehouse platform: storage, catalog, ETL, warehouse, BI, delivery",
        runtime: { name: "nodejs", options: { typescript: true } },
        config,
    };
    return `# Generated from config/keys.ts by scripts/generate-pulumi-yaml.ts; edit the table, not this file.\n${stringify(project, { lineWidth: 0 })}`;
}

/** The README's config reference: one row per key with its default in each environment. */
export function renderConfigReference(): string {
    const cell = (value: unknown): string => (value === undefined ? "*required*" : `\`${JSON.stringify(value)}\``);
    const rows = (Object.entries(configKeys) as [string, ConfigKey][]).map(([name, definition]) => {
        const byDefault = definition.default;
        const perEnvironment =
            byDefault !== undefined && typeof byDefault === "object" && !Array.isArray(byDefault)
                ? environments.map((environment) => cell(byDefault[environment]))
                : environments.map(() => cell(byDefault));
        return `| \`${name}\` | ${definition.kind} | ${perEnvironment.join(" | ")} | ${definition.description.replace(/\|/g, "\\|")} |`;
    });
    return [
        referenceStart,
        "| key (`lakehouse:`) | type | dev | staging | prod | meaning |",
        "| --- | --- | --- | --- | --- | --- |",
        ...rows,
        referenceEnd,
    ].join("\n");
}

/** README text with its config reference replaced by the current one. */
export function readmeWithConfigReference(readme: string): string {
    const start = readme.indexOf(referenceStart);
    const end = readme.indexOf(referenceEnd);
    if (start < 0 || end < 0) throw new Error(`README.md lacks the ${referenceStart} ... ${referenceEnd} markers`);
    return readme.slice(0, start) + renderConfigReference() + readme.slice(end + referenceEnd.length);
}

if (require.main === module) {
    fs.writeFileSync(pulumiYamlPath, renderPulumiYaml());
    fs.writeFileSync(readmePath, readmeWithConfigReference(fs.readFileSync(readmePath, "utf8")));
    console.log(`wrote ${path.relative(process.cwd(), pulumiYamlPath)} with ${Object.keys(configKeys).length} config keys`);
}
