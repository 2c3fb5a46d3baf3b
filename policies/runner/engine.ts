/**
 * Runs the pack's policies over exported resources the way the Pulumi engine and the
 * @pulumi/policy analyzer server do: every resource policy once per resource with its inputs
 * (wrapped in the SDK's unknown-checking proxy), every stack policy once with all resources,
 * enforcement levels from the reconciled config, diagnostics that hit an unknown value downgraded
 * to advisory, and per-diagnostic enforcement from the object form of reportViolation.
 */
import type {
    EnforcementLevel,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { catalog } from "../catalog";
import { DEFAULT_ENFORCEMENT as PACK_ENFORCEMENT_LEVEL, type CatalogRule } from "../framework/policy-factory";
import type { Severity } from "../framework/rule-types";
import { unknownCheckingProxy, UnknownValueError } from "../framework/sdk-proxy";
import { reconcilePolicyConfig, type PolicyConfig } from "./policy-config";
import { nameOfUrn, type ExportedResource } from "./resource-document";

export interface Finding {
    policy: string;
    service: string;
    severity: Severity;
    enforcement: "mandatory" | "advisory" | "disabled";
    urn?: string;
    resourceName?: string;
    resourceType?: string;
    message: string;
    exempted?: { reason: string };
}

class NotApplicableSignal extends Error {
    constructor(readonly reason?: string) {
        super(reason ?? "Policy does not apply");
    }
}

function throwNotApplicable(reason?: string): never {
    throw new NotApplicableSignal(reason);
}

interface PulumiTyped {
    __pulumiType?: unknown;
    isInstance?: (value: unknown) => boolean;
}

function isTypeOf(type: string, resourceClass: unknown): boolean {
    const typed = resourceClass as PulumiTyped;
    if (typeof typed.__pulumiType === "string" && typed.__pulumiType.length > 0) return type === typed.__pulumiType;
    return typeof typed.isInstance === "function" && typed.isInstance({ __pulumiType: type }) === true;
}

const emptyStackTags: ReadonlyMap<string, string> = new Map();

/** Stack policies see state (outputs); a resource that has not been created yet only has inputs. */
function stateProperties(resource: ExportedResource): Record<string, unknown> {
    const merged: Record<string, unknown> = { ...resource.inputs, ...(resource.outputs ?? {}) };
    if (resource.id !== undefined && merged.id === undefined) merged.id = resource.id;
    return merged;
}

function resourceOptions(resource: ExportedResource): PolicyResourceOptions & { retainOnDelete?: boolean } {
    const opts: PolicyResourceOptions & { retainOnDelete?: boolean } = {
        protect: resource.protect === true,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        // Not in the analyzer protocol; the offline runner passes it so rules can accept either option.
        retainOnDelete: resource.retainOnDelete === true,
    };
    if (resource.parent) opts.parent = resource.parent;
    return opts;
}

function providerReference(resources: Map<string, ExportedResource>, reference: string | undefined) {
    if (!reference) return undefined;
    const urn = reference.includes("::") ? reference.slice(0, reference.lastIndexOf("::")) : reference;
    const provider = resources.get(urn);
    if (!provider) return undefined;
    return { type: provider.type, props: unknownCheckingProxy({ ...provider.inputs }), urn, name: nameOfUrn(urn) };
}

interface Diagnostic {
    policy: CatalogRule;
    enforcement: EnforcementLevel;
    message: string;
    urn?: string;
    exemptionReason?: string;
}

interface ReportedObject {
    message?: string;
    urn?: string;
    enforcementLevel?: EnforcementLevel;
    exemptionReason?: string;
}

function reporter(policy: CatalogRule, level: EnforcementLevel, sink: Diagnostic[], defaultUrn?: string) {
    return (message: string | ReportedObject, urn?: string): void => {
        if (typeof message === "object") {
            sink.push({
                policy,
                enforcement: message.enforcementLevel ?? level,
                message: message.message ?? policy.description,
                urn: message.urn ?? defaultUrn,
                exemptionReason: message.exemptionReason,
            });
        } else {
            sink.push({ policy, enforcement: level, message: message || policy.description, urn: urn ?? defaultUrn });
        }
    };
}

function levelFor(policy: CatalogRule, configured: EnforcementLevel | undefined): EnforcementLevel {
    const level = configured || policy.policy.enforcementLevel || PACK_ENFORCEMENT_LEVEL;
    return level === "remediate" ? "mandatory" : level;
}

function handleFailure(policy: CatalogRule, error: unknown, sink: Diagnostic[], urn?: string): void {
    if (error instanceof UnknownValueError) {
        sink.push({
            policy,
            enforcement: "advisory",
            message: `can't run policy '${policy.name}' during preview: ${error.message}`,
            urn,
        });
        return;
    }
    if (error instanceof NotApplicableSignal) return;
    const where = urn ? ` on ${urn}` : "";
    throw new Error(`Policy "${policy.name}" failed${where}: ${(error as Error).message}`);
}

export function runPolicies(resources: ExportedResource[], config: PolicyConfig, rules: readonly CatalogRule[] = catalog): Finding[] {
    const reconciled = reconcilePolicyConfig(
        rules.map((rule) => ({
            name: rule.name,
            enforcementLevel: rule.policy.enforcementLevel,
            configSchema: rule.configSchema,
        })),
        config,
    );
    const byUrn = new Map(resources.map((resource) => [resource.urn, resource]));
    const diagnostics: Diagnostic[] = [];

    for (const rule of rules) {
        const policyConfig = reconciled.get(rule.name);
        const level = levelFor(rule, policyConfig?.enforcementLevel);
        if (level === "disabled") continue;
        const getConfig = <T extends object>(): T => structuredClone(policyConfig?.properties ?? {}) as T;

        if (rule.kind === "resource") {
            const policy = rule.policy as ResourceValidationPolicy;
            const validations = policy.validateResource
                ? Array.isArray(policy.validateResource)
                    ? policy.validateResource
                    : [policy.validateResource]
                : [];
            for (const resource of resources) {
                if (resource.type === "pulumi:pulumi:Stack") continue;
                for (const validate of validations) {
                    const props = unknownCheckingProxy(structuredClone(resource.inputs));
                    const args: ResourceValidationArgs = {
                        type: resource.type,
                        props,
                        urn: resource.urn,
                        name: nameOfUrn(resource.urn),
                        opts: resourceOptions(resource),
                        stackTags: emptyStackTags,
                        isType: (resourceClass) => isTypeOf(resource.type, resourceClass),
                        asType: ((resourceClass: unknown) =>
                            isTypeOf(resource.type, resourceClass) ? props : undefined) as ResourceValidationArgs["asType"],
                        getConfig,
                        notApplicable: throwNotApplicable,
                    };
                    const provider = providerReference(byUrn, resource.provider);
                    if (provider) args.provider = provider;
                    try {
                        validate(args, reporter(rule, level, diagnostics, resource.urn));
                    } catch (error) {
                        handleFailure(rule, error, diagnostics, resource.urn);
                    }
                }
            }
        } else {
            const policy = rule.policy as StackValidationPolicy;
            const policyResources = new Map<string, PolicyResource>();
            for (const resource of resources) {
                const props = unknownCheckingProxy(structuredClone(stateProperties(resource)));
                const entry: PolicyResource = {
                    type: resource.type,
                    props,
                    urn: resource.urn,
                    name: nameOfUrn(resource.urn),
                    opts: resourceOptions(resource),
                    dependencies: [],
                    propertyDependencies: {},
                    isType: (resourceClass) => isTypeOf(resource.type, resourceClass),
                    asType: ((resourceClass: unknown) =>
                        isTypeOf(resource.type, resourceClass) ? props : undefined) as PolicyResource["asType"],
                };
                const provider = providerReference(byUrn, resource.provider);
                if (provider) entry.provider = provider;
                policyResources.set(resource.urn, entry);
            }
            for (const resource of resources) {
                const entry = policyResources.get(resource.urn);
                if (!entry) continue;
                if (resource.parent) entry.parent = policyResources.get(resource.parent);
                entry.dependencies = (resource.dependencies ?? [])
                    .map((urn) => policyResources.get(urn))
                    .filter((found): found is PolicyResource => found !== undefined);
                for (const [key, urns] of Object.entries(resource.propertyDependencies ?? {})) {
                    entry.propertyDependencies[key] = urns
                        .map((urn) => policyResources.get(urn))
                        .filter((found): found is PolicyResource => found !== undefined);
                }
            }
            const args: StackValidationArgs = {
                resources: [...policyResources.values()],
                getConfig,
                stackTags: emptyStackTags,
                notApplicable: throwNotApplicable,
            };
            try {
                policy.validateStack(args, reporter(rule, level, diagnostics));
            } catch (error) {
                handleFailure(rule, error, diagnostics);
            }
        }
    }

    return diagnostics.map((diagnostic): Finding => {
        const resource = diagnostic.urn ? byUrn.get(diagnostic.urn) : undefined;
        const finding: Finding = {
            policy: diagnostic.policy.name,
            service: diagnostic.policy.service,
            severity: diagnostic.policy.severity,
            enforcement: diagnostic.enforcement === "remediate" ? "mandatory" : diagnostic.enforcement,
            message: diagnostic.message,
        };
        if (diagnostic.urn) {
            finding.urn = diagnostic.urn;
            finding.resourceName = nameOfUrn(diagnostic.urn);
            finding.resourceType = resource?.type;
        }
        if (diagnostic.exemptionReason !== undefined) finding.exempted = { reason: diagnostic.exemptionReason };
        return finding;
    });
}

/** True when any finding would block `pulumi up` (mandatory and not exempted). */
export function hasMandatoryViolations(findings: readonly Finding[]): boolean {
    return findings.some((finding) => finding.enforcement === "mandatory" && !finding.exempted);
}
