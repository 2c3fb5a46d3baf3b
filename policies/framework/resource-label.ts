import type { RuleResource } from "./rule-types";

/** `aws:sns/topic:Topic` named "alerts" reads as `SNS topic "alerts"` style: `sns Topic "alerts"`. */
export function resourceLabel(resource: Pick<RuleResource, "type" | "name">): string {
    const [, module = "", typeName = resource.type] = /^[^:]+:([^/:]+)\/?[^:]*:(.+)$/.exec(resource.type) ?? [];
    return module ? `${module} ${typeName} "${resource.name}"` : `${resource.type} "${resource.name}"`;
}
