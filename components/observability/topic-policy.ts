/** Who may publish to a topic: AWS services acting for resources of one account. */
export interface TopicPublishers {
    readonly sid: string;
    readonly services: readonly string[];
    readonly accountId: string;
}

/**
 * The policy of a platform SNS topic: the named services publish for this account only, and
 * nobody publishes without TLS.
 */
export function tlsOnlyTopicPolicy(topicArn: string, publishers: TopicPublishers): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: publishers.sid,
                Effect: "Allow",
                Principal: { Service: publishers.services.length === 1 ? publishers.services[0] : [...publishers.services] },
                Action: "sns:Publish",
                Resource: topicArn,
                Condition: { StringEquals: { "aws:SourceAccount": publishers.accountId } },
            },
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "sns:Publish",
                Resource: topicArn,
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ],
    });
}
