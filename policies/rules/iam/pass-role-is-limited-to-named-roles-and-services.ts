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
