import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { conditionKeys, parsePolicyDocument, uninspectableDocument } from "../../framework/iam-policy-document";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** Condition keys that limit a `*` principal to our organisation, account or source. */
const NARROWING_KEYS = ["aws:principalorgid", "aws:sourceaccount", "aws:sourcearn", "aws:principalaccount"];

/** An EventBridge bus policy allows `*` only under an organisation, account or source condition. */
export function busPolicyIsNotOpen(resource: RuleResource): string[] {
    if (resource.type !== "aws:cloudwatch/eventBusPolicy:EventBusPolicy") return [];
    const subject = resourceLabel(resource);
    const document = parsePolicyDocument(resource.props.policy);
    const blocked = uninspectableDocument(subject, "its policy", document, "not be open to everyone");
    if (blocked) return [blocked];
    if (document.kind !== "parsed") return [];
    return document.statements
        .filter((s) => s.effect === "Allow" && (s.principals ?? []).some((p) => p.value === "*"))
        .filter((s) => !conditionKeys(s).some((key) => NARROWING_KEYS.includes(key)))
        .map(
            (s) =>
                `${subject} must not let everyone use the bus, but statement ${s.label} allows "*" without an aws:PrincipalOrgID, aws:SourceAccount or aws:SourceArn condition.`,
        );
}

export const rule = resourceRule(
    {
        name: "eventbridge-bus-policy-is-not-open",
        service: "eventbridge",
        severity: "high",
        description: "EventBridge bus policies allow * only under an organisation, account or source condition.",
        why: "An open bus lets any account inject events that trigger our pipeline.",
        remediation: "Name the accounts, or add an aws:PrincipalOrgID or aws:SourceAccount condition.",
        resourceTypes: ["aws:cloudwatch/eventBusPolicy:EventBusPolicy"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    busPolicyIsNotOpen,
);
