/**
 * Evaluates the real program for one stack under Pulumi mocks and records every registered
 * resource the way the engine would store it: inputs after stack transforms, outputs, parent,
 * dependencies, and the `protect` / `retainOnDelete` options. Runs once per process (the
 * Pulumi SDK keeps global state), so callers use harness/evaluate.ts, which forks a worker.
 */
import * as pulumi from "@pulumi/pulumi";
import { ResourceNames } from "../lib/naming/resource-names";
import { callResult, offlineAccountId, resourceOutputs, type OfflineContext, type OfflineWorld } from "./offline-aws";
import type { StackConfig } from "./stack-files";

export interface PlannedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly custom: boolean;
    readonly id?: string;
    readonly inputs: Record<string, unknown>;
    readonly outputs: Record<string, unknown>;
    readonly parent?: string;
    readonly dependencies: string[];
    readonly propertyDependencies: Record<string, string[]>;
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    /** URNs the resource was known by before (its `aliases` option): the engine moves it instead of replacing it. */
    readonly aliases?: string[];
}

export interface ConfigProblemReport {
    readonly key: string;
    readonly message: string;
}

export type PlanResult =
    | {
          readonly kind: "plan";
          readonly project: string;
          readonly stack: string;
          readonly resources: PlannedResource[];
          readonly outputs: Record<string, unknown>;
          /** Provider functions the program called, e.g. `aws:index/getCallerIdentity:getCallerIdentity`. */
          readonly invokes: string[];
      }
    | {
          readonly kind: "config-error";
          readonly stack: string;
          readonly problems: ConfigProblemReport[];
          readonly registeredResources: number;
      };

interface Registration {
    readonly type: string;
    readonly name: string;
    readonly custom: boolean;
    readonly id: string;
    readonly inputs: Record<string, unknown>;
    readonly outputs: Record<string, unknown>;
    /** `dependsOn` added by stack transforms, which the engine honours like the resource's own. */
    readonly transformDependencies: Set<pulumi.Resource>;
    /** The options after stack transforms, as the engine stores them. */
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
}

interface Capture {
    readonly resource: pulumi.Resource;
    readonly type: string;
    readonly name: string;
    readonly parent?: pulumi.Resource;
    /** As set on the resource; unset means inherited from the parent, as the engine does. */
    readonly protect?: boolean;
    readonly retainOnDelete: boolean;
    readonly aliases: readonly (string | pulumi.Alias)[];
    readonly dependencies: Promise<Set<pulumi.Resource>>;
    readonly propertyDependencies: Promise<Record<string, Set<pulumi.Resource>>>;
}

type WithAllResources = { allResources?: () => Promise<Set<pulumi.Resource>> };

/** Resources an input value depends on, found through the Outputs inside it, as the SDK does. */
async function referencedResources(value: unknown, found = new Set<pulumi.Resource>()): Promise<Set<pulumi.Resource>> {
    if (pulumi.Output.isInstance(value)) {
        // `allResources` is how the SDK itself computes dependencies; it is not in the typings.
        const resources = await ((value as unknown as WithAllResources).allResources?.() ?? Promise.resolve(new Set<pulumi.Resource>()));
        resources.forEach((resource) => found.add(resource));
        const inner = await new Promise<unknown>((resolve) => value.apply((resolved) => resolve(resolved)));
        return referencedResources(inner, found);
    }
    if (pulumi.Resource.isInstance(value)) {
        found.add(value);
    } else if (value instanceof Promise) {
        await referencedResources(await value, found);
    } else if (Array.isArray(value)) {
        for (const item of value) await referencedResources(item, found);
    } else if (typeof value === "object" && value !== null) {
        for (const item of Object.values(value)) await referencedResources(item, found);
    }
    return found;
}

class PlanRecorder implements pulumi.runtime.Mocks {
    readonly registrations = new Map<string, Registration>();
    readonly captures: Capture[] = [];
    readonly invokes = new Set<string>();
    private readonly stackTransforms: pulumi.ResourceTransform[] = [];

    constructor(private readonly context: OfflineContext) {}

    registerTransform(transform: pulumi.ResourceTransform): void {
        this.stackTransforms.push(transform);
    }

