import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { POLICY_DOCUMENT_TYPES } from "../../framework/iam-policy-document";
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

export const rule = resourceRule(
    {
        name: "iam-actions-are-scoped-to-a-service-operation",
        service: "iam",
        severity: "high",
        description: "IAM policies allow named actions only: no `*`, no `service:*`, no NotAction.",
        why: "Wildcard actions grant today's and tomorrow's operations of a service, including destructive ones.",
        remediation: "List the exact actions the principal needs, e.g. s3:GetObject and s3:PutObject instead of s3:*.",
        resourceTypes: POLICY_DOCUMENT_TYPES,
        enforcement: MANDATORY_EVERYWHERE,
        exemptions: [
            {
                resource: "urn:pulumi:*::*lakehouse:security:PermissionsBoundary$aws:iam/policy:Policy::*",
                reason: "A permissions boundary grants nothing by itself: it caps what each role's own policy can grant at the stack's services, so it names whole services while the role policies name the actions (README: Deployer permissions).",
            },
        ],
    },
    actionsAreScopedToAServiceOperation,
);
