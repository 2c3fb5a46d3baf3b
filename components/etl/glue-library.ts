import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

const repoRoot = path.join(__dirname, "..", "..");

export interface LibraryEntry {
    /** Path inside the zip. */
    readonly name: string;
    readonly source: string;
}

function filesUnder(directory: string, keep: (file: string) => boolean): string[] {
    return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) return entry.name === "__pycache__" ? [] : filesUnder(full, keep);
        return keep(entry.name) ? [full] : [];
    });
}

/**
 * What the Glue library zip holds: the rule of glue-scripts/build_lib.py `library_entries`
 * (package sources, dataset specs, warehouse SQL per phase folder), so deploying needs no
 * Python. A test fails when the two disagree.
 */
export function libraryEntries(root = repoRoot): LibraryEntry[] {
    const packageDir = path.join(root, "glue-scripts", "lakehouse");
    const flat = (directory: string, extension: string, prefix: string): LibraryEntry[] =>
        filesUnder(directory, (file) => file.endsWith(extension))
            .filter((file) => path.dirname(file) === directory)
            .map((source) => ({ name: `${prefix}/${path.basename(source)}`, source }));
    const entries: LibraryEntry[] = [
        ...filesUnder(packageDir, (file) => file.endsWith(".py")).map((source) => ({
            name: `lakehouse/${path.relative(packageDir, source).split(path.sep).join("/")}`,
            source,
        })),
        ...flat(path.join(root, "datasets"), ".yaml", "lakehouse/datasets"),
        ...fs
            .readdirSync(path.join(root, "warehouse", "sql"), { withFileTypes: true })
            .filter((phase) => phase.isDirectory())
            .flatMap((phase) => flat(path.join(root, "warehouse", "sql", phase.name), ".sql", `lakehouse/sql/${phase.name}`)),
    ];
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** sha256 over names and bytes: changes exactly when the zip's content does. */
export function contentHash(files: readonly LibraryEntry[]): string {
    const hash = createHash("sha256");
    for (const file of files) hash.update(file.name).update("\0").update(fs.readFileSync(file.source)).update("\0");
    return hash.digest("hex");
}

/** The library as an archive Pulumi zips on upload, and the content-hashed object key for it. */
export function libraryArchive(root = repoRoot): { key: string; archive: pulumi.asset.AssetArchive } {
    const entries = libraryEntries(root);
    return {
        key: `glue/lib/lakehouse-${contentHash(entries).slice(0, 16)}.zip`,
        archive: new pulumi.asset.AssetArchive(
            Object.fromEntries(entries.map((entry) => [entry.name, new pulumi.asset.FileAsset(entry.source)])),
        ),
    };
}

/** A job entry point and its content-hashed object key. */
export function jobScript(job: string, root = repoRoot): { key: string; asset: pulumi.asset.FileAsset } {
    const source = path.join(root, "glue-scripts", "jobs", `${job}.py`);
    return {
        key: `glue/scripts/${job}-${contentHash([{ name: `${job}.py`, source }]).slice(0, 16)}.py`,
        asset: new pulumi.asset.FileAsset(source),
    };
}
