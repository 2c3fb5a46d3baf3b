import type { ResourceTypeActions } from "../deploy-scopes";

/** What `pulumi up` calls for each type of this domain (see deploy-actions/index.ts). Keys, roles and policies, and secrets. */
export const securityActions: Readonly<Record<string, ResourceTypeActions>> = {
    // CreateKey with tags also needs kms:TagResource on every key of the account and region.
    "aws:kms/key:Key": {
        keyCreation: ["kms:CreateKey"],
        keyTagsOnCreation: ["kms:TagResource"],
        stackKeys: [
            "kms:DescribeKey",
            "kms:GetKeyPolicy",
            "kms:GetKeyRotationStatus",
            "kms:ListResourceTags",
            "kms:PutKeyPolicy",
            "kms:EnableKeyRotation",
            "kms:UpdateKeyDescription",
            "kms:TagResource",
            "kms:UntagResource",
            "kms:ScheduleKeyDeletion",
        ],
    },
    // Alias operations are authorized on both the alias and the key it points to.
    "aws:kms/alias:Alias": {
        keyAliases: ["kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"],
        stackKeys: ["kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"],
        unscopable: ["kms:ListAliases"],
    },
    "aws:iam/role:Role": {
        rolePermissions: ["iam:CreateRole", "iam:PutRolePermissionsBoundary"],
        // Reading a role reads its inline policies too; its tags come with GetRole.
        roles: [
            "iam:GetRole",
            "iam:DeleteRole",
            "iam:UpdateRole",
            "iam:UpdateRoleDescription",
            "iam:UpdateAssumeRolePolicy",
            "iam:TagRole",
            "iam:UntagRole",
            "iam:ListRolePolicies",
            "iam:GetRolePolicy",
            "iam:ListAttachedRolePolicies",
            "iam:ListInstanceProfilesForRole",
        ],
    },
    "aws:iam/rolePolicy:RolePolicy": {
        rolePermissions: ["iam:PutRolePolicy", "iam:DeleteRolePolicy"],
        roles: ["iam:GetRolePolicy"],
    },
    // The boundary denies every change to itself, so only an administrator updates that one.
    "aws:iam/policy:Policy": {
        managedPolicies: [
            "iam:CreatePolicy",
            "iam:GetPolicy",
            "iam:GetPolicyVersion",
            "iam:ListPolicyVersions",
            "iam:CreatePolicyVersion",
            "iam:DeletePolicyVersion",
            "iam:DeletePolicy",
            "iam:TagPolicy",
            "iam:UntagPolicy",
        ],
    },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": {
        policyAttachments: ["iam:AttachRolePolicy", "iam:DetachRolePolicy"],
        roles: ["iam:ListAttachedRolePolicies"],
    },
    "aws:secretsmanager/secret:Secret": {
        secrets: [
            "secretsmanager:CreateSecret",
            "secretsmanager:DescribeSecret",
            "secretsmanager:UpdateSecret",
            "secretsmanager:DeleteSecret",
            "secretsmanager:GetResourcePolicy",
            "secretsmanager:TagResource",
            "secretsmanager:UntagResource",
        ],
    },
};
