import type { PolicyDocument } from "./iam-policy-document";

/** The violation for a resource whose attached policies do not deny insecure transport, or undefined. */
export function tlsViolation(
    subject: string,
    documents: readonly PolicyDocument[],
    denies: (document: PolicyDocument) => boolean,
): string | undefined {
    if (documents.some(denies)) return undefined;
    const requirement = `${subject} must have a policy that denies requests without TLS (Deny with Bool aws:SecureTransport "false")`;
    if (documents.some((document) => document.kind === "unknown")) {
        return `${requirement}; its policy is unknown during preview, so it cannot be verified.`;
    }
    return documents.length === 0 ? `${requirement}, but it has no policy.` : `${requirement}, but its policy has no such statement.`;
}
