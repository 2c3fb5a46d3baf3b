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

/** Distribution name and release of the library as a wheel. */
const wheelDistribution = "lakehouse";
const wheelRelease = "0.1.0";

/** A wheel's RECORD hash: urlsafe base64 of the sha256 digest without padding (PEP 376/427). */
const recordHash = (content: Buffer): string => `sha256=${createHash("sha256").update(content).digest("base64url")}`;

/** One file of the wheel: a library source, or generated metadata. */
export interface WheelMember {
    readonly name: string;
    readonly content: Buffer;
    /** The repository file, for library sources. */
    readonly source?: string;
}

/** The library as a pure-Python wheel: the zip's entries plus `.dist-info` METADATA, WHEEL and a RECORD with every file's hash and size. */
export function libraryWheelMembers(root = repoRoot): { fileName: string; members: WheelMember[] } {
    const entries = libraryEntries(root);
    const distInfo = `${wheelDistribution}-${wheelRelease}.dist-info`;
    const text = (lines: string[]): Buffer => Buffer.from([...lines, ""].join("\n"));
    const members: WheelMember[] = [
        ...entries.map((entry) => ({ name: entry.name, content: fs.readFileSync(entry.source), source: entry.source })),
        {
            name: `${distInfo}/METADATA`,
            content: text(["Metadata-Version: 2.1", `Name: ${wheelDistribution}`, `Version: ${wheelRelease}`, "Requires-Python: >=3.9"]),
        },
        {
            name: `${distInfo}/WHEEL`,
            content: text(["Wheel-Version: 1.0", "Generator: lakehouse-platform", "Root-Is-Purelib: true", "Tag: py3-none-any"]),
        },
    ];
    const record = text([
        ...members.map((member) => `${member.name},${recordHash(member.content)},${member.content.length}`),
        `${distInfo}/RECORD,,`,
    ]);
    return {
        fileName: `${wheelDistribution}-${wheelRelease}-py3-none-any.whl`,
        members: [...members, { name: `${distInfo}/RECORD`, content: record }],
    };
}

/**
 * The wheel as an archive Pulumi zips on upload, for the Python shell job: its `--extra-py-files`
 * pip-installs `.whl` files (Python shell 3.9 takes no `.egg`, and a plain zip is not installed).
 * The key ends in the wheel's file name, since the runner installs the file under that base name;
 * the content hash is the folder, so the key changes exactly when the content does.
 */
export function libraryWheel(root = repoRoot): { key: string; archive: pulumi.asset.AssetArchive } {
    const { fileName, members } = libraryWheelMembers(root);
    return {
        key: `glue/lib/${contentHash(libraryEntries(root)).slice(0, 16)}/${fileName}`,
        archive: new pulumi.asset.AssetArchive(
            Object.fromEntries(
                members.map((member) => [
                    member.name,
                    member.source ? new pulumi.asset.FileAsset(member.source) : new pulumi.asset.StringAsset(member.content.toString()),
                ]),
            ),
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
