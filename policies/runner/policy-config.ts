/**
 * Policy configuration as the Pulumi engine treats `--policy-pack-config FILE`: each policy
 * starts from its declared enforcement level and its schema defaults, `"all"` sets every
 * policy's level, a policy's own entry overrides its level and properties, and the result is
 * validated against each policy's config schema (an invalid file stops the run).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { EnforcementLevel, PolicyConfigSchema } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { catalog } from "../catalog";
import type { CatalogRule } from "../framework/policy-factory";
import { environments, isEnvironment, type Environment } from "../framework/rule-types";

/** A policy configuration as `--policy-pack-config` takes it: entries keyed by policy name, plus `all`. */
export type PolicyConfig = Record<string, unknown>;

export class PolicyConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PolicyConfigError";
    }
}

export const POLICY_CONFIG_DIR = path.join(__dirname, "..", "config");

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

function isLevel(value: unknown): value is EnforcementLevel {
    return typeof value === "string" && (LEVELS as readonly string[]).includes(value);
}

/** Checks the file's shape the way the engine parses it: each entry a level or an object. */
export function validatePolicyConfigShape(config: unknown, sourceName: string): PolicyConfig {
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
        throw new PolicyConfigError(`${sourceName} must contain a JSON object keyed by policy name.`);
    }
    const problems: string[] = [];
    for (const [key, value] of Object.entries(config)) {
        if (typeof value === "string") {
            if (!isLevel(value)) problems.push(`"${key}": "${value}" is not a valid enforcement level`);
        } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
            const level = (value as Record<string, unknown>).enforcementLevel;
            if (level !== undefined && !isLevel(level)) {
                problems.push(`"${key}".enforcementLevel: ${JSON.stringify(level)} is not a valid enforcement level`);
            }
        } else {
            problems.push(`"${key}": must be an enforcement level string or an object`);
        }
    }
    if (problems.length > 0) throw new PolicyConfigError(`${sourceName} is invalid:\n  ${problems.join("\n  ")}`);
    return config as PolicyConfig;
}

/**
 * The pack's configuration for an environment: each rule's level there, the property values the
 * environment sets, and the exemptions every stack of it gets. What a stack runs with unless its
 * own file overrides part of it.
 */
export function environmentPolicyConfig(environment: Environment, rules: readonly CatalogRule[] = catalog): PolicyConfig {
    return Object.fromEntries(
        rules.map((rule) => {
            const exemptions = (rule.exemptions ?? [])
                .filter((exemption) => !exemption.environments || exemption.environments.includes(environment))
                .map(({ resource, reason }) => ({ resource, reason }));
            return [
                rule.name,
                {
                    enforcementLevel: rule.enforcement[environment],
                    ...(rule.environmentDefaults[environment] ?? {}),
                    ...(exemptions.length > 0 ? { exemptions } : {}),
                },
            ];
        }),
    );
}

/** Lays a stack's own file over its environment's configuration: levels and properties replace, exemptions add up. */
export function overridePolicyConfig(base: PolicyConfig, overrides: PolicyConfig): PolicyConfig {
    const result: Record<string, Record<string, unknown>> = Object.fromEntries(
        Object.entries(base).map(([name, entry]) => [name, { ...(entry as Record<string, unknown>) }]),
    );
    const all = overrides.all;
    const allLevel = isLevel(all)
        ? all
        : typeof all === "object" && all !== null
          ? (all as Record<string, unknown>).enforcementLevel
          : undefined;
    if (isLevel(allLevel)) for (const entry of Object.values(result)) entry.enforcementLevel = allLevel;
    for (const [name, given] of Object.entries(overrides)) {
        if (name === "all") continue;
        const entry = result[name] ?? {};
        if (isLevel(given)) {
            result[name] = { ...entry, enforcementLevel: given };
        } else if (given !== null && typeof given === "object") {
            const { exemptions, ...rest } = given as Record<string, unknown>;
            const inherited = Array.isArray(entry.exemptions) ? entry.exemptions : [];
            result[name] = {
                ...entry,
                ...rest,
                ...(exemptions === undefined ? {} : { exemptions: Array.isArray(exemptions) ? [...inherited, ...exemptions] : exemptions }),
            };
        }
    }
    return result;
}

/**
 * What a stack runs with: its environment's configuration from the pack, then, where it exists,
 * policies/config/<stack>.json (levels, properties and extra exemptions for that stack only).
 * A stack named after an environment needs no environment argument.
 */
