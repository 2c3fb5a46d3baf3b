import type { ResourceTypeActions } from "../deploy-scopes";
import { glueTags } from "./helpers";

/** What `pulumi up` calls for each type of this domain (see deploy-actions/index.ts). Glue jobs, triggers and workflow, and the EventBridge rules that start them. */
export const etlActions: Readonly<Record<string, ResourceTypeActions>> = {
    "aws:glue/job:Job": { etl: ["glue:CreateJob", "glue:GetJob", "glue:UpdateJob", "glue:DeleteJob", ...glueTags] },
    // Security configurations have no ARN.
    "aws:glue/securityConfiguration:SecurityConfiguration": {
        unscopable: ["glue:CreateSecurityConfiguration", "glue:GetSecurityConfiguration", "glue:DeleteSecurityConfiguration"],
    },
    "aws:glue/trigger:Trigger": {
        etl: ["glue:CreateTrigger", "glue:GetTrigger", "glue:UpdateTrigger", "glue:DeleteTrigger", ...glueTags],
    },
    "aws:glue/workflow:Workflow": {
        etl: ["glue:CreateWorkflow", "glue:GetWorkflow", "glue:UpdateWorkflow", "glue:DeleteWorkflow", ...glueTags],
    },
    "aws:cloudwatch/eventRule:EventRule": {
        eventRules: [
            "events:PutRule",
            "events:DescribeRule",
            "events:DeleteRule",
            "events:TagResource",
            "events:UntagResource",
            "events:ListTagsForResource",
        ],
    },
    "aws:cloudwatch/eventTarget:EventTarget": { eventRules: ["events:PutTargets", "events:RemoveTargets", "events:ListTargetsByRule"] },
};
