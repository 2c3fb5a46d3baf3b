/**
 * Writes policies/data/aws-taggable-types.json: every resource type of the installed
 * @pulumi/aws that accepts a `tags` input. The program's tagging transform and the
 * pack's tagging rule both read it, so they agree on what "taggable" means.
 *
 *   npx ts-node scripts/generate-taggable-types.ts [--verify]
 */
import * as fs from "node:fs";
import * as path from "node:path";

const awsRoot = path.dirname(require.resolve("@pulumi/aws/package.json"));
const target = path.join(__dirname, "..", "policies", "data", "aws-taggable-types.json");

function jsFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === "node_modules" ? [] : jsFiles(full);
        return entry.name.endsWith(".js") ? [full] : [];
    });
}

export function taggableTypes(): string[] {
    const types = new Set<string>();
    for (const file of jsFiles(awsRoot)) {
        const source = fs.readFileSync(file, "utf8");
        const token = /static __pulumiType = '([^']+)'/.exec(source);
        if (token && source.includes('resourceInputs["tags"]')) types.add(token[1]);
    }
    return [...types].sort();
}

function main(): void {
    const version = (JSON.parse(fs.readFileSync(path.join(awsRoot, "package.json"), "utf8")) as { version: string }).version;
    const document = { provider: "@pulumi/aws", version, types: taggableTypes() };
    const text = JSON.stringify(document, null, 2) + "\n";
    if (process.argv.includes("--verify")) {
        const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
        if (current !== text) {
            console.error(
                `${path.relative(process.cwd(), target)} is stale for @pulumi/aws ${version}; run scripts/generate-taggable-types.ts`,
            );
            process.exit(1);
        }
        return;
    }
    fs.writeFileSync(target, text);
    console.log(`wrote ${document.types.length} taggable types for @pulumi/aws ${version}`);
}

if (require.main === module) main();
