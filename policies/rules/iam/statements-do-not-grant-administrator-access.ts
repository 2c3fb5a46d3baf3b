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
