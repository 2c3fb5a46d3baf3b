/**
 * The stack as a graph, for rules that join resources (AWS provider v7 splits a bucket's
 * settings into separate resources) or prove something about an unknown value from where it
 * comes from (an unknown key ARN whose only source is a KMS key of this stack).
 */
import type { PolicyResource } from "@pulumi/policy";
import { toPropertyMap, type PropertyValue } from "./property-values";
import type { RuleResource } from "./rule-types";

export interface GraphResource extends RuleResource {
    readonly parentUrn?: string;
    readonly dependencyUrns: readonly string[];
    /** Empty when the source document did not record per-property dependencies. */
    readonly propertyDependencyUrns: Readonly<Record<string, readonly string[]>>;
}

export class StackGraph {
    private readonly index = new Map<string, GraphResource>();

    constructor(readonly resources: readonly GraphResource[]) {
        for (const resource of resources) this.index.set(resource.urn, resource);
    }

    byUrn(urn: string): GraphResource | undefined {
        return this.index.get(urn);
    }

    ofType(...types: string[]): GraphResource[] {
        return this.resources.filter((resource) => types.includes(resource.type));
    }

    children(urn: string): GraphResource[] {
        return this.resources.filter((resource) => resource.parentUrn === urn);
    }

    /**
     * The resources `property` of `resource` was computed from. When the document carries no
     * per-property dependencies at all, every dependency of the resource is a candidate.
     */
    sourcesOf(resource: GraphResource, property: string): GraphResource[] {
        const perProperty = resource.propertyDependencyUrns;
        const urns = Object.keys(perProperty).length > 0 ? (perProperty[property] ?? []) : resource.dependencyUrns;
        return urns.map((urn) => this.index.get(urn)).filter((found): found is GraphResource => found !== undefined);
    }

    /**
     * The resources of `targetTypes` that `resource.property` refers to: by a known value equal
     * to one of the target's identifying properties, or by being computed from the target.
     */
    referencedBy(
        resource: GraphResource,
        property: string,
        value: PropertyValue | undefined,
        targetTypes: readonly string[],
        identifyingProperties: readonly string[],
    ): GraphResource[] {
        const targets = this.ofType(...targetTypes);
        if (typeof value === "string" && value !== "") {
            const byValue = targets.filter((target) => identifyingProperties.some((key) => target.props[key] === value));
            if (byValue.length > 0) return byValue;
        }
        const sources = this.sourcesOf(resource, property).filter((source) => targetTypes.includes(source.type));
        // A dependency is only evidence of the reference when the value is not a known, different string.
        if (typeof value === "string" && value !== "" && Object.keys(resource.propertyDependencyUrns).length === 0) {
            return sources.length === 1 ? sources : [];
        }
        return sources;
    }
}

/** Builds the graph from the objects the SDK passes to a stack policy. */
export function graphFromPolicyResources(resources: readonly PolicyResource[]): StackGraph {
    return new StackGraph(
        resources.map((resource) => {
            const opts = resource.opts as PolicyResource["opts"] & { retainOnDelete?: boolean };
            const propertyDependencyUrns: Record<string, string[]> = {};
            for (const [key, sources] of Object.entries(resource.propertyDependencies ?? {})) {
                propertyDependencyUrns[key] = sources.map((source) => source.urn);
            }
            return {
                type: resource.type,
                name: resource.name,
                urn: resource.urn,
                props: toPropertyMap(resource.props),
                opts: { protect: opts.protect, retainOnDelete: opts.retainOnDelete, parent: resource.parent?.urn },
                provider: resource.provider
                    ? {
                          type: resource.provider.type,
                          urn: resource.provider.urn,
                          props: toPropertyMap(resource.provider.props),
                      }
                    : undefined,
                parentUrn: resource.parent?.urn,
                dependencyUrns: resource.dependencies.map((dependency) => dependency.urn),
                propertyDependencyUrns,
            };
        }),
    );
}
