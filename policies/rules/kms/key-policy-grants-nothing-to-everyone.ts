import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { parsePolicyDocument, uninspectableDocument } from "../../framework/iam-policy-document";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** A KMS key policy allows nothing to the `*` principal unless a condition narrows it. */
export function keyPolicyGrantsNothingToEveryone(resource: RuleResource): string[] {
    if (resource.type !== "aws:kms/key:Key" && resource.type !== "aws:kms/keyPolicy:KeyPolicy") return [];
    const subject = resourceLabel(resource);
    // Without a policy AWS applies the default key policy, which trusts only the account.
    const document = parsePolicyDocument(resource.props.policy);
    const blocked = uninspectableDocument(subject, "its key policy", document, "grant nothing to everyone");
    if (blocked) return [blocked];
    if (document.kind !== "parsed") return [];
    return document.statements
        .filter((s) => s.effect === "Allow")
        .filter((s) => (s.principals ?? []).some((p) => p.value === "*") || s.notPrincipals !== undefined)
        .filter((s) => s.condition === undefined || Object.keys(s.condition).length === 0)
        .map(
            (s) => `${subject} must not allow the "*" principal without a condition, but statement ${s.label} of its ` + "key policy does.",
        );
}

export const rule = resourceRule(
    {
        name: "kms-key-policy-grants-nothing-to-everyone",
        service: "kms",
        severity: "critical",
        description: "KMS key policies allow nothing to the `*` principal unless a condition narrows the grant.",
        why: "An unconditioned * grant in a key policy lets any AWS principal use or manage the key.",
        remediation:
            "Name the account root, roles or services as principals, or add a condition such as kms:CallerAccount " +
            "or kms:ViaService to the statement.",
        resourceTypes: ["aws:kms/key:Key", "aws:kms/keyPolicy:KeyPolicy"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    keyPolicyGrantsNothingToEveryone,
);
