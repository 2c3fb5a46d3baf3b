/**
 * The offline plan diff: what a change to the program or a stack file does to a stack, computed
 * from two offline plans (the base ref's and the working tree's) the way the engine would judge
 * it. Resources are matched by URN (or an alias naming the old URN); a changed input is an update,
 * or a replacement when the provider replaces the resource for it; a changed URN without an alias
 * deletes one resource and creates another.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import type { PlannedResource } from "../../harness/evaluate";
import { replacementProperties } from "./replacement-properties";

export type ChangeKind = "add" | "remove" | "replace" | "update";

export interface PropertyChange {
    /** Dotted path into the inputs (`policy.Statement[1].Action`); JSON strings are compared parsed. */
    readonly path: string;
    readonly before?: unknown;
    readonly after?: unknown;
    /** The provider replaces the resource when this property changes. */
    readonly replaces: boolean;
}

export interface ResourceChange {
    readonly kind: ChangeKind;
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** The base URN, when an alias matched the resource under its old URN. */
    readonly movedFrom?: string;
    readonly properties: readonly PropertyChange[];
}

/** A file asset's content, as the engine compares assets: by their contents, wherever the checkout is. */
function contentOf(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(contentOf);
    if (!isObject(value)) return value;
    if (value["__pulumiAsset"] === true && typeof value["path"] === "string") {
        const file = value["path"];
        const digest = fs.existsSync(file) ? createHash("sha256").update(fs.readFileSync(file)).digest("hex") : "missing";
        return { __pulumiAsset: true, sha256: digest };
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, contentOf(item)]));
}

/** The resources with every file asset replaced by its content's hash; call it while the files exist. */
export function withAssetContents(resources: readonly PlannedResource[]): PlannedResource[] {
    return resources.map((resource) => ({ ...resource, inputs: contentOf(resource.inputs) as Record<string, unknown> }));
}

/** Options the engine honours that a diff shows as if they were properties. */
const optionPaths = ["protect", "retainOnDelete"] as const;

