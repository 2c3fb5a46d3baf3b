import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { POLICY_DOCUMENT_TYPES } from "../../framework/iam-policy-document";
import { checkEveryStatement, type KindedDocument, type Statement } from "../../framework/iam-policy-document";
import {
    actionsMatching,
    actionSupportsConditionKey,
    conditionKeyExists,
    iamDataVersion,
    isGlobalConditionKey,
} from "../../framework/iam-reference";
import { isPropertyMap, isUnknown, type PropertyValue } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

const REQUIREMENT = "use only condition keys its actions support";

/**
 * Every condition key exists in the IAM reference; in an Allow statement, a key that a positive
 * operator requires is global or supported by every action the statement allows, since a request
 * without the key fails the condition and the statement grants that action nothing.
 */
export function conditionKeysAreSupported(resource: RuleResource): string[] {
    const subject = resourceLabel(resource);
    return checkEveryStatement(resource, subject, REQUIREMENT, (document, s) => statementFindings(subject, document, s));
}

/**
 * True when a request without the key fails the condition: not a negated operator, not
 * `…IfExists`, not `ForAllValues:` (true on an empty set), and `Null` only when it asks for presence.
 */
function requiresTheKey(operator: string, value: PropertyValue | undefined): boolean {
    if (/^ForAllValues:/i.test(operator) || /IfExists$/i.test(operator)) return false;
    const base = operator.replace(/^ForAnyValue:/i, "");
    if (/^Null$/i.test(base)) return (Array.isArray(value) ? value : [value]).every((v) => v === false || v === "false");
    return !/Not/.test(base);
}

function statementFindings(subject: string, document: KindedDocument, statement: Statement): string[] {
    const at = `statement ${statement.label} of ${document.where}`;
    if (statement.conditionUnknown) {
        return [`${subject} must ${REQUIREMENT}, but the Condition of ${at} is unknown during preview, so it cannot be verified.`];
    }
    const findings: string[] = [];
    const entries = [...(statement.actions ?? []), ...(statement.notActions ?? [])];
    const services = entries.flatMap((entry) => (typeof entry === "string" && entry.includes(":") ? [entry.split(":")[0]] : []));
    for (const [operator, block] of Object.entries(statement.condition ?? {})) {
        if (isUnknown(block)) {
            findings.push(
                `${subject} must ${REQUIREMENT}, but the ${operator} block of ${at} is unknown during preview, so it cannot be verified.`,
            );
        }
        if (!isPropertyMap(block)) continue;
        for (const [key, value] of Object.entries(block)) {
            if (isGlobalConditionKey(key)) continue;
            if (!conditionKeyExists(key, services)) {
                findings.push(
                    `${subject} must ${REQUIREMENT}, but ${at} uses "${key}" (${operator}), which is no condition key of the IAM reference ` +
                        `${iamDataVersion}, so no request carries it.`,
                );
            } else if (statement.effect === "Allow" && statement.actions && requiresTheKey(operator, value)) {
                findings.push(...unsupportedFindings(subject, document, statement, at, operator, key));
            }
        }
    }
    return findings;
}

function unsupportedFindings(
    subject: string,
    document: KindedDocument,
    statement: Statement,
    at: string,
    operator: string,
    key: string,
): string[] {
    // An identity policy's resources decide which resource types' keys apply; a resource or trust policy governs its own resource.
    const named = document.kind === "identity" ? (statement.resources ?? []) : [];
    const resources = named.filter((r): r is string => typeof r === "string");
    const resourcesUnknown = named.some(isUnknown);
    return (statement.actions ?? []).flatMap((entry): string[] => {
        if (isUnknown(entry)) {
            return [
                `${subject} must ${REQUIREMENT}, but an action in ${at} is unknown during preview, so "${key}" cannot be verified for it.`,
            ];
        }
        // `*` and `service*:…` span services; whether some action supports the key says nothing about the statement.
        if (/[*?]/.test(entry.split(":")[0])) return [];
        const matches = actionsMatching(entry);
        // Actions the reference does not list are reported by iam-actions-exist.
        if (matches.length === 0 || matches.some((action) => actionSupportsConditionKey(action, key, resources))) return [];
        if (resourcesUnknown) {
            return [
                `${subject} must ${REQUIREMENT}, but a resource in ${at} is unknown during preview, so "${key}" cannot be verified for "${entry}".`,
            ];
        }
        const which = /[*?]/.test(entry) ? `none of the actions "${entry}" matches supports it` : `"${entry}" does not support it`;
        return [
            `${subject} must ${REQUIREMENT}, but ${at} requires "${key}" (${operator}) and ${which} in the IAM reference ` +
                `${iamDataVersion}, so the statement grants "${entry}" nothing.`,
        ];
    });
}

export const rule = resourceRule(
    {
        name: "iam-condition-keys-are-supported",
        service: "iam",
        severity: "medium",
        description:
            "Every condition key exists in the Service Authorization Reference, and a key an Allow statement requires is global " +
            "or supported by every action of the statement.",
        why: "A request for an action that does not support a key lacks it, so a StringEquals or StringLike on that key fails and the statement grants that action nothing.",
        remediation:
            "Move the action to a statement without the condition, or use a key the action lists in the Service Authorization " +
            "Reference (e.g. s3:prefix applies to s3:ListBucket, not to s3:ListBucketMultipartUploads).",
        resourceTypes: POLICY_DOCUMENT_TYPES,
        enforcement: MANDATORY_EVERYWHERE,
    },
    conditionKeysAreSupported,
);
