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

/** The JSON of policies/config/<stack>.json. */
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

/** The stack's own policy configuration, or else its environment's (a stack file kept anywhere). */
export function loadPolicyConfig(stack: string, environment?: string): PolicyConfig {
    const own = path.join(POLICY_CONFIG_DIR, `${stack}.json`);
    const file = !fs.existsSync(own) && environment ? path.join(POLICY_CONFIG_DIR, `${environment}.json`) : own;
    const shown = path.relative(process.cwd(), file) || file;
    if (!fs.existsSync(file)) {
        const known = fs.existsSync(POLICY_CONFIG_DIR)
            ? fs
                  .readdirSync(POLICY_CONFIG_DIR)
                  .filter((name) => name.endsWith(".json"))
                  .map((name) => name.replace(/\.json$/, ""))
            : [];
        throw new PolicyConfigError(
            `No policy configuration for stack "${stack}": ${shown} does not exist` +
                (known.length > 0 ? ` (configured stacks: ${known.join(", ")}).` : "."),
        );
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
        throw new PolicyConfigError(`${shown} is not valid JSON: ${(error as Error).message}`);
    }
    return validatePolicyConfigShape(parsed, shown);
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
