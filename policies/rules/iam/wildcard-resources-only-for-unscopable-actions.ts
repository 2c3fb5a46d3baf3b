import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { POLICY_DOCUMENT_TYPES } from "../../framework/iam-policy-document";
import { checkAllowStatements, type Statement } from "../../framework/iam-policy-document";
import { actionsMatching, iamDataVersion, needsWildcardResource } from "../../framework/iam-reference";
import { isUnknown } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** `*`, or an ARN whose resource part is only `*` (`arn:aws:s3:::*`, `arn:aws:kms:eu-west-1:123456789012:*`). */
export function isWildcardResource(resource: string): boolean {
    return resource === "*" || /^arn:[^:]+:[^:]+:[^:]*:[^:]*:\*$/.test(resource);
}

/**
 * An Allow statement uses `Resource: "*"` only for actions the Service Authorization Reference
 * lists without resource types (wildcard-only, plus the few whose usual request names no resource),
 * and never NotResource.
 */
export function wildcardResourcesOnlyForUnscopableActions(resource: RuleResource): string[] {
    const subject = resourceLabel(resource);
    return checkAllowStatements(resource, subject, "scope its resources", (where, s) => statementFindings(subject, where, s));
}

function statementFindings(subject: string, where: string, statement: Statement): string[] {
    const findings: string[] = [];
    const at = `statement ${statement.label} of ${where}`;
    if (statement.notResources) {
        findings.push(`${subject} must name the resources it allows, but ${at} uses NotResource, which allows every other resource.`);
    }
    const resources = statement.resources ?? [];
    if (resources.some(isUnknown)) {
        findings.push(
            `${subject} must name the resources it allows, but a resource in ${at} is unknown during preview, so it cannot be verified.`,
        );
    }
    const wildcard = resources.find((r): r is string => typeof r === "string" && isWildcardResource(r));
    if (!wildcard) return findings;
    for (const action of statement.actions ?? []) {
        const problem = isUnknown(action) ? "an action unknown during preview, so it cannot be verified" : scopeProblem(action);
        if (problem)
            findings.push(`${subject} may use Resource "${wildcard}" only for actions AWS cannot scope, but ${at} allows ${problem}.`);
    }
    return findings;
}

/** Why the action must not be allowed on `*`, or undefined when the reference says nothing narrower exists. */
function scopeProblem(action: string): string | undefined {
    // A pattern grants today's and tomorrow's actions alike, so it is never shown to be unscopable.
    if (/[*?]/.test(action)) return `"${action}" on it; name the actions and their resources instead`;
    const [found] = actionsMatching(action);
    if (!found) return `"${action}" on it, which the IAM reference ${iamDataVersion} does not list, so it cannot be shown to be unscopable`;
    if (needsWildcardResource(found)) return undefined;
    const types = found.resourceTypes.map((type) => type.name).join(", ");
    return `"${action}" on it, which the IAM reference ${iamDataVersion} lets you scope to ${types}; name the resources instead`;
}

export const rule = resourceRule(
    {
        name: "iam-wildcard-resources-only-for-unscopable-actions",
        service: "iam",
        severity: "high",
        description:
            'IAM policies use `"Resource": "*"` only for actions the Service Authorization Reference lists without a resource type, ' +
            "and never NotResource.",
        why: "A wildcard resource extends a grant to every bucket, key and table of the account, including other teams' data.",
        remediation:
            "Name the ARNs of this stack's resources of the types the finding lists; an action the reference lists without " +
            "resource types passes on *, and anything else needs an exemption with its reason in the policy config.",
        resourceTypes: POLICY_DOCUMENT_TYPES,
        enforcement: MANDATORY_EVERYWHERE,
        exemptions: [
            {
                resource: "urn:pulumi:*::*lakehouse:security:PermissionsBoundary$aws:iam/policy:Policy::*",
                reason: "A permissions boundary grants nothing by itself: each role's own policy names the resources, the boundary only caps the services and denies escalation and other regions (README: Deployer permissions).",
            },
        ],
    },
    wildcardResourcesOnlyForUnscopableActions,
);
