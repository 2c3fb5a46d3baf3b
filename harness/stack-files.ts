/**
 * Reads Pulumi.yaml and Pulumi.<stack>.yaml the way the Pulumi CLI hands config to a program:
 * keys without a namespace belong to the project, declared project defaults fill keys the
 * stack leaves out, and every value becomes a string (lists and maps as JSON).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

export class StackFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackFileError";
    }
}

export interface StackConfig {
    readonly project: string;
    readonly stack: string;
    /** `namespace:key` -> value as a string, as `pulumi.runtime.allConfig()` returns it. */
    readonly values: Record<string, string>;
}

function readYaml(file: string): unknown {
    if (!fs.existsSync(file)) throw new StackFileError(`${file} does not exist`);
    try {
        return parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
        throw new StackFileError(`${file} is not valid YAML: ${(error as Error).message}`);
    }
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asConfigString(value: unknown): string {
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    return JSON.stringify(value);
}

/** Loads the project's config for one stack; `stackFile` overrides the conventional path. */
export function loadStackConfig(projectDir: string, stack: string, stackFile?: string): StackConfig {
    const projectFile = path.join(projectDir, "Pulumi.yaml");
    const project = readYaml(projectFile);
    if (!isRecord(project) || typeof project["name"] !== "string") throw new StackFileError(`${projectFile} has no project name`);
    const projectName = project["name"];

    const file = stackFile ?? path.join(projectDir, `Pulumi.${stack}.yaml`);
    const document = readYaml(file) ?? {};
    if (!isRecord(document)) throw new StackFileError(`${file} must be a mapping with a "config:" section`);
    const config = document["config"] ?? {};
    if (!isRecord(config)) throw new StackFileError(`${file}: "config" must be a mapping of keys to values`);

    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) {
        const fullKey = key.includes(":") ? key : `${projectName}:${key}`;
        if (isRecord(value) && "secure" in value) {
            // Encrypted values cannot be read offline; the program never needs one in plain text.
            values[fullKey] = "[secret]";
            continue;
        }
        values[fullKey] = asConfigString(value);
    }

    const declared = isRecord(project["config"]) ? project["config"] : {};
    for (const [key, declaration] of Object.entries(declared)) {
        const fullKey = key.includes(":") ? key : `${projectName}:${key}`;
        if (fullKey in values || !isRecord(declaration) || !("default" in declaration)) continue;
        values[fullKey] = asConfigString(declaration["default"]);
    }
    return { project: projectName, stack, values };
}
