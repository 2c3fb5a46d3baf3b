/**
 * Every rule of the pack with its metadata. index.ts serves these policies; the offline runner
 * (offline.ts) evaluates the same objects, so both always run the same pack.
 */
import { resourceRule, stackRule, type CatalogRule } from "./framework/policy-factory";
import { actionsAreScopedToAServiceOperation } from "./rules/iam/actions-are-scoped-to-a-service-operation";
import { managedPoliciesAreNotAdministrative } from "./rules/iam/managed-policies-are-not-administrative";
import { passRoleIsLimitedToNamedRolesAndServices } from "./rules/iam/pass-role-is-limited-to-named-roles-and-services";
import { policyAttachmentsHaveASingleManager } from "./rules/iam/policy-attachments-have-a-single-manager";
import { statementsDoNotGrantAdministratorAccess } from "./rules/iam/statements-do-not-grant-administrator-access";
import { trustPoliciesNameAServiceOrAccount } from "./rules/iam/trust-policies-name-a-service-or-account";
import {
    wildcardResourceConfig,
    wildcardResourcesOnlyForUnscopableActions,
} from "./rules/iam/wildcard-resources-only-for-unscopable-actions";
import { keyPolicyGrantsNothingToEveryone } from "./rules/kms/key-policy-grants-nothing-to-everyone";
import { keyRotationIsEnabled } from "./rules/kms/key-rotation-is-enabled";

export const PACK_NAME = "lakehouse-guardrails";

const iam: CatalogRule[] = [
    resourceRule(
        {
            name: "iam-actions-are-scoped-to-a-service-operation",
            service: "iam",
            severity: "high",
            description: "IAM policies allow named actions only: no `*`, no `service:*`, no NotAction.",
            why: "Wildcard actions grant today's and tomorrow's operations of a service, including destructive ones.",
            remediation:
                "List the exact actions the principal needs, e.g. s3:GetObject and s3:PutObject instead of s3:*.",
            devEnforcement: "mandatory",
        },
        actionsAreScopedToAServiceOperation,
    ),
    resourceRule(
        {
            name: "iam-wildcard-resources-only-for-unscopable-actions",
            service: "iam",
            severity: "high",
            description: 'IAM policies use `"Resource": "*"` only for actions AWS cannot scope, and never NotResource.',
            why: "A wildcard resource extends a grant to every bucket, key and table of the account, including other teams' data.",
            remediation:
                "Name the ARNs of this stack's resources; if AWS offers no resource-level permission for an action, " +
                "add it with its reason to unscopableActions in the policy config.",
            devEnforcement: "mandatory",
        },
        wildcardResourcesOnlyForUnscopableActions,
        wildcardResourceConfig,
    ),
    resourceRule(
        {
            name: "iam-statements-do-not-grant-administrator-access",
            service: "iam",
            severity: "critical",
            description: "No IAM statement allows every action on every resource.",
            why: "An Allow of * on * is full administrator access: it can disable every other control in the account.",
            remediation: "Replace the statement with the specific actions and resources the workload uses.",
            devEnforcement: "mandatory",
        },
        statementsDoNotGrantAdministratorAccess,
    ),
    stackRule(
        {
            name: "iam-managed-policies-are-not-administrative",
            service: "iam",
            severity: "critical",
            description:
                "No role, user or group has AdministratorAccess, PowerUserAccess or an AWS `*FullAccess` policy attached.",
            why: "AWS's broad managed policies grant far more than a data pipeline needs and change as AWS adds actions.",
            remediation: "Attach a customer-managed policy with the actions and resources the principal needs.",
            devEnforcement: "mandatory",
        },
        managedPoliciesAreNotAdministrative,
    ),
    resourceRule(
        {
            name: "iam-pass-role-is-limited-to-named-roles-and-services",
            service: "iam",
            severity: "high",
            description: "iam:PassRole is allowed only on named role ARNs and with an iam:PassedToService condition.",
            why: "PassRole on * lets a principal hand any role, including admin roles, to a service it controls (privilege escalation).",
            remediation:
                "Set Resource to the ARNs of the roles to pass and add Condition StringEquals iam:PassedToService " +
                "with the service that receives them (e.g. glue.amazonaws.com).",
            devEnforcement: "mandatory",
        },
        passRoleIsLimitedToNamedRolesAndServices,
    ),
    resourceRule(
        {
            name: "iam-trust-policies-name-a-service-or-account",
            service: "iam",
            severity: "critical",
            description:
                "Role trust policies let only a named AWS service or a specific account or role assume the role.",
            why: "A trust policy with a * principal lets anyone with an AWS account assume the role.",
            remediation:
                'Set Principal to {"Service": "<service>.amazonaws.com"} or to a specific account or role ARN.',
            devEnforcement: "mandatory",
        },
        trustPoliciesNameAServiceOrAccount,
    ),
    stackRule(
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
            devEnforcement: "advisory",
        },
        policyAttachmentsHaveASingleManager,
    ),
];

const kms: CatalogRule[] = [
    resourceRule(
        {
            name: "kms-key-rotation-is-enabled",
            service: "kms",
            severity: "high",
            description: "Every symmetric customer-managed KMS key has automatic rotation enabled.",
            why: "Rotation limits how much data one key version protects and is required by most compliance baselines.",
            remediation: "Set enableKeyRotation: true on the aws.kms.Key.",
            devEnforcement: "mandatory",
        },
        keyRotationIsEnabled,
    ),
    resourceRule(
        {
            name: "kms-key-policy-grants-nothing-to-everyone",
            service: "kms",
            severity: "critical",
            description: "KMS key policies allow nothing to the `*` principal unless a condition narrows the grant.",
            why: "An unconditioned * grant in a key policy lets any AWS principal use or manage the key.",
            remediation:
                "Name the account root, roles or services as principals, or add a condition such as kms:CallerAccount " +
                "or kms:ViaService to the statement.",
            devEnforcement: "mandatory",
        },
        keyPolicyGrantsNothingToEveryone,
    ),
];

export const catalog: readonly CatalogRule[] = [...iam, ...kms];
