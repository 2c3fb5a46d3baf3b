/**
 * Test helpers: fixtures are exported resources (the `pulumi stack export` shape), evaluated by
 * the offline runner, which wraps properties in the SDK's unknown-checking proxy and builds the
 * same argument objects the analyzer server does.
 */
import { catalog } from "../catalog";
import type { CatalogRule } from "../framework/policy-factory";
import { runPolicies, type Finding } from "../runner/engine";
import type { PolicyConfig } from "../runner/policy-config";
import { UNKNOWN_VALUE, type ExportedResource } from "../runner/resource-document";

export const STACK = "prod";
export const PROJECT = "lakehouse";
export const ACCOUNT = "123456789012";

/** The value the engine sends for a property that is unknown during preview. */
export const UNKNOWN = UNKNOWN_VALUE;

export function urnOf(type: string, name: string, stack = STACK): string {
    return `urn:pulumi:${stack}::${PROJECT}::${type}::${name}`;
}

export function resource(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    extra: Partial<ExportedResource> = {},
): ExportedResource {
    return { urn: urnOf(type, name), type, inputs, custom: true, ...extra };
}

export function ruleNamed(name: string): CatalogRule {
    const rule = catalog.find((candidate) => candidate.name === name);
    if (!rule) throw new Error(`no rule named ${name} in the catalog`);
    return rule;
}

/** Runs one rule (mandatory unless the config says otherwise) over the resources. */
export function check(ruleName: string, resources: ExportedResource[], config: PolicyConfig = {}): Finding[] {
    return runPolicies(resources, config, [ruleNamed(ruleName)]);
}

export function messages(findings: Finding[]): string[] {
    return findings.map((finding) => finding.message);
}

/** Deep copy with one change: `mutate` edits the copy in place. */
export function variant<T>(value: T, mutate: (copy: T) => void): T {
    const copy = structuredClone(value);
    mutate(copy);
    return copy;
}

export function policyJson(statements: Record<string, unknown>[]): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

export function keyResource(name = "data-key", inputs: Record<string, unknown> = {}): ExportedResource {
    return resource("aws:kms/key:Key", name, { enableKeyRotation: true, ...inputs }, { id: `${name}-id` });
}

export const KEY_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
