import type { ResourceTypeActions } from "../deploy-scopes";

/** What `pulumi up` calls for each type of this domain (see deploy-actions/index.ts). CodeBuild, CodePipeline and its notifications. */
export const deliveryActions: Readonly<Record<string, ResourceTypeActions>> = {
    "aws:codebuild/project:Project": {
        buildProjects: ["codebuild:CreateProject", "codebuild:BatchGetProjects", "codebuild:UpdateProject", "codebuild:DeleteProject"],
    },
    // Connections made before 2024 carry the codestar-connections prefix, newer ones
    // codeconnections; IAM authorizes the prefix of the connection's ARN.
    "aws:codepipeline/pipeline:Pipeline": {
        pipelines: [
            "codepipeline:CreatePipeline",
            "codepipeline:GetPipeline",
            "codepipeline:UpdatePipeline",
            "codepipeline:DeletePipeline",
            "codepipeline:ListTagsForResource",
            "codepipeline:TagResource",
            "codepipeline:UntagResource",
        ],
        connection: ["codeconnections:PassConnection", "codestar-connections:PassConnection"],
    },
    // Rules have generated ids: AWS scopes their calls by the resource they notify about, except
    // the tag calls, which accept no condition on the rule, and DeleteTarget, which has no resource:
    // the provider removes each target after deleting the rule.
    "aws:codestarnotifications/notificationRule:NotificationRule": {
        notificationRules: [
            "codestar-notifications:CreateNotificationRule",
            "codestar-notifications:DescribeNotificationRule",
            "codestar-notifications:UpdateNotificationRule",
            "codestar-notifications:DeleteNotificationRule",
            "codestar-notifications:Subscribe",
            "codestar-notifications:Unsubscribe",
        ],
        notificationRuleTags: ["codestar-notifications:TagResource", "codestar-notifications:UntagResource"],
        unscopable: ["codestar-notifications:DeleteTarget"],
    },
};
