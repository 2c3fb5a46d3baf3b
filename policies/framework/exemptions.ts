/**
 * Explicit exemptions: every policy's config accepts
 * `exemptions: [{ "resource": "<URN glob>", "reason": "<at least 10 characters>" }]`.
 * An exempted violation is still reported (advisory, with its reason); an exemption whose
 * reason is missing or too short exempts nothing and turns the violation it would cover
 * into a mandatory one.
 */
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { isPropertyMap, type PropertyValue } from "./property-values";

export const EXEMPTION_REASON_MIN_LENGTH = 10;

export interface Exemption {
    /** A URN glob: `*` matches any run of characters, `?` one character; the whole URN must match. */
    readonly resource: string;
    readonly reason: string;
}

export const exemptionsSchema: PolicyConfigJSONSchema = {
    type: "array",
    description:
        "Resources this policy does not apply to, each with the reason (at least " +
        `${EXEMPTION_REASON_MIN_LENGTH} characters). Exempted violations are still reported as advisory.`,
    items: {
        type: "object",
        properties: {
            resource: { type: "string", minLength: 1, description: "URN glob; * and ? are wildcards." },
            reason: { type: "string", description: "Why this resource may violate the policy." },
        },
        required: ["resource"],
    },
    default: [],
};

export function readExemptions(raw: PropertyValue | undefined): Exemption[] {
    if (!Array.isArray(raw)) return [];
    return raw
        .filter(isPropertyMap)
        .flatMap((entry) =>
            typeof entry.resource === "string"
                ? [{ resource: entry.resource, reason: typeof entry.reason === "string" ? entry.reason : "" }]
                : [],
        );
}

export function hasValidReason(exemption: Exemption): boolean {
    return exemption.reason.trim().length >= EXEMPTION_REASON_MIN_LENGTH;
}

export function urnMatches(pattern: string, urn: string): boolean {
    const source = pattern
        .split("")
        .map((char) => (char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
        .join("");
    return new RegExp(`^${source}$`).test(urn);
}

export type ExemptionDecision =
    | { readonly kind: "none" }
    | { readonly kind: "exempted"; readonly reason: string }
    | { readonly kind: "invalid"; readonly pattern: string };

/** A valid matching exemption wins; otherwise an invalid matching one is reported as such. */
export function decideExemption(exemptions: readonly Exemption[], urn: string): ExemptionDecision {
    const matching = exemptions.filter((exemption) => urnMatches(exemption.resource, urn));
    const valid = matching.find(hasValidReason);
    if (valid) return { kind: "exempted", reason: valid.reason.trim() };
    if (matching.length > 0) return { kind: "invalid", pattern: matching[0].resource };
    return { kind: "none" };
}
