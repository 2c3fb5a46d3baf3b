import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { POLICY_DOCUMENT_TYPES } from "../../framework/iam-policy-document";
import { checkEveryStatement, type KindedDocument, type Statement } from "../../framework/iam-policy-document";
import { actionsMatching, closestAction, iamDataVersion, serviceExists } from "../../framework/iam-reference";
import { isUnknown } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

const REQUIREMENT = "name only actions that exist";

/** Every Action and NotAction entry of every policy document names a real service and matches a real action. */
export function actionsExist(resource: RuleResource): string[] {
    const subject = resourceLabel(resource);
    return checkEveryStatement(resource, subject, REQUIREMENT, (document, s) => statementFindings(subject, document, s));
}

function statementFindings(subject: string, document: KindedDocument, statement: Statement): string[] {
    const at = `statement ${statement.label} of ${document.where}`;
    const entries = [
        ...(statement.actions ?? []).map((entry) => ({ entry, element: "Action" })),
        ...(statement.notActions ?? []).map((entry) => ({ entry, element: "NotAction" })),
    ];
    return entries.flatMap(({ entry, element }): string[] => {
        if (isUnknown(entry)) {
            return [
                `${subject} must ${REQUIREMENT}, but an entry of ${element} in ${at} is unknown during preview, so it cannot be verified.`,
            ];
        }
        const problem = actionProblem(entry);
        return problem ? [`${subject} must ${REQUIREMENT}, but ${element} "${entry}" in ${at} ${problem}.`] : [];
    });
}

/** Why the entry names nothing real, or undefined when it matches an action of the reference. */
function actionProblem(entry: string): string | undefined {
    if (entry === "*") return undefined;
    const colon = entry.indexOf(":");
    if (colon < 0) return 'is not of the form "service:Action"';
    const service = entry.slice(0, colon);
    if (!/[*?]/.test(service) && !serviceExists(service)) {
        return `names no service of the IAM reference ${iamDataVersion}${didYouMean(entry)}`;
    }
    if (actionsMatching(entry).length > 0) return undefined;
    return `matches no action of the IAM reference ${iamDataVersion}, so it grants or denies nothing${didYouMean(entry)}`;
}

function didYouMean(entry: string): string {
    if (/[*?]/.test(entry)) return "";
    const suggestion = closestAction(entry);
    return suggestion ? ` (did you mean "${suggestion}"?)` : "";
}

export const rule = resourceRule(
    {
        name: "iam-actions-exist",
        service: "iam",
        severity: "medium",
        description:
            "Every Action and NotAction of every IAM, trust and resource policy names a real service and matches an action " +
            "of AWS's Service Authorization Reference.",
        why: "A misspelt action is accepted by IAM but grants (or denies) nothing, so the workload fails at run time or a Deny silently protects nothing.",
        remediation: "Correct the action to its name in the Service Authorization Reference; the finding names the closest real action.",
        resourceTypes: POLICY_DOCUMENT_TYPES,
        enforcement: MANDATORY_EVERYWHERE,
    },
    actionsExist,
);
