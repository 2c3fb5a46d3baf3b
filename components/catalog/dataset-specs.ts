import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import rulesets from "./dqdl-rulesets.json";

/** Where data engineers declare datasets (see glue-scripts/lakehouse/specs.py for the format). */
export const datasetsDirectory = path.join(__dirname, "..", "..", "datasets");

/** What the Glue resources need of a dataset spec; the jobs read the full spec from the library zip. */
export interface DatasetSpec {
    readonly name: string;
    readonly description: string;
    /** The Glue Data Quality ruleset (DQDL) for the dataset's silver table. */
    readonly ruleset: string;
}

/**
 * The shipped dataset specs. DQDL comes from `dqdl-rulesets.json`, the Python renderer's output
 * (`npm run generate:dqdl`), so the ruleset resource and the silver job state the same rules;
 * a test fails when the file and the renderer disagree.
 */
export function loadDatasetSpecs(directory = datasetsDirectory): DatasetSpec[] {
    const rendered: Readonly<Record<string, string>> = rulesets;
    return fs
        .readdirSync(directory)
        .filter((file) => file.endsWith(".yaml"))
        .sort()
        .map((file) => {
            const spec = parse(fs.readFileSync(path.join(directory, file), "utf8")) as { name: string; description?: string };
            const ruleset = rendered[spec.name];
            if (ruleset === undefined) throw new Error(`datasets/${file}: no DQDL ruleset for "${spec.name}"; run npm run generate:dqdl`);
            return { name: spec.name, description: spec.description ?? "", ruleset };
        });
}
