import { ADVISORY_IN_DEV, stackRule } from "../../framework/policy-factory";
import { isUnknown, listAt, type PropertyValue } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { StackViolation } from "../../framework/rule-types";
import type { GraphResource, StackGraph } from "../../framework/stack-graph";

interface Principal {
    readonly type: string;
    readonly inline: {
        readonly additive: string;
        readonly exclusive: string;
        readonly exclusiveList: string;
        readonly byName: string;
    };
    readonly managed: {
        readonly additive: string;
        readonly exclusive: string;
        readonly exclusiveList: string;
        readonly byName: string;
    };
}

/** For each IAM principal type: the resources that manage its inline and managed policies. */
const PRINCIPALS: readonly Principal[] = [
    {
        type: "aws:iam/role:Role",
        inline: {
            additive: "aws:iam/rolePolicy:RolePolicy",
            exclusive: "aws:iam/rolePoliciesExclusive:RolePoliciesExclusive",
            exclusiveList: "policyNames",
            byName: "role",
        },
        managed: {
            additive: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            exclusive: "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
            exclusiveList: "policyArns",
            byName: "role",
        },
    },
    {
        type: "aws:iam/user:User",
        inline: {
            additive: "aws:iam/userPolicy:UserPolicy",
            exclusive: "aws:iam/userPoliciesExclusive:UserPoliciesExclusive",
            exclusiveList: "policyNames",
            byName: "user",
        },
        managed: {
            additive: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
            exclusive: "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
            exclusiveList: "policyArns",
            byName: "user",
        },
    },
    {
        type: "aws:iam/group:Group",
        inline: {
            additive: "aws:iam/groupPolicy:GroupPolicy",
            exclusive: "aws:iam/groupPoliciesExclusive:GroupPoliciesExclusive",
            exclusiveList: "policyNames",
            byName: "group",
        },
        managed: {
            additive: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
            exclusive: "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive",
            exclusiveList: "policyArns",
            byName: "group",
        },
    },
];

const EXCLUSIVE_NAME_PROPERTY: Readonly<Record<string, string>> = {
    "aws:iam/role:Role": "roleName",
    "aws:iam/user:User": "userName",
    "aws:iam/group:Group": "groupName",
};

function nonEmpty(value: PropertyValue | undefined): boolean {
    return isUnknown(value) || (Array.isArray(value) && value.length > 0);
}

function knownStrings(value: PropertyValue | undefined): string[] | undefined {
    const list = listAt(value);
    if (!list || list.some(isUnknown)) return undefined;
    return list.filter((item): item is string => typeof item === "string");
}

function managersOf(stack: StackGraph, principal: GraphResource, managerType: string, property: string): GraphResource[] {
    return stack
        .ofType(managerType)
        .filter((manager) =>
            stack.referencedBy(manager, property, manager.props[property], [principal.type], ["name", "id", "arn"]).includes(principal),
        );
}

function conflicts(
    stack: StackGraph,
    principal: GraphResource,
    kind: "inline policies" | "managed policy attachments",
    spec: Principal["inline"],
    embeddedProperty: "inlinePolicies" | "managedPolicyArns" | undefined,
    itemProperty: "name" | "policyArn",
): string[] {
    const subject = resourceLabel(principal);
    const exclusiveByName = EXCLUSIVE_NAME_PROPERTY[principal.type];
    const additive = managersOf(stack, principal, spec.additive, spec.byName);
    const exclusive = managersOf(stack, principal, spec.exclusive, exclusiveByName);
    const embedded = embeddedProperty !== undefined && nonEmpty(principal.props[embeddedProperty]);
    const owners = [...(embedded ? [`its own ${embeddedProperty}`] : []), ...exclusive.map(resourceLabel)];
    const problems: string[] = [];
    if (owners.length > 1) {
        problems.push(`${subject} must have its ${kind} managed exclusively by one resource, but ${owners.join(" and ")} each claim them.`);
    }
    if (embedded && additive.length > 0) {
        problems.push(
            `${subject} must not combine ${embeddedProperty} with ${additive.map(resourceLabel).join(", ")}: ` +
                `${embeddedProperty} removes ${kind} it does not list, so the two fight on every update.`,
        );
    }
    for (const owner of exclusive) {
        const listed = knownStrings(owner.props[spec.exclusiveList]);
        if (!listed) continue;
        for (const manager of additive) {
            const item = manager.props[itemProperty];
            if (typeof item === "string" && !listed.includes(item)) {
                problems.push(
                    `${subject} must have ${kind} that agree: ${resourceLabel(manager)} adds "${item}", which ` +
                        `${resourceLabel(owner)} does not list and will remove.`,
                );
            }
        }
    }
    return problems;
}

/** Each IAM role, user and group has its inline policies and its managed attachments managed one way only. */
export function policyAttachmentsHaveASingleManager(stack: StackGraph): StackViolation[] {
    const violations: StackViolation[] = [];
    for (const spec of PRINCIPALS) {
        for (const principal of stack.ofType(spec.type)) {
            const isRole = spec.type === "aws:iam/role:Role";
            const messages = [
                ...conflicts(stack, principal, "inline policies", spec.inline, isRole ? "inlinePolicies" : undefined, "name"),
                ...conflicts(
                    stack,
                    principal,
                    "managed policy attachments",
                    spec.managed,
                    isRole ? "managedPolicyArns" : undefined,
                    "policyArn",
                ),
            ];
            violations.push(...messages.map((message) => ({ urn: principal.urn, message })));
        }
    }
    for (const attachment of stack.ofType("aws:iam/policyAttachment:PolicyAttachment")) {
        violations.push({
            urn: attachment.urn,
            message:
                `${resourceLabel(attachment)} must not be used: it exclusively manages every attachment of its policy ` +
                "across the account and conflicts with other attachments; use a role, user or group policy attachment.",
        });
    }
    return violations;
}

export const rule = stackRule(
    {
        name: "iam-policy-attachments-have-a-single-manager",
        service: "iam",
        severity: "medium",
        description:
            "Each IAM role, user and group has its inline policies and managed attachments managed by one mechanism, " +
            "and PolicyAttachment is not used.",
        why: "Exclusive and additive managers of the same attachments undo each other on every update, so permissions drift.",
        remediation:
            "Use RolePolicy/RolePolicyAttachment (optionally with one RolePoliciesExclusive/RolePolicyAttachmentsExclusive " +
            "listing them), not inlinePolicies/managedPolicyArns alongside them, and never PolicyAttachment.",
        resourceTypes: [
            "aws:iam/group:Group",
            "aws:iam/groupPoliciesExclusive:GroupPoliciesExclusive",
            "aws:iam/groupPolicy:GroupPolicy",
            "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
            "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive",
            "aws:iam/policyAttachment:PolicyAttachment",
            "aws:iam/role:Role",
            "aws:iam/rolePoliciesExclusive:RolePoliciesExclusive",
            "aws:iam/rolePolicy:RolePolicy",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
            "aws:iam/user:User",
            "aws:iam/userPoliciesExclusive:UserPoliciesExclusive",
            "aws:iam/userPolicy:UserPolicy",
            "aws:iam/userPolicyAttachment:UserPolicyAttachment",
            "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
        ],
        enforcement: ADVISORY_IN_DEV,
    },
    policyAttachmentsHaveASingleManager,
);
