import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { POLICY_DOCUMENT_TYPES } from "../../framework/iam-policy-document";
import { checkAllowStatements, type Statement } from "../../framework/iam-policy-document";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

function grantsEverything(statement: Statement): boolean {
    const everyAction = (statement.actions ?? []).includes("*") || statement.notActions !== undefined;
    const everyResource = (statement.resources ?? []).includes("*") || statement.notResources !== undefined;
    return everyAction && everyResource;
}

/** No Allow statement grants every action (`*` or NotAction) on every resource (`*` or NotResource). */
export function statementsDoNotGrantAdministratorAccess(resource: RuleResource): string[] {
    const subject = resourceLabel(resource);
    return checkAllowStatements(resource, subject, "not grant administrator access", (where, s) =>
        grantsEverything(s)
            ? [
                  `${subject} must not grant administrator access, but statement ${s.label} of ${where} allows every action on every resource.`,
              ]
            : [],
    );
}

export const rule = resourceRule(
    {
        name: "iam-statements-do-not-grant-administrator-access",
        service: "iam",
        severity: "critical",
        description: "No IAM statement allows every action on every resource.",
        why: "An Allow of * on * is full administrator access: it can disable every other control in the account.",
        remediation: "Replace the statement with the specific actions and resources the workload uses.",
        resourceTypes: POLICY_DOCUMENT_TYPES,
        enforcement: MANDATORY_EVERYWHERE,
    },
    statementsDoNotGrantAdministratorAccess,
);