    async newResource(args: pulumi.runtime.MockResourceArgs): Promise<{ id: string | undefined; state: Record<string, unknown> }> {
        // The engine applies stack transforms to every registration; the mock monitor leaves that to us.
        let inputs: Record<string, unknown> = args.inputs;
        // As the engine hands them over: protect inherited from the parent by the SDK, unset options false.
        const capture = this.captures.find((candidate) => candidate.type === args.type && candidate.name === args.name);
        let protect = capture ? this.effectiveProtect(capture) : false;
        let retainOnDelete = capture?.retainOnDelete ?? false;
        const transformDependencies = new Set<pulumi.Resource>();
        for (const transform of this.stackTransforms) {
            const result = await transform({
                type: args.type,
                name: args.name,
                custom: args.custom ?? true,
                props: inputs,
                opts: { protect, retainOnDelete },
            });
            if (!result) continue;
            inputs = await new Promise((resolve) =>
                pulumi.output(result.props).apply((props) => resolve(props as Record<string, unknown>)),
            );
            protect = result.opts?.protect ?? protect;
            retainOnDelete = result.opts?.retainOnDelete ?? retainOnDelete;
            await referencedResources(result.opts?.dependsOn, transformDependencies);
        }
        const { id, state } =
            args.type === "pulumi:pulumi:Stack"
                ? { id: "", state: {} }
                : resourceOutputs(args.type, args.name, inputs, this.context.region);
        const key = `${args.type}::${args.name}`;
        if (this.registrations.has(key))
            throw new Error(`two resources share type and name ${key}; the engine would reject the duplicate URN`);
        // Bridged resources report their id among their outputs too.
        const outputs = { ...inputs, ...state, ...(args.custom !== false && id ? { id } : {}) };
        this.registrations.set(key, {
            type: args.type,
            name: args.name,
            custom: args.custom ?? true,
            id,
            inputs,
            outputs,
            transformDependencies,
            protect,
            retainOnDelete,
        });
        return { id: args.custom === false ? undefined : id, state: outputs };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        this.invokes.add(args.token);
        return callResult(args.token, args.inputs as Record<string, unknown>, this.context);
    }

    /** Protect as the SDK resolves it: the resource's own, else its parent's. */
    effectiveProtect(capture: Capture): boolean {
        if (capture.protect !== undefined) return capture.protect;
        const parent = capture.parent ? this.captures.find((candidate) => candidate.resource === capture.parent) : undefined;
        return parent ? this.effectiveProtect(parent) : false;
    }

    /** Legacy stack transformation: the one hook that sees each resource object with its options. */
    readonly capture = (args: pulumi.ResourceTransformationArgs): undefined => {
        const opts = args.opts as pulumi.CustomResourceOptions;
        this.captures.push({
            resource: args.resource,
            type: args.type,
            name: args.name,
            parent: args.opts.parent,
            protect: opts.protect,
            retainOnDelete: opts.retainOnDelete === true,
            // Plain values: an alias made of Outputs is not resolved offline.
            aliases: (args.opts.aliases ?? []).filter(
                (alias): alias is string | pulumi.Alias =>
                    typeof alias === "string" || (typeof alias === "object" && !pulumi.Output.isInstance(alias)),
            ),
            dependencies: (async () => {
                const found = await referencedResources(args.props);
                return referencedResources(args.opts.dependsOn, found);
            })(),
            propertyDependencies: (async () => {
                const entries = await Promise.all(
                    Object.entries(args.props).map(async ([key, value]) => [key, await referencedResources(value)] as const),
                );
                return Object.fromEntries(entries);
            })(),
        });
        return undefined;
    };
}

