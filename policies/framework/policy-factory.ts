/**
 * Turns a pure rule plus its catalog metadata into the policy object @pulumi/policy serves.
 * This is the one place that talks to the SDK's argument shapes: it converts proxied
 * properties to explicit-unknown data, reads the policy's config, and reports violations with
 * exemptions applied.
 */
import type {
    EnforcementLevel,
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { decideExemption, EXEMPTION_REASON_MIN_LENGTH, exemptionsSchema, readExemptions, type Exemption } from "./exemptions";
import { toPropertyMap, type PropertyMap } from "./property-values";
import {
    RuleNotApplicable,
    type Enforcement,
    type Environment,
    type ResourceCheck,
    type RuleConfigSpec,
    type RuleResource,
    type Service,
    type Severity,
    type StackCheck,
} from "./rule-types";
import { graphFromPolicyResources } from "./stack-graph";

export interface RuleMetadata {
    /** Policy name, named after the compliant condition; also the key in policy config files. */
    readonly name: string;
    readonly service: Service;
    readonly severity: Severity;
    /** One sentence stating the compliant condition. */
    readonly description: string;
    /** Why the condition matters (RULES.md). */
    readonly why: string;
    readonly remediation: string;
    /**
     * The types the rule reads; a resource rule is evaluated only on these ("any" for rules whose
     * types are configurable or are every taggable type). Stack rules list them for RULES.md.
     */
    readonly resourceTypes: readonly string[] | "any";
    /** The level in each environment, unless a stack's policies/config/<stack>.json overrides it. */
    readonly enforcement: Readonly<Record<Environment, Enforcement>>;
    /** Exemptions every stack (or the listed environments) gets, each with the reason RULES.md shows. */
    readonly exemptions?: readonly StandingExemption[];
}

export interface StandingExemption {
    /** URN glob, as in a policy config's exemptions. */
    readonly resource: string;
    readonly reason: string;
    /** Where the exemption applies; every environment when absent. */
    readonly environments?: readonly Environment[];
}

/** Encryption, exposure, least privilege and secrets: mandatory in every environment. */
export const MANDATORY_EVERYWHERE: Readonly<Record<Environment, Enforcement>> = {
    dev: "mandatory",
    staging: "mandatory",
    prod: "mandatory",
};

/** Hygiene that pays off where data lives (retention, versioning, audit trails, rotation): advisory in a throw-away dev stack. */
export const ADVISORY_IN_DEV: Readonly<Record<Environment, Enforcement>> = { dev: "advisory", staging: "mandatory", prod: "mandatory" };

export interface CatalogRule extends RuleMetadata {
    readonly kind: "resource" | "stack";
    readonly configSchema: PolicyConfigSchema;
    readonly environmentDefaults: Readonly<Partial<Record<Environment, Readonly<Record<string, unknown>>>>>;
    readonly policy: ResourceValidationPolicy | StackValidationPolicy;
}

/** The level every policy declares; the environment's configuration (policy-config.ts) sets it per stack. */
export const DEFAULT_ENFORCEMENT: EnforcementLevel = "mandatory";

/**
 * The SDK's reportViolation also accepts an object (server.js `makeReportViolationFun`) whose
 * `enforcementLevel` overrides the policy's level for that one diagnostic. The typings only
 * declare the string form, so the object form is declared here; the offline runner honours it
 * the same way.
 */
export interface DetailedViolation {
    readonly message: string;
    readonly urn?: string;
    readonly enforcementLevel: EnforcementLevel;
    /** Ignored by the SDK; lets the offline runner show the exemption reason as data. */
    readonly exemptionReason?: string;
}
type DetailedReportViolation = (violation: DetailedViolation) => void;

function report(
    reportViolation: ReportViolation,
    exemptions: readonly Exemption[],
    urn: string,
    message: string,
    attachUrn: boolean,
): void {
    const decision = decideExemption(exemptions, urn);
    const detailed = reportViolation as unknown as DetailedReportViolation;
    switch (decision.kind) {
        case "none":
            if (attachUrn) reportViolation(message, urn);
            else reportViolation(message);
            return;
        case "exempted":
            detailed({
                message: `${message} Exempted: ${decision.reason}`,
                urn: attachUrn ? urn : undefined,
                enforcementLevel: "advisory",
                exemptionReason: decision.reason,
            });
            return;
        case "invalid":
            detailed({
                message:
                    `${message} The exemption "${decision.pattern}" does not apply because it has no reason ` +
                    `of at least ${EXEMPTION_REASON_MIN_LENGTH} characters.`,
                urn: attachUrn ? urn : undefined,
                enforcementLevel: "mandatory",
            });
            return;
    }
}

function readConfig<C>(getConfig: () => object, spec: RuleConfigSpec<C> | undefined): { settings: C; exemptions: Exemption[] } {
    const raw: PropertyMap = toPropertyMap(getConfig());
    return { settings: (spec ? spec.read(raw) : undefined) as C, exemptions: readExemptions(raw.exemptions) };
}

function configSchema<C>(spec: RuleConfigSpec<C> | undefined): PolicyConfigSchema {
    return { properties: { exemptions: exemptionsSchema, ...(spec?.properties ?? {}) } };
}

function policyBase(meta: RuleMetadata): Omit<ResourceValidationPolicy, "validateResource"> {
    return {
        name: meta.name,
        description: meta.description,
        enforcementLevel: DEFAULT_ENFORCEMENT,
        severity: meta.severity,
        remediationSteps: meta.remediation,
        tags: [meta.service],
    };
}

function ruleResourceFromArgs(args: ResourceValidationArgs): RuleResource {
    const opts = args.opts as ResourceValidationArgs["opts"] & { retainOnDelete?: boolean };
    return {
        type: args.type,
        name: args.name,
        urn: args.urn,
        props: toPropertyMap(args.props),
        opts: { protect: opts.protect, retainOnDelete: opts.retainOnDelete, parent: opts.parent },
        provider: args.provider
            ? { type: args.provider.type, urn: args.provider.urn, props: toPropertyMap(args.provider.props) }
            : undefined,
    };
}

function runCheck<T>(notApplicable: (reason?: string) => never, check: () => T): T {
    try {
        return check();
    } catch (error) {
        if (error instanceof RuleNotApplicable) notApplicable(error.reason);
        throw error;
    }
}

export function resourceRule<C = undefined>(meta: RuleMetadata, check: ResourceCheck<C>, config?: RuleConfigSpec<C>): CatalogRule {
    const policy: ResourceValidationPolicy = {
        ...policyBase(meta),
        configSchema: configSchema(config),
        validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
            if (meta.resourceTypes !== "any" && !meta.resourceTypes.includes(args.type)) return;
            const { settings, exemptions } = readConfig(() => args.getConfig<object>(), config);
            const resource = ruleResourceFromArgs(args);
            const messages = runCheck(args.notApplicable, () => check(resource, settings));
            for (const message of messages) report(reportViolation, exemptions, args.urn, message, false);
        },
    };
    return {
        ...meta,
        kind: "resource",
        configSchema: configSchema(config),
        environmentDefaults: config?.environmentDefaults ?? {},
        policy,
    };
}

export function stackRule<C = undefined>(meta: RuleMetadata, check: StackCheck<C>, config?: RuleConfigSpec<C>): CatalogRule {
    const policy: StackValidationPolicy = {
        ...policyBase(meta),
        configSchema: configSchema(config),
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            const { settings, exemptions } = readConfig(() => args.getConfig<object>(), config);
            const graph = graphFromPolicyResources(args.resources);
            const violations = runCheck(args.notApplicable, () => check(graph, settings));
            for (const violation of violations) {
                report(reportViolation, exemptions, violation.urn, violation.message, true);
            }
        },
    };
    return { ...meta, kind: "stack", configSchema: configSchema(config), environmentDefaults: config?.environmentDefaults ?? {}, policy };
}
