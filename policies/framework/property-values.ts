/**
 * Resource properties as rules see them: plain JSON-like data in which every value the engine
 * could not know yet is an explicit `UnknownValue`. Rules never read the SDK's proxy directly,
 * because a read that hits an unknown makes the SDK downgrade the whole policy to an advisory
 * "can't run during preview" note, which is a silent pass for a mandatory check. Here an
 * unknown is a value like any other, so each rule has to decide what it proves.
 */
import { proxyTarget, UNKNOWN_SENTINELS } from "./sdk-proxy";

/** A value that the engine does not know yet (typically an output of a resource created in the same update). */
export class UnknownValue {
    constructor(readonly path: string) {}
}

export type PropertyValue = null | boolean | number | string | UnknownValue | PropertyValue[] | PropertyMap;

export interface PropertyMap {
    readonly [key: string]: PropertyValue | undefined;
}

export function isUnknown(value: PropertyValue | undefined): value is UnknownValue {
    return value instanceof UnknownValue;
}

export function isPropertyMap(value: PropertyValue | undefined): value is PropertyMap {
    return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof UnknownValue);
}

function toPropertyValue(raw: unknown, path: string): PropertyValue | undefined {
    if (raw === undefined) return undefined;
    if (raw === null || typeof raw === "boolean" || typeof raw === "number") return raw;
    if (typeof raw === "string") return UNKNOWN_SENTINELS.has(raw) ? new UnknownValue(path) : raw;
    if (Array.isArray(raw)) {
        return raw.map((item, index) => toPropertyValue(item, `${path}[${index}]`) ?? null);
    }
    if (typeof raw === "object") {
        const prototype: unknown = Object.getPrototypeOf(raw);
        // Assets, archives and other runtime objects carry no policy-relevant data.
        if (prototype !== Object.prototype && prototype !== null) return {};
        const result: Record<string, PropertyValue> = {};
        for (const [key, item] of Object.entries(raw as Record<string, unknown>)) {
            const converted = toPropertyValue(item, path ? `${path}.${key}` : key);
            if (converted !== undefined) result[key] = converted;
        }
        return result;
    }
    return undefined;
}

/** Converts proxied (or plain) resource properties into a `PropertyMap` with explicit unknowns. */
export function toPropertyMap(props: unknown): PropertyMap {
    const converted = toPropertyValue(proxyTarget(props), "");
    return isPropertyMap(converted) ? converted : {};
}

/**
 * Walks `path` (property names and array indexes) from `root`. An unknown met on the way is
 * returned as is, because everything below it is unknown too.
 */
export function valueAt(root: PropertyValue | undefined, ...path: (string | number)[]): PropertyValue | undefined {
    let current: PropertyValue | undefined = root;
    for (const step of path) {
        if (current === undefined || current === null) return undefined;
        if (current instanceof UnknownValue) return current;
        if (typeof step === "number") {
            if (!Array.isArray(current)) return undefined;
            current = current[step];
        } else {
            if (!isPropertyMap(current)) return undefined;
            current = current[step];
        }
    }
    return current;
}

export function stringAt(root: PropertyValue | undefined, ...path: (string | number)[]): string | undefined {
    const value = valueAt(root, ...path);
    return typeof value === "string" ? value : undefined;
}

export function listAt(root: PropertyValue | undefined, ...path: (string | number)[]): PropertyValue[] | undefined {
    const value = valueAt(root, ...path);
    return Array.isArray(value) ? value : undefined;
}

export function mapAt(root: PropertyValue | undefined, ...path: (string | number)[]): PropertyMap | undefined {
    const value = valueAt(root, ...path);
    return isPropertyMap(value) ? value : undefined;
}

/** A yes/no question about a property whose answer may not be known during preview. */
export type Tristate = "yes" | "no" | "unknown";

/** `true`, or the string "true" (provider state sometimes stores booleans as strings), is yes. */
export function isTrue(value: PropertyValue | undefined): Tristate {
    if (value instanceof UnknownValue) return "unknown";
    return value === true || value === "true" ? "yes" : "no";
}

/** A non-empty string is present; an unknown may be. */
export function isPresentString(value: PropertyValue | undefined): Tristate {
    if (value instanceof UnknownValue) return "unknown";
    return typeof value === "string" && value.trim() !== "" ? "yes" : "no";
}

/** Describes a value for a violation message. */
export function describeValue(value: PropertyValue | undefined): string {
    if (value === undefined) return "not set";
    if (value instanceof UnknownValue) return "unknown until the update runs";
    return JSON.stringify(value);
}
