import type { PlannedResource } from "../../harness/evaluate";

/** One resource as `pulumi stack export` writes it (deployment.resources[]). */
export type StackExportResource = Omit<PlannedResource, "name">;

export interface StackExportDocument {
    readonly version: 3;
    readonly deployment: {
        readonly manifest: { readonly time: string; readonly magic: string; readonly version: string };
        readonly resources: StackExportResource[];
    };
}

/**
 * Builds the `pulumi stack export` document of an offline plan: the root Stack resource first,
 * every top-level resource parented to it, as the engine records them.
 */
export function toStackExport(project: string, stack: string, resources: readonly PlannedResource[], time: Date): StackExportDocument {
    const stackUrn = `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
    const root: StackExportResource = {
        urn: stackUrn,
        custom: false,
        type: "pulumi:pulumi:Stack",
        inputs: {},
        outputs: {},
        dependencies: [],
        propertyDependencies: {},
        protect: false,
        retainOnDelete: false,
    };
    return {
        version: 3,
        deployment: {
            manifest: { time: time.toISOString(), magic: "", version: "lakehouse-offline-plan" },
            resources: [
                root,
                ...resources.map((resource) => ({
                    urn: resource.urn,
                    custom: resource.custom,
                    ...(resource.id !== undefined ? { id: resource.id } : {}),
                    type: resource.type,
                    inputs: resource.inputs,
                    outputs: resource.outputs,
                    parent: resource.parent ?? stackUrn,
                    dependencies: resource.dependencies,
                    propertyDependencies: resource.propertyDependencies,
                    protect: resource.protect,
                    retainOnDelete: resource.retainOnDelete,
                })),
            ],
        },
    };
}