/** Evaluates the program at `programPath` (a module exporting the Pulumi program) for one stack. */
export async function evaluateStack(
    programPath: string,
    config: StackConfig,
    world: OfflineWorld = { firstDeploy: false, missingTables: [] },
): Promise<PlanResult> {
    const region = config.values["aws:region"] ?? "us-east-1";
    const names = new ResourceNames(config.project, config.stack, offlineAccountId, region);
    const recorder = new PlanRecorder({ region, names, world });
    pulumi.runtime.setAllConfig(config.values);
    await pulumi.runtime.setMocks(recorder, config.project, config.stack, true);

    let configError: { problems: ConfigProblemReport[] } | undefined;
    const outputs = await pulumi.runtime.runInPulumiStack(async () => {
        pulumi.runtime.registerStackTransformation(recorder.capture);
        const program = (await import(programPath)) as
            (() => Promise<Record<string, unknown>>) | { default: () => Promise<Record<string, unknown>> };
        const run = typeof program === "function" ? program : program.default;
        try {
            return await run();
        } catch (error) {
            const problems = (error as { problems?: ConfigProblemReport[] }).problems;
            if ((error as Error).name !== "ConfigValidationError" || !problems) throw error;
            configError = { problems: [...problems] };
            return {};
        }
    });
    // Lets the Stack resource's own registration finish, as the CLI does before exiting.
    await pulumi.runtime.disconnect();
    if (configError) {
        const registered = [...recorder.registrations.values()].filter(
            (registration) => registration.type !== "pulumi:pulumi:Stack",
        ).length;
        return { kind: "config-error", stack: config.stack, problems: configError.problems, registeredResources: registered };
    }

    const stackUrnPrefix = `urn:pulumi:${config.stack}::${config.project}::`;
    const qualifiedTypes = new Map<pulumi.Resource, string>();
    const urns = new Map<pulumi.Resource, string>();
    const byResource = new Map<pulumi.Resource, Capture>();
    for (const capture of recorder.captures) byResource.set(capture.resource, capture);
    const stackRoot = recorder.captures.find((capture) => capture.type === "pulumi:pulumi:Stack");

    // URNs as the engine builds them: the parent's qualified type chain, then type and name.
    const urnOf = (capture: Capture): string => {
        const known = urns.get(capture.resource);
        if (known) return known;
        const parent = capture.parent && capture.parent !== stackRoot?.resource ? byResource.get(capture.parent) : undefined;
        if (parent) urnOf(parent);
        const parentQualified = parent ? qualifiedTypes.get(parent.resource) : undefined;
        const qualified = parentQualified ? `${parentQualified}$${capture.type}` : capture.type;
        qualifiedTypes.set(capture.resource, qualified);
        const urn = `${stackUrnPrefix}${qualified}::${capture.name}`;
        urns.set(capture.resource, urn);
        return urn;
    };
    recorder.captures.forEach(urnOf);

    const children = new Map<pulumi.Resource, Capture[]>();
    for (const capture of recorder.captures) {
        if (capture.parent) children.set(capture.parent, [...(children.get(capture.parent) ?? []), capture]);
    }
    // Depending on a component means depending on every custom resource inside it.
    const expand = (resource: pulumi.Resource): string[] => {
        const capture = byResource.get(resource);
        if (!capture) return [];
        if (pulumi.CustomResource.isInstance(resource) || capture.type === "awsx:ec2:Vpc") return [urnOf(capture)];
        return (children.get(resource) ?? []).flatMap((child) => expand(child.resource));
    };
    const toUrns = (resources: Set<pulumi.Resource>): string[] => [...new Set([...resources].flatMap(expand))].sort();
    // An alias names the resource's old URN, or the parts of it that differ (the SDK's Alias).
    const aliasUrn = (capture: Capture, alias: string | pulumi.Alias): string | undefined => {
        if (typeof alias === "string") return alias;
        // A parent given as a URN carries its qualified type chain as the URN's third part.
        let parentQualified: string | undefined;
        if (typeof alias.parent === "string") {
            const qualified = alias.parent.split("::")[2];
            parentQualified = qualified === "pulumi:pulumi:Stack" ? undefined : qualified;
        } else {
            const parentResource = pulumi.Resource.isInstance(alias.parent) ? alias.parent : capture.parent;
            const parent = parentResource && parentResource !== stackRoot?.resource ? byResource.get(parentResource) : undefined;
            if (parent) urnOf(parent);
            parentQualified = parent ? qualifiedTypes.get(parent.resource) : undefined;
        }
        const type = typeof alias.type === "string" ? alias.type : capture.type;
        const name = typeof alias.name === "string" ? alias.name : capture.name;
        const stack = typeof alias.stack === "string" ? alias.stack : config.stack;
        const project = typeof alias.project === "string" ? alias.project : config.project;
        return `urn:pulumi:${stack}::${project}::${parentQualified ? `${parentQualified}$` : ""}${type}::${name}`;
    };

    const resources: PlannedResource[] = [];
    for (const capture of recorder.captures) {
        const registration = recorder.registrations.get(`${capture.type}::${capture.name}`);
        if (!registration) throw new Error(`resource ${capture.type}::${capture.name} was constructed but never registered`);
        const propertyDependencies = Object.fromEntries(
            Object.entries(await capture.propertyDependencies)
                .map(([key, found]) => [key, toUrns(found)] as const)
                .filter(([, found]) => found.length > 0),
        );
        const parentCapture = capture.parent ? byResource.get(capture.parent) : undefined;
        resources.push({
            urn: urnOf(capture),
            type: capture.type,
            name: capture.name,
            custom: registration.custom,
            ...(registration.custom ? { id: registration.id } : {}),
            inputs: registration.inputs,
            outputs: registration.outputs,
            ...(parentCapture ? { parent: urnOf(parentCapture) } : {}),
            dependencies: toUrns(new Set([...(await capture.dependencies), ...registration.transformDependencies])),
            propertyDependencies,
            protect: registration.protect,
            retainOnDelete: registration.retainOnDelete,
            ...(capture.aliases.length > 0 ? { aliases: capture.aliases.flatMap((alias) => aliasUrn(capture, alias) ?? []) } : {}),
        });
    }
    const resolvedOutputs = await new Promise<Record<string, unknown>>((resolve) =>
        pulumi.output(outputs ?? {}).apply((value) => resolve(value as Record<string, unknown>)),
    );
    return {
        kind: "plan",
        project: config.project,
        stack: config.stack,
        resources,
        outputs: resolvedOutputs,
        invokes: [...recorder.invokes].sort(),
    };
}