export function loadPolicyConfig(stack: string, environment?: string): PolicyConfig {
    const profile = environment ?? (isEnvironment(stack) ? stack : undefined);
    if (!isEnvironment(profile)) {
        throw new PolicyConfigError(
            profile === undefined
                ? `Stack "${stack}" does not say its environment (lakehouse:environment: ${environments.join(", ")}), which picks its policy levels.`
                : `Stack "${stack}" has environment "${profile}", which is not one of ${environments.join(", ")}.`,
        );
    }
    const base = environmentPolicyConfig(profile);
    const own = path.join(POLICY_CONFIG_DIR, `${stack}.json`);
    if (!fs.existsSync(own)) return base;
    const shown = path.relative(process.cwd(), own) || own;
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(own, "utf8"));
    } catch (error) {
        throw new PolicyConfigError(`${shown} is not valid JSON: ${(error as Error).message}`);
    }
    return overridePolicyConfig(base, validatePolicyConfigShape(parsed, shown));
}

export interface PolicyDeclaration {
    readonly name: string;
    readonly enforcementLevel?: EnforcementLevel;
    readonly configSchema?: PolicyConfigSchema;
}

export interface ReconciledPolicyConfig {
    readonly enforcementLevel?: EnforcementLevel;
    readonly properties: Record<string, unknown>;
}

function typeMatches(value: unknown, type: string): boolean {
    switch (type) {
        case "string":
            return typeof value === "string";
        case "number":
            return typeof value === "number";
        case "integer":
            return typeof value === "number" && Number.isInteger(value);
        case "boolean":
            return typeof value === "boolean";
        case "null":
            return value === null;
        case "array":
            return Array.isArray(value);
        case "object":
            return value !== null && typeof value === "object" && !Array.isArray(value);
        default:
            return true;
    }
}

/** The subset of JSON Schema our config schemas use (type, enum, properties, required, items, minLength, minimum). */
function schemaErrors(value: unknown, schema: PolicyConfigJSONSchema, where: string): string[] {
    const errors: string[] = [];
    if (schema.type) {
        const types = Array.isArray(schema.type) ? schema.type : [schema.type];
        if (!types.some((type) => typeMatches(value, type))) return [`${where}: must be of type ${types.join(" or ")}`];
    }
    if (schema.enum && !schema.enum.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))) {
        errors.push(`${where}: must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}`);
    }
    if (typeof value === "string" && schema.minLength !== undefined && value.length < schema.minLength) {
        errors.push(`${where}: must be at least ${schema.minLength} characters long`);
    }
    if (typeof value === "number" && schema.minimum !== undefined && value < schema.minimum) {
        errors.push(`${where}: must be at least ${schema.minimum}`);
    }
    if (Array.isArray(value) && schema.items && typeof schema.items === "object" && !Array.isArray(schema.items)) {
        const itemSchema = schema.items;
        value.forEach((item, index) => errors.push(...schemaErrors(item, itemSchema, `${where}[${index}]`)));
    }
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        const record = value as Record<string, unknown>;
        for (const key of schema.required ?? []) {
            if (!(key in record)) errors.push(`${where}: ${key} is required`);
        }
        for (const [key, propertySchema] of Object.entries(schema.properties ?? {})) {
            if (key in record && typeof propertySchema === "object") {
                errors.push(...schemaErrors(record[key], propertySchema, `${where}.${key}`));
            }
        }
    }
    return errors;
}

/** Mirrors the engine's ReconcilePolicyPackConfig for one pack, throwing on validation errors. */
export function reconcilePolicyConfig(policies: readonly PolicyDeclaration[], config: PolicyConfig): Map<string, ReconciledPolicyConfig> {
    const result = new Map<string, ReconciledPolicyConfig>();
    for (const policy of policies) {
        const defaults: Record<string, unknown> = {};
        for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
            if (schema.default !== undefined) defaults[key] = structuredClone(schema.default);
        }
        result.set(policy.name, { enforcementLevel: policy.enforcementLevel, properties: defaults });
    }
    const all = config.all;
    const allLevel = isLevel(all)
        ? all
        : typeof all === "object" && all !== null
          ? (all as Record<string, unknown>).enforcementLevel
          : undefined;
    if (isLevel(allLevel)) {
        for (const [name, entry] of result) result.set(name, { ...entry, enforcementLevel: allLevel });
    }
    for (const [name, given] of Object.entries(config)) {
        const entry = result.get(name);
        if (!entry) continue;
        if (isLevel(given)) {
            result.set(name, { ...entry, enforcementLevel: given });
        } else if (given !== null && typeof given === "object") {
            const { enforcementLevel, ...properties } = given as Record<string, unknown>;
            result.set(name, {
                enforcementLevel: isLevel(enforcementLevel) ? enforcementLevel : entry.enforcementLevel,
                properties: { ...entry.properties, ...properties },
            });
        }
    }
    const errors: string[] = [];
    for (const policy of policies) {
        if (!policy.configSchema) continue;
        const schema: PolicyConfigJSONSchema = {
            type: "object",
            properties: policy.configSchema.properties,
            required: policy.configSchema.required,
        };
        errors.push(...schemaErrors(result.get(policy.name)?.properties ?? {}, schema, policy.name));
    }
    if (errors.length > 0) throw new PolicyConfigError(`The policy configuration is invalid:\n  ${errors.join("\n  ")}`);
    return result;
}
