/**
 * Reads the two documents a team can feed the offline check: `pulumi stack export` (and the
 * same shape written by `npm run check -- --json`) and `pulumi preview --json`.
 */
import { UNKNOWN_STRING_SENTINEL } from "../framework/sdk-proxy";

export interface ExportedResource {
    urn: string;
    type: string;
    inputs: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    protect?: boolean;
    retainOnDelete?: boolean;
    provider?: string;
    custom?: boolean;
    id?: string;
}

export type ResourceDocumentKind = "stack-export" | "preview-json";

export interface ResourceDocument {
    resources: ExportedResource[];
    stack?: string;
    kind: ResourceDocumentKind;
}

export class ResourceDocumentError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "ResourceDocumentError";
    }
}

/** The value `pulumi preview --json` prints for a property that is unknown until the update. */
export const UNKNOWN_VALUE = UNKNOWN_STRING_SENTINEL;

const EXPECTED =
    "Expected the output of `pulumi stack export` (an object with deployment.resources[]) " +
    "or of `pulumi preview --json` (an object with steps[] carrying newState).";

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : undefined;
}

function toResource(raw: unknown, where: string, sourceName: string): ExportedResource {
    if (!isObject(raw) || typeof raw.urn !== "string" || typeof raw.type !== "string") {
        throw new ResourceDocumentError(`${sourceName}: ${where} has no string "urn" and "type". ${EXPECTED}`);
    }
    const resource: ExportedResource = {
        urn: raw.urn,
        type: raw.type,
        inputs: isObject(raw.inputs) ? raw.inputs : {},
    };
    if (isObject(raw.outputs)) resource.outputs = raw.outputs;
    if (typeof raw.parent === "string" && raw.parent !== "") resource.parent = raw.parent;
    const dependencies = stringList(raw.dependencies);
    if (dependencies) resource.dependencies = dependencies;
    if (isObject(raw.propertyDependencies)) {
        resource.propertyDependencies = Object.fromEntries(
            Object.entries(raw.propertyDependencies).map(([key, urns]) => [key, stringList(urns) ?? []]),
        );
    }
    if (typeof raw.protect === "boolean") resource.protect = raw.protect;
    if (typeof raw.retainOnDelete === "boolean") resource.retainOnDelete = raw.retainOnDelete;
    if (typeof raw.provider === "string" && raw.provider !== "") resource.provider = raw.provider;
    if (typeof raw.custom === "boolean") resource.custom = raw.custom;
    if (typeof raw.id === "string" && raw.id !== "") resource.id = raw.id;
    return resource;
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>` → stack. */
export function stackOfUrn(urn: string): string | undefined {
    const match = /^urn:pulumi:([^:]+)::/.exec(urn);
    return match ? match[1] : undefined;
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>` → name. */
export function nameOfUrn(urn: string): string {
    const index = urn.lastIndexOf("::");
    return index >= 0 ? urn.slice(index + 2) : urn;
}

function stackOf(resources: ExportedResource[], sourceName: string): string | undefined {
    const stacks = new Set(resources.map((resource) => stackOfUrn(resource.urn)).filter((s): s is string => !!s));
    if (stacks.size > 1) {
        throw new ResourceDocumentError(
            `${sourceName}: the resources belong to several stacks (${[...stacks].join(", ")}); ` + "a document must describe one stack.",
        );
    }
    return [...stacks][0];
}

export function parseResourceDocument(text: string, sourceName: string): ResourceDocument {
    let parsed: unknown;
    try {
        parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (error) {
        throw new ResourceDocumentError(`${sourceName} is not valid JSON (${(error as Error).message}). ${EXPECTED}`);
    }
    if (!isObject(parsed)) throw new ResourceDocumentError(`${sourceName} is not a JSON object. ${EXPECTED}`);

    if (isObject(parsed.deployment)) {
        const raw = parsed.deployment.resources ?? [];
        if (!Array.isArray(raw)) {
            throw new ResourceDocumentError(`${sourceName}: deployment.resources is not an array. ${EXPECTED}`);
        }
        const resources = raw.map((item, index) => toResource(item, `deployment.resources[${index}]`, sourceName));
        return { resources, stack: stackOf(resources, sourceName), kind: "stack-export" };
    }

    if (Array.isArray(parsed.steps)) {
        const resources: ExportedResource[] = [];
        parsed.steps.forEach((step, index) => {
            if (!isObject(step)) throw new ResourceDocumentError(`${sourceName}: steps[${index}] is not an object. ${EXPECTED}`);
            // A step without newState (a delete) leaves nothing behind to check.
            if (step.newState === undefined || step.newState === null) return;
            resources.push(toResource(step.newState, `steps[${index}].newState`, sourceName));
        });
        return { resources, stack: stackOf(resources, sourceName), kind: "preview-json" };
    }

    const keys = Object.keys(parsed).slice(0, 8).join(", ") || "none";
    throw new ResourceDocumentError(`${sourceName} has neither deployment.resources nor steps (top-level keys: ${keys}). ${EXPECTED}`);
}
