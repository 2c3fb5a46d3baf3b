import type * as pulumi from "@pulumi/pulumi";
import { DEFAULT_DATA_BEARING_TYPES } from "../../policies/rules/data-protection/data-bearing-types";

/**
 * Resource types that hold data: what a `pulumi destroy` or a replacement must not take with it
 * where the environment keeps data. The policy pack's prod-data-resources-are-retained owns the
 * list (the pack stays self-contained), and this transform applies the same one.
 */
export const dataBearingTypes: readonly string[] = DEFAULT_DATA_BEARING_TYPES;

const dataBearing: ReadonlySet<string> = new Set(dataBearingTypes);

/**
 * A stack transform that protects and retains every data-bearing resource where the environment
 * keeps data: the one place the environment's deletion profile meets the resources. It only ever
 * adds protection, because the engine hands transforms `protect: false` for an unset option and a
 * resource that keeps itself everywhere (the catalog's encryption setting) must stay kept.
 */
export function dataProtectionTransform(retainOnDelete: boolean): pulumi.ResourceTransform {
    return (args) => {
        if (!retainOnDelete || !dataBearing.has(args.type)) return undefined;
        return { props: args.props, opts: { ...args.opts, protect: true, retainOnDelete: true } };
    };
}
