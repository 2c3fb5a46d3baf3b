import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import { isUnknown, listAt, type PropertyValue } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { StackViolation } from "../../framework/rule-types";
import type { GraphResource, StackGraph } from "../../framework/stack-graph";

/** AdministratorAccess, PowerUserAccess and every AWS-managed `*FullAccess` policy. */
export function isAdministrativeManagedPolicy(arn: string): boolean {
    const match = /^arn:[^:]+:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
    if (!match) return false;
    const name = match[1];
    return name === "AdministratorAccess" || name === "PowerUserAccess" || /FullAccess$/.test(name);
}

/** Where each attaching resource type keeps its policy ARN(s). */
const ATTACHMENT_PROPERTIES: Readonly<Record<string, string>> = {
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": "policyArn",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment": "policyArn",
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": "policyArn",
    "aws:iam/policyAttachment:PolicyAttachment": "policyArn",
    "aws:iam/role:Role": "managedPolicyArns",
    "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive": "policyArns",
    "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive": "policyArns",
    "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive": "policyArns",
};

function arnsOf(value: PropertyValue | undefined): PropertyValue[] {
    if (value === undefined || value === null) return [];
    return listAt(value) ?? [value];
}

/**
 * No role, user or group gets AdministratorAccess, PowerUserAccess or a `*FullAccess` managed
 * policy. An ARN unknown during preview is accepted only when it comes from a policy of this
 * stack (which the document rules check).
 */
export function managedPoliciesAreNotAdministrative(stack: StackGraph): StackViolation[] {
    return stack.ofType(...Object.keys(ATTACHMENT_PROPERTIES)).flatMap((resource: GraphResource) => {
        const property = ATTACHMENT_PROPERTIES[resource.type];
        const subject = resourceLabel(resource);
        return arnsOf(resource.props[property]).flatMap((arn): StackViolation[] => {
            if (isUnknown(arn)) {
                const fromStack = stack.sourcesOf(resource, property).some((s) => s.type === "aws:iam/policy:Policy");
                return fromStack
                    ? []
                    : [
                          {
                              urn: resource.urn,
                              message:
                                  `${subject} must not attach administrative managed policies; its ${property} is unknown ` +
                                  "during preview and does not come from a policy of this stack, so it cannot be verified.",
                          },
                      ];
            }
            if (typeof arn === "string" && isAdministrativeManagedPolicy(arn)) {
                return [
                    {
                        urn: resource.urn,
                        message: `${subject} must not attach administrative managed policies, but it attaches ${arn}.`,
                    },
                ];
            }
            return [];
        });
    });
}

export const rule = stackRule(
    {
        name: "iam-managed-policies-are-not-administrative",
        service: "iam",
        severity: "critical",
        description: "No role, user or group has AdministratorAccess, PowerUserAccess or an AWS `*FullAccess` policy attached.",
        why: "AWS's broad managed policies grant far more than a data pipeline needs and change as AWS adds actions.",
        remediation: "Attach a customer-managed policy with the actions and resources the principal needs.",
        resourceTypes: [
            "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
            "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive",
            "aws:iam/policy:Policy",
            "aws:iam/policyAttachment:PolicyAttachment",
            "aws:iam/role:Role",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
            "aws:iam/userPolicyAttachment:UserPolicyAttachment",
            "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
        ],
        enforcement: MANDATORY_EVERYWHERE,
    },
    managedPoliciesAreNotAdministrative,
);
