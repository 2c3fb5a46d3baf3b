import type { ResourceTypeActions } from "../deploy-scopes";

/** What `pulumi up` calls for each type of this domain (see deploy-actions/index.ts). Log groups, the alert topic and its subscriptions, alarms. */
export const observabilityActions: Readonly<Record<string, ResourceTypeActions>> = {
    "aws:cloudwatch/logGroup:LogGroup": {
        logGroups: [
            "logs:CreateLogGroup",
            "logs:DeleteLogGroup",
            "logs:PutRetentionPolicy",
            "logs:DeleteRetentionPolicy",
            "logs:AssociateKmsKey",
            "logs:DisassociateKmsKey",
            "logs:TagResource",
            "logs:UntagResource",
            "logs:ListTagsForResource",
        ],
        logGroupListing: ["logs:DescribeLogGroups"],
    },
    "aws:sns/topic:Topic": {
        topics: [
            "sns:CreateTopic",
            "sns:DeleteTopic",
            "sns:GetTopicAttributes",
            "sns:SetTopicAttributes",
            "sns:TagResource",
            "sns:UntagResource",
            "sns:ListTagsForResource",
        ],
    },
    "aws:sns/topicPolicy:TopicPolicy": { topics: ["sns:SetTopicAttributes", "sns:GetTopicAttributes"] },
    // Subscription calls are authorized on the topic; a subscription's ARN is its topic's, plus an id.
    "aws:sns/topicSubscription:TopicSubscription": {
        topics: ["sns:Subscribe", "sns:Unsubscribe", "sns:GetSubscriptionAttributes", "sns:SetSubscriptionAttributes"],
    },
    "aws:cloudwatch/metricAlarm:MetricAlarm": {
        alarms: [
            "cloudwatch:PutMetricAlarm",
            "cloudwatch:DescribeAlarms",
            "cloudwatch:DeleteAlarms",
            "cloudwatch:ListTagsForResource",
            "cloudwatch:TagResource",
            "cloudwatch:UntagResource",
        ],
    },
};
