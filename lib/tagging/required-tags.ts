import * as pulumi from "@pulumi/pulumi";
import taggable from "../../policies/data/aws-taggable-types.json";

/**
 * Types that accept a `tags` input: every taggable @pulumi/aws resource (generated list, see
 * scripts/generate-taggable-types.ts) plus the awsx VPC, which passes its tags to its children.
 */
const taggableTypes: ReadonlySet<string> = new Set([...taggable.types, "awsx:ec2:Vpc"]);

export function isTaggable(type: string): boolean {
    return taggableTypes.has(type);
}

type Tags = Record<string, string>;

function withRequiredTags(existing: unknown, required: Tags): Tags | pulumi.Output<Tags> {
    if (pulumi.Output.isInstance(existing)) {
        return existing.apply((tags) => ({ ...(tags as Tags | undefined), ...required }));
    }
    return { ...(existing as Tags | undefined), ...required };
}

/**
 * A stack transform that puts the required tags on every taggable resource, including those
 * created inside packaged components (awsx), where the engine applies stack transforms too.
 * Required keys win over a resource's own values so no component can mislabel its cost.
 */
export function requiredTagsTransform(required: Tags): pulumi.ResourceTransform {
    return (args) => {
        if (!isTaggable(args.type)) return undefined;
        return { props: { ...args.props, tags: withRequiredTags(args.props["tags"], required) }, opts: args.opts };
    };
}
