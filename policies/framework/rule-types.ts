/**
 * The shapes every rule shares. A rule is a pure function from resources (and its typed
 * configuration) to violation messages; the catalog adds metadata and turns it into an SDK policy.
 */
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import type { PropertyMap } from "./property-values";
import type { StackGraph } from "./stack-graph";

export type Service =
    | "iam"
    | "kms"
    | "s3"
    | "glue"
    | "redshift-serverless"
    | "athena"
    | "quicksight"
    | "secretsmanager"
    | "codebuild"
    | "codepipeline"
    | "lambda"
    | "sns"
    | "sqs"
    | "dynamodb"
    | "logs"
    | "eventbridge"
    | "network"
    | "tagging"
    | "data-protection";

export type Severity = "low" | "medium" | "high" | "critical";

/** Levels a policy can run at; the SDK's `remediate` is not used by this pack. */
export type Enforcement = "mandatory" | "advisory" | "disabled";

/** The environment profiles a stack declares (lakehouse:environment); each has the pack's enforcement defaults. */
export const environments = ["dev", "staging", "prod"] as const;
export type Environment = (typeof environments)[number];

export function isEnvironment(value: unknown): value is Environment {
    return typeof value === "string" && (environments as readonly string[]).includes(value);
}

/** A resource as rules see it: properties with explicit unknowns, plus the options policies can read. */
export interface RuleResource {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly props: PropertyMap;
    readonly opts: {
        readonly protect: boolean;
        /** Not part of the analyzer protocol; only the offline runner can supply it. */
        readonly retainOnDelete?: boolean;
        readonly parent?: string;
    };
    readonly provider?: { readonly type: string; readonly urn: string; readonly props: PropertyMap };
}

/** A violation found by a stack rule, attached to the resource it is about. */
export interface StackViolation {
    readonly urn: string;
    readonly message: string;
}

/** Thrown by a rule (through `notApplicable`) when it does not apply to this stack or resource. */
export class RuleNotApplicable extends Error {
    constructor(readonly reason: string) {
        super(reason);
    }
}

/** Rule-specific configuration: the JSON schema the engine validates and a reader that applies defaults. */
export interface RuleConfigSpec<C> {
    readonly properties: Readonly<Record<string, PolicyConfigJSONSchema>>;
    /** Property values an environment sets over the schema defaults (e.g. a longer minimum in prod). */
    readonly environmentDefaults?: Readonly<Partial<Record<Environment, Readonly<Record<string, unknown>>>>>;
    read(raw: PropertyMap): C;
}

export type ResourceCheck<C> = (resource: RuleResource, config: C) => string[];
export type StackCheck<C> = (stack: StackGraph, config: C) => StackViolation[];
