/** Shared shape of the "encrypted with a customer-managed key" stack rules. */
import { classifyKeyReference, keyViolation } from "./kms-key-reference";
import type { PropertyValue } from "./property-values";
import { resourceLabel } from "./resource-label";
import type { StackViolation } from "./rule-types";
import type { GraphResource, StackGraph } from "./stack-graph";

export interface KeyLocation {
    /** What the key protects, for the message ("its query results"). */
    readonly what: string;
    /** Top-level property whose dependencies show where an unknown key came from. */
    readonly sourceProperty: string;
    readonly key: (resource: GraphResource) => PropertyValue | undefined;
}

export function customerManagedKeyViolations(
    stack: StackGraph,
    types: readonly string[],
    locations: readonly KeyLocation[],
    applies: (resource: GraphResource) => boolean = () => true,
): StackViolation[] {
    return stack
        .ofType(...types)
        .filter(applies)
        .flatMap((resource) =>
            locations.flatMap((location) => {
                const evidence = classifyKeyReference(stack, resource, location.sourceProperty, location.key(resource));
                const message = keyViolation(resourceLabel(resource), location.what, evidence);
                return message ? [{ urn: resource.urn, message }] : [];
            }),
        );
}
