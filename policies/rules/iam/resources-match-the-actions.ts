import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { POLICY_DOCUMENT_TYPES } from "../../framework/iam-policy-document";
import { checkEveryStatement, type KindedDocument, type Statement } from "../../framework/iam-policy-document";
import { actionsMatching, iamDataVersion, isWildcardOnly, resourceGrantsAction, type ReferenceAction } from "../../framework/iam-reference";
import { isUnknown } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

const REQUIREMENT = "name resources its actions accept";

/**
 * In every Allow statement each action has a resource of a type it accepts, and each resource is
 * of a type one of the actions accepts. In a resource policy `*` is the resource itself, so only
 * explicit ARNs are checked there; trust policies name no resources.
 */
export function resourcesMatchTheActions(resource: RuleResource): string[] {
    const subject = resourceLabel(resource);
    return checkEveryStatement(resource, subject, REQUIREMENT, (document, s) => statementFindings(subject, document, s));
}

interface ActionEntry {
    readonly entry: string;
    readonly matches: readonly ReferenceAction[];
}

function statementFindings(subject: string, document: KindedDocument, statement: Statement): string[] {
    if (document.kind === "trust" || statement.effect !== "Allow" || !statement.actions || !statement.resources) return [];
    const at = `statement ${statement.label} of ${document.where}`;
    const findings: string[] = [];
    const unverifiable = (what: string) =>
        `${subject} must ${REQUIREMENT}, but ${what} in ${at} is unknown during preview, so it cannot be verified.`;
    if (statement.resources.some(isUnknown)) findings.push(unverifiable("a resource"));
    if (statement.actions.some(isUnknown)) findings.push(unverifiable("an action"));
    const resources = statement.resources.filter((r): r is string => typeof r === "string");
    const explicit = resources.filter((r) => r !== "*");
    const named = statement.actions.filter((entry): entry is string => typeof entry === "string");
    // `*` and `service*:…` may be any action, so any resource may be one it accepts.
    if (named.some((entry) => /[*?]/.test(entry.split(":")[0]))) return findings;
    // Actions the reference does not list are reported by iam-actions-exist; they name no type to compare with.
    const actions: ActionEntry[] = named
        .map((entry) => ({ entry, matches: actionsMatching(entry) }))
        .filter((action) => action.matches.length > 0);
    const coversAll = resources.includes("*") || statement.resources.some(isUnknown);
    if (document.kind === "identity" && explicit.length === 0) return findings;
    if (!coversAll) {
        for (const action of actions) {
            const problem = actionProblem(action, explicit);
            if (problem) findings.push(`${subject} must ${REQUIREMENT}, but in ${at} ${problem}.`);
        }
    }
    // A resource may be of a type only an unknown or unlisted action accepts.
    if (actions.length < statement.actions.length) return findings;
    for (const arn of explicit) {
        if (actions.some((action) => action.matches.some((found) => resourceGrantsAction(found, arn)))) continue;
        findings.push(
            `${subject} must ${REQUIREMENT}, but in ${at} the resource "${arn}" is of no type its actions accept ` +
                `(${acceptedTypes(actions)} in the IAM reference ${iamDataVersion}), so it grants nothing.`,
        );
    }
    return findings;
}

/** Why the action is granted on none of the resources, or undefined when one of them is of a type it accepts. */
function actionProblem(action: ActionEntry, resources: readonly string[]): string | undefined {
    if (action.matches.some((found) => resources.some((arn) => resourceGrantsAction(found, arn)))) return undefined;
    if (action.matches.every(isWildcardOnly)) {
        return `"${action.entry}" is authorised only on Resource "*" (the IAM reference ${iamDataVersion} lists no resource type for it), so the named resources grant it nothing`;
    }
    return `"${action.entry}" has no resource of a type it accepts (${typesOf(action)} in the IAM reference ${iamDataVersion}), so it grants nothing`;
}

const TYPES_SHOWN = 8;

function typesOf(action: ActionEntry): string {
    const types = [...new Set(action.matches.flatMap((found) => found.resourceTypes.map((type) => type.name)))];
    if (types.length === 0) return "none";
    const more = types.length - TYPES_SHOWN;
    return types.slice(0, TYPES_SHOWN).join(", ") + (more > 0 ? ` and ${more} more` : "");
}

function acceptedTypes(actions: readonly ActionEntry[]): string {
    return actions.map((action) => `${action.entry}: ${typesOf(action)}`).join("; ");
}

export const rule = resourceRule(
    {
        name: "iam-resources-match-the-actions",
        service: "iam",
        severity: "medium",
        description:
            "In every Allow statement each action has a resource of a type it accepts and each resource is of a type one of its " +
            "actions accepts (Service Authorization Reference); resource policies are checked on their explicit ARNs.",
        why: "An action on resources of the wrong type grants nothing, so the workload fails at run time, and a resource no action accepts is dead weight that hides the mistake.",
        remediation:
            "Name the ARN of the type the action acts on (e.g. arn:aws:s3:::bucket/* for s3:GetObject, arn:aws:s3:::bucket for " +
            "s3:ListBucket), or move the action to the statement that names it.",
        resourceTypes: POLICY_DOCUMENT_TYPES,
        enforcement: MANDATORY_EVERYWHERE,
    },
    resourcesMatchTheActions,
);
