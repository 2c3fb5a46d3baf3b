import { checkAllowStatements, type Statement } from "../../framework/iam-policy-document";
import { isUnknown } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** Every Allow statement names actions, never `*`, `service:*` or NotAction. */
export function actionsAreScopedToAServiceOperation(resource: RuleResource): string[] {
    const subject = resourceLabel(resource);
    return checkAllowStatements(resource, subject, "allow only named actions", (where, s) => statementFindings(subject, where, s));
}

function statementFindings(subject: string, where: string, statement: Statement): string[] {
    const findings: string[] = [];
    if (statement.notActions) {
        findings.push(
            `${subject} must allow only named actions, but statement ${statement.label} of ${where} uses NotAction, ` +
                "which allows every other action.",
        );
    }
    for (const action of statement.actions ?? []) {
        if (isUnknown(action)) {
            findings.push(
                `${subject} must allow only named actions, but an action in statement ${statement.label} of ${where} ` +
                    "is unknown during preview, so it cannot be verified.",
            );
        } else if (action === "*" || /^[a-z0-9-]+:\*$/i.test(action)) {
            findings.push(`${subject} must allow only named actions, but statement ${statement.label} of ${where} allows "${action}".`);
        }
    }
    return findings;
}
