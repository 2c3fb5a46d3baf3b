import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../../lib/stack-context";
import { tlsOnlyTopicPolicy } from "./topic-policy";

export interface PlatformAlertsArgs {
    /** Where the stack deploys and how it names things. */
    readonly context: StackContext;
    /** The logs key: its policy lets CloudWatch alarms and EventBridge use it for this account. */
    readonly logsKey: aws.kms.Key;
    /** Each address receives a confirmation mail before alerts reach it. */
    readonly emails: readonly string[];
}

/**
 * The platform's alert topic: CloudWatch alarms and EventBridge rules of this account publish
 * to it, people subscribe by email. Encrypted with the logs key and TLS-only.
 */
export class PlatformAlerts extends pulumi.ComponentResource {
    readonly topic: aws.sns.Topic;

    constructor(name: string, args: PlatformAlertsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:observability:PlatformAlerts", name, {}, opts);

        this.topic = new aws.sns.Topic(
            name,
            { name: args.context.names.resource("alerts", 256), kmsMasterKeyId: args.logsKey.arn },
            { parent: this },
        );

        new aws.sns.TopicPolicy(
            name,
            {
                arn: this.topic.arn,
                policy: this.topic.arn.apply((topicArn) =>
                    tlsOnlyTopicPolicy(topicArn, {
                        sid: "AlarmsAndRulesOfThisAccountPublish",
                        services: ["cloudwatch.amazonaws.com", "events.amazonaws.com"],
                        accountId: args.context.accountId,
                    }),
                ),
            },
            { parent: this },
        );

        args.emails.forEach(
            (email, index) =>
                new aws.sns.TopicSubscription(
                    `${name}-email-${index}`,
                    { topic: this.topic.arn, protocol: "email", endpoint: email },
                    { parent: this },
                ),
        );

        this.registerOutputs({ topicArn: this.topic.arn });
    }
}
