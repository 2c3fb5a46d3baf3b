import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { parsePolicyDocument, uninspectableDocument, type PrincipalEntry } from "../../framework/iam-policy-document";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNT_OR_ROLE_ARN = /^arn:[^:]+:(iam|sts)::\d{12}:[^*?]+$/;
const SERVICE = /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/;

function principalProblem(principal: PrincipalEntry): string | undefined {
    const value = principal.value;
    if (typeof value !== "string") return undefined; // an unknown ARN comes from a resource, hence is specific
    switch (principal.kind) {
        case "Service":
            return SERVICE.test(value) ? undefined : `the service principal "${value}" is not an AWS service name`;
        case "AWS":
            return ACCOUNT_ID.test(value) || ACCOUNT_OR_ROLE_ARN.test(value)
                ? undefined
                : `the AWS principal "${value}" is not a specific account or role`;
        case "Federated":
            return value.includes("*") ? `the federated principal "${value}" contains a wildcard` : undefined;
        default:
            return `the principal ${principal.kind === "*" ? '"*"' : `${principal.kind} "${value}"`} trusts everyone`;
    }
}

/** A role's trust policy lets only a named AWS service or a specific account assume it, never `*`. */
export function trustPoliciesNameAServiceOrAccount(resource: RuleResource): string[] {
    if (resource.type !== "aws:iam/role:Role") return [];
    const subject = resourceLabel(resource);
    const document = parsePolicyDocument(resource.props.assumeRolePolicy);
    const blocked = uninspectableDocument(subject, "its trust policy", document, "trust only a named service or account");
    if (blocked) return [blocked];
    if (document.kind === "absent") return [`${subject} must have a trust policy naming a service or account.`];
    if (document.kind !== "parsed") return [];
    return document.statements
        .filter((s) => s.effect === "Allow")
        .flatMap((s) => {
            if (s.notPrincipals) {
                return [`${subject} must trust only a named service or account, but statement ${s.label} uses NotPrincipal.`];
            }
            return (s.principals ?? []).flatMap((principal) => {
                const problem = principalProblem(principal);
                return problem ? [`${subject} must trust only a named service or account, but in statement ${s.label} ${problem}.`] : [];
            });
        });
}

export const rule = resourceRule(
    {
        name: "iam-trust-policies-name-a-service-or-account",
        service: "iam",
        severity: "critical",
        description: "Role trust policies let only a named AWS service or a specific account or role assume the role.",
        why: "A trust policy with a * principal lets anyone with an AWS account assume the role.",
        remediation: 'Set Principal to {"Service": "<service>.amazonaws.com"} or to a specific account or role ARN.',
        resourceTypes: ["aws:iam/role:Role"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    trustPoliciesNameAServiceOrAccount,
);