function parsedJson(value: unknown): unknown {
    if (typeof value !== "string" || !/^\s*[[{]/.test(value)) return value;
    try {
        return JSON.parse(value) as unknown;
    } catch {
        return value;
    }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const isScalar = (value: unknown): boolean => value === null || ["string", "number", "boolean"].includes(typeof value);

/** The key that identifies an element of a list of objects, when every element has one (a statement's Sid, a rule's id). */
function elementKey(items: readonly unknown[]): string | undefined {
    return ["Sid", "id", "name", "key"].find(
        (key) => items.length > 0 && items.every((item) => isObject(item) && typeof item[key] === "string"),
    );
}

/**
 * Every place where `before` and `after` differ: leaves of objects, JSON strings compared as the
 * documents they hold, lists of scalars as the items added and removed (or their order), lists of
 * objects matched by Sid, id or name where they have one, else by position.
 */
export function changedPaths(before: unknown, after: unknown, path = ""): { path: string; before?: unknown; after?: unknown }[] {
    const a = parsedJson(before);
    const b = parsedJson(after);
    if (Array.isArray(a) && Array.isArray(b)) {
        if (JSON.stringify(a) === JSON.stringify(b)) return [];
        if ([...a, ...b].every(isScalar)) {
            const removed = a.filter((item) => !b.some((other) => other === item));
            const added = b.filter((item) => !a.some((other) => other === item));
            if (removed.length === 0 && added.length === 0) return [{ path: `${path} (order)`, before: a, after: b }];
            return [{ path, ...(removed.length > 0 ? { before: removed } : {}), ...(added.length > 0 ? { after: added } : {}) }];
        }
        const key = elementKey([...a, ...b]);
        if (key !== undefined) {
            const byKey = (items: unknown[]) => new Map(items.map((item) => [String((item as Record<string, unknown>)[key]), item]));
            const [left, right] = [byKey(a), byKey(b)];
            return [...new Set([...left.keys(), ...right.keys()])].flatMap((id) =>
                changedPaths(left.get(id), right.get(id), `${path}[${key}=${id}]`),
            );
        }
        return Array.from({ length: Math.max(a.length, b.length) }, (_, index) =>
            changedPaths(a[index], b[index], `${path}[${index}]`),
        ).flat();
    }
    if (isObject(a) && isObject(b)) {
        return [...new Set([...Object.keys(a), ...Object.keys(b)])]
            .sort()
            .flatMap((key) => changedPaths(a[key], b[key], path === "" ? key : `${path}.${key}`));
    }
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path, before: a, after: b }];
}

function propertyChanges(base: PlannedResource, head: PlannedResource): PropertyChange[] {
    const replacing = replacementProperties[head.type] ?? [];
    const topLevel = (path: string): string => path.split(/[.[]/)[0] ?? path;
    return [
        ...changedPaths(base.inputs, head.inputs).map((change) => ({ ...change, replaces: replacing.includes(topLevel(change.path)) })),
        ...optionPaths
            .filter((option) => base[option] !== head[option])
            .map((option) => ({ path: `(option) ${option}`, before: base[option], after: head[option], replaces: false })),
    ];
}

/** How the head plan differs from the base plan, resource by resource, in URN order. */
export function diffPlans(
    base: readonly PlannedResource[],
    head: readonly PlannedResource[],
    aliasesOf: (resource: PlannedResource) => readonly string[] = (resource) => resource.aliases ?? [],
): ResourceChange[] {
    const baseByUrn = new Map(base.map((resource) => [resource.urn, resource]));
    const matched = new Set<string>();
    const changes: ResourceChange[] = [];
    for (const resource of head) {
        const movedFrom = baseByUrn.has(resource.urn) ? undefined : aliasesOf(resource).find((alias) => baseByUrn.has(alias));
        const previous = baseByUrn.get(movedFrom ?? resource.urn);
        const label = { urn: resource.urn, type: resource.type, name: resource.name };
        if (!previous) {
            changes.push({ kind: "add", ...label, properties: [] });
            continue;
        }
        matched.add(previous.urn);
        const properties = propertyChanges(previous, resource);
        if (properties.length > 0 || movedFrom) {
            const kind = properties.some((property) => property.replaces) ? "replace" : "update";
            changes.push({ kind, ...label, ...(movedFrom ? { movedFrom } : {}), properties });
        }
    }
    for (const resource of base) {
        if (!matched.has(resource.urn))
            changes.push({ kind: "remove", urn: resource.urn, type: resource.type, name: resource.name, properties: [] });
    }
    return changes.sort((a, b) => a.urn.localeCompare(b.urn));
}

const symbols: Readonly<Record<ChangeKind, string>> = { add: "+", remove: "-", replace: "+-", update: "~" };

const shown = (value: unknown): string => {
    if (value === undefined) return "(absent)";
    const text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
};

/** `2 to add, 1 to replace, ...`, or that nothing changes. */
export function diffSummary(changes: readonly ResourceChange[]): string {
    if (changes.length === 0) return "no changes";
    const counts: [ChangeKind, string][] = [
        ["add", "to add"],
        ["replace", "to replace"],
        ["update", "to update"],
        ["remove", "to remove"],
    ];
    return counts
        .map(([kind, label]) => [changes.filter((change) => change.kind === kind).length, label] as const)
        .filter(([count]) => count > 0)
        .map(([count, label]) => `${count} ${label}`)
        .join(", ");
}

export function formatDiffText(title: string, changes: readonly ResourceChange[]): string {
    const lines = [`${title}: ${diffSummary(changes)}`];
    for (const change of changes) {
        lines.push(`${symbols[change.kind].padEnd(2)} ${change.type}  ${change.name}`);
        if (change.movedFrom) lines.push(`     moved from ${change.movedFrom} (alias)`);
        for (const property of change.properties) {
            lines.push(
                `     ${property.replaces ? "(replaces) " : ""}${property.path}: ${shown(property.before)} => ${shown(property.after)}`,
            );
        }
    }
    return lines.join("\n");
}

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function formatDiffMarkdown(title: string, changes: readonly ResourceChange[]): string {
    const lines = [`### ${title}`, "", `**${diffSummary(changes)}**`];
    if (changes.length === 0) return `${lines.join("\n")}\n`;
    lines.push("", "| change | type | name | properties |", "| --- | --- | --- | --- |");
    for (const change of changes) {
        const properties = change.properties
            .map(
                (property) =>
                    `${property.replaces ? "**replaces** " : ""}\`${property.path}\`: ${shown(property.before)} → ${shown(property.after)}`,
            )
            .join("<br>");
        const moved = change.movedFrom ? `moved from \`${change.movedFrom}\`<br>` : "";
        lines.push(`| ${change.kind} | \`${change.type}\` | ${cell(change.name)} | ${cell(moved + properties)} |`);
    }
    return `${lines.join("\n")}\n`;
}
