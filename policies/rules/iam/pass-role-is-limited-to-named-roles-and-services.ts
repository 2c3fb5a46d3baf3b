import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { POLICY_DOCUMENT_TYPES } from "../../framework/iam-policy-document";
import { checkAllowStatements, conditionKeys, statementAllowsAction } from "../../framework/iam-policy-document";
import { isUnknown } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** A role ARN without wildcards in its name part, e.g. `arn:aws:iam::123456789012:role/etl`. */
function isNamedRole(resource: string): boolean {
    return /^arn:[^:]+:iam::\d{12}:role\/[^*?]+$/.test(resource);
}

/** Statements allowing `iam:PassRole` name each role and carry an `iam:PassedToService` condition. */
export function passRoleIsLimitedToNamedRolesAndServices(resource: RuleResource): string[] {
    const subject = resourceLabel(resource);
    return checkAllowStatements(resource, subject, "limit iam:PassRole to named roles", (where, s) => {
        if (!statementAllowsAction(s, "iam:PassRole")) return [];
        const at = `statement ${s.label} of ${where}`;
        const findings: string[] = [];
        if (s.notResources) {
            findings.push(`${subject} must allow iam:PassRole only on named roles, but ${at} uses NotResource.`);
        }
        for (const target of s.resources ?? []) {
            // An unknown ARN is the ARN of a role created in the same update: a named role.
            if (isUnknown(target) || isNamedRole(target)) continue;
            findings.push(`${subject} must allow iam:PassRole only on named roles, but ${at} allows it on "${target}".`);
        }
        if (!conditionKeys(s).includes("iam:passedtoservice")) {
            findings.push(`${subject} must restrict iam:PassRole with an iam:PassedToService condition, but ${at} has none.`);
        }
        return findings;
    });
}

export const rule = resourceRule(
    {
        name: "iam-pass-role-is-limited-to-named-roles-and-services",
        service: "iam",
        severity: "high",
        description: "iam:PassRole is allowed only on named role ARNs and with an iam:PassedToService condition.",
        why: "PassRole on * lets a principal hand any role, including admin roles, to a service it controls (privilege escalation).",
        remediation:
            "Set Resource to the ARNs of the roles to pass and add Condition StringEquals iam:PassedToService " +
            "with the service that receives them (e.g. glue.amazonaws.com).",
        resourceTypes: POLICY_DOCUMENT_TYPES,
        enforcement: MANDATORY_EVERYWHERE,
        exemptions: [
            {
                resource: "urn:pulumi:*::*lakehouse:security:PermissionsBoundary$aws:iam/policy:Policy::*",
                reason: "A permissions boundary grants nothing by itself: it caps iam:PassRole at this stack's roles, while the deployer's own policy names each role and its iam:PassedToService (README: Deployer permissions).",
            },
        ],
    },
    passRoleIsLimitedToNamedRolesAndServices,
);
