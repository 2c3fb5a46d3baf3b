import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { isUnknown, type PropertyMap } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleConfigSpec, StackViolation } from "../../framework/rule-types";
import type { GraphResource, StackGraph } from "../../framework/stack-graph";

export interface PermissionsBoundaryConfig {
    /** Boundary policies from outside the stack that roles may carry, e.g. one the organisation mandates. */
    readonly boundaryArns: readonly string[];
}

const boundaryArnsSchema: PolicyConfigJSONSchema = {
    type: "array",
    description: "ARNs of boundary policies outside this stack that roles may carry (a policy of the stack always qualifies).",
    items: { type: "string", pattern: "^arn:[^:]+:iam::\\d{12}:policy/" },
    default: [],
};

export const permissionsBoundaryConfig: RuleConfigSpec<PermissionsBoundaryConfig> = {
    properties: { boundaryArns: boundaryArnsSchema },
    read(raw: PropertyMap): PermissionsBoundaryConfig {
        const list = raw.boundaryArns;
        return { boundaryArns: Array.isArray(list) ? list.filter((value): value is string => typeof value === "string") : [] };
    },
};

const POLICY_TYPE = "aws:iam/policy:Policy";

/**
 * Whether `arn` names `policy`: by its `arn` when known, otherwise (during preview, before the
 * policy exists) by the path and name that make up a policy ARN.
 */
function policyHasArn(policy: GraphResource, arn: string): boolean {
    const known = policy.props.arn;
    if (typeof known === "string" && known !== "") return known === arn;
    const name = policy.props.name;
    if (typeof name !== "string" || name === "") return false;
    const path = typeof policy.props.path === "string" && policy.props.path !== "" ? policy.props.path : "/";
    return new RegExp(`^arn:[^:]+:iam::\\d{12}:policy${escapeRegExp(`${path}${name}`)}$`).test(arn);
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Every IAM role of the stack has a permissions boundary that is a managed policy of this
 * stack (or a configured one). An unknown boundary passes only when the graph shows it is
 * computed from a policy of this stack.
 */
export function rolesCarryThePermissionsBoundary(stack: StackGraph, config: PermissionsBoundaryConfig): StackViolation[] {
    const policies = stack.ofType(POLICY_TYPE);
    return stack.ofType("aws:iam/role:Role").flatMap((role): StackViolation[] => {
        const value = role.props.permissionsBoundary;
        const must = `${resourceLabel(role)} must carry a permissions boundary that is a policy of this stack or a configured one`;
        if (isUnknown(value)) {
            const fromStack = stack.sourcesOf(role, "permissionsBoundary").some((source) => source.type === POLICY_TYPE);
            return fromStack
                ? []
                : [
                      {
                          urn: role.urn,
                          message: `${must}; its permissionsBoundary is unknown during preview and does not come from a policy of this stack, so it cannot be verified.`,
                      },
                  ];
        }
        if (typeof value !== "string" || value === "") return [{ urn: role.urn, message: `${must}, but it has none.` }];
        if (config.boundaryArns.includes(value) || policies.some((policy) => policyHasArn(policy, value))) return [];
        return [{ urn: role.urn, message: `${must}, but it carries ${value}.` }];
    });
}

export const rule = stackRule(
    {
        name: "iam-roles-carry-the-permissions-boundary",
        service: "iam",
        severity: "high",
        description: "Every IAM role carries a permissions boundary that is a managed policy of this stack (or a configured one).",
        why:
            "Without the boundary a role that can write IAM (the deployer) can create or widen a role beyond the stack's services " +
            "and escalate its own privileges.",
        remediation:
            "Register the stack transform permissionsBoundaryTransform (components/security/permissions-boundary.ts) before any " +
            "role, or set permissionsBoundary to the boundary policy's ARN; list an organisation's boundary in boundaryArns.",
        resourceTypes: ["aws:iam/policy:Policy", "aws:iam/role:Role"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    rolesCarryThePermissionsBoundary,
    permissionsBoundaryConfig,
);
