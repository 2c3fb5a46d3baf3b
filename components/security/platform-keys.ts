import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface PlatformKeysArgs {
    readonly accountId: string;
    readonly region: string;
    readonly partition: string;
    /** `<project>-<stack>`: the stack's SNS topics are named under it; services may publish with the keys only to them. */
    readonly namePrefix: string;
    /** Every log group of the stack is named under this prefix; the logs key is usable only for them. */
    readonly logGroupPrefix: string;
    /**
     * Log group name patterns outside the prefix that the logs key must also serve, e.g. the
     * groups Glue names after a security configuration. Each must name something of this stack.
     * @default []
     */
    readonly additionalLogGroupPatterns?: readonly string[];
    /** Days (7-30) a deleted key waits before AWS destroys it. */
    readonly deletionWindowInDays: number;
    /** Days between automatic rotations (90-2560); the first two rotations raise a key's price. */
    readonly rotationPeriodInDays: number;
    /** Keep the keys when the stack is destroyed (data encrypted under them outlives the stack). */
    readonly retainOnDelete: boolean;
}

type Statement = Record<string, unknown>;

/**
 * A symmetric, single-Region key rotated yearly whose policy delegates use to IAM policies in the
 * account (as the AWS default key policy does; without it the key becomes unmanageable), plus the
 * statements given for AWS services.
 */
export function rotatedKeyArgs(args: {
    readonly description: string;
    readonly partition: string;
    readonly accountId: string;
    readonly deletionWindowInDays: number;
    /** @default 365 */
    readonly rotationPeriodInDays?: number;
    readonly statements?: readonly Statement[];
}): aws.kms.KeyArgs {
    return {
        description: args.description,
        enableKeyRotation: true,
        rotationPeriodInDays: args.rotationPeriodInDays ?? 365,
        deletionWindowInDays: args.deletionWindowInDays,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        multiRegion: false,
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AccountAdministersKeyThroughIam",
                    Effect: "Allow",
                    Principal: { AWS: `arn:${args.partition}:iam::${args.accountId}:root` },
                    Action: "kms:*",
                    Resource: "*",
                },
                ...(args.statements ?? []),
            ],
        }),
    };
}

/**
 * Customer-managed KMS keys, rotated yearly, split by purpose so that one key's grants never
 * open another's data:
 * - `dataLake`: S3 medallion buckets, Glue data and bookmarks, the Data Catalog, Athena results.
 *   Analysts and jobs receive decrypt on this key only.
 * - `logs`: CloudWatch log groups and the alert topic. The Logs service may use it only for
 *   this stack's log groups; readers of the lake cannot decrypt operational telemetry.
 * - `secrets`: Secrets Manager, including the Redshift admin secret. Holds credentials; no
 *   data-lake role is granted on it.
 * - `warehouse`: Redshift Serverless storage and snapshots. Only the warehouse uses it.
 * - `delivery`: CodeBuild and CodePipeline artifacts, build logs' reports and the pipeline
 *   notification topic. CodeStar Notifications may publish to that topic for this account only.
 */
export class PlatformKeys extends pulumi.ComponentResource {
    readonly dataLake: aws.kms.Key;
    readonly logs: aws.kms.Key;
    readonly secrets: aws.kms.Key;
    readonly warehouse: aws.kms.Key;
    readonly delivery: aws.kms.Key;

    constructor(name: string, args: PlatformKeysArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:security:PlatformKeys", name, {}, opts);

        // SNS encrypts a message under the encryption context aws:sns:topicArn, whoever publishes it
        // (AWS uses the condition in GameLift FlexMatch's "Set up an SNS topic with server-side
        // encryption"), so a service may use the key only for the stack's topics.
        const stackTopics = `arn:${args.partition}:sns:${args.region}:${args.accountId}:${args.namePrefix}-*`;
        const publishToStackTopics = (sid: string, service: string, condition: Record<string, Record<string, string>>): Statement => ({
            Sid: sid,
            Effect: "Allow",
            Principal: { Service: service },
            Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resource: "*",
            Condition: { ...condition, ArnLike: { "kms:EncryptionContext:aws:sns:topicArn": stackTopics } },
        });
        const logsService = `logs.${args.region}.amazonaws.com`;
        const logGroupArn = (pattern: string): string => `arn:${args.partition}:logs:${args.region}:${args.accountId}:log-group:${pattern}`;
        const logGroupPatterns = [`${args.logGroupPrefix}*`, ...(args.additionalLogGroupPatterns ?? [])].map(logGroupArn);
        const logsStatements: Statement[] = [
            {
                Sid: "CloudWatchLogsUseForThisStacksLogGroups",
                Effect: "Allow",
                Principal: { Service: logsService },
                // No kms:Describe*: DescribeKey carries no encryption context, so the condition could never admit it.
                Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"],
                Resource: "*",
                Condition: {
                    ArnLike: {
                        "kms:EncryptionContext:aws:logs:arn": logGroupPatterns.length === 1 ? logGroupPatterns[0] : logGroupPatterns,
                    },
                },
            },
            publishToStackTopics("AlarmsPublishToEncryptedAlertTopic", "cloudwatch.amazonaws.com", {
                StringEquals: { "aws:SourceAccount": args.accountId },
            }),
            // SNS: "Adding the aws:SourceAccount, aws:SourceArn, and aws:SourceOrgID ... is not supported for EventBridge-to-encrypted topics."
            publishToStackTopics("EventsPublishToEncryptedAlertTopic", "events.amazonaws.com", {}),
        ];

        const deliveryStatements: Statement[] = [
            publishToStackTopics("PipelineNotificationsPublishToEncryptedTopic", "codestar-notifications.amazonaws.com", {}),
        ];

        const key = (purpose: string, description: string, statements: Statement[]): aws.kms.Key =>
            new aws.kms.Key(`${name}-${purpose}`, rotatedKeyArgs({ ...args, description, statements }), {
                parent: this,
                protect: args.retainOnDelete,
                retainOnDelete: args.retainOnDelete,
            });

        this.dataLake = key("data-lake", "Data lake: S3 medallion buckets, Glue, Data Catalog, Athena results", []);
        this.logs = key("logs", "Operational telemetry: CloudWatch log groups and alert topics", logsStatements);
        this.secrets = key("secrets", "Secrets Manager secrets, including the Redshift admin secret", []);
        this.warehouse = key("warehouse", "Redshift Serverless storage and snapshots", []);
        this.delivery = key("delivery", "CodeBuild and CodePipeline artifacts and pipeline notifications", deliveryStatements);

        const alias = (purpose: string, target: aws.kms.Key): aws.kms.Alias =>
            new aws.kms.Alias(`${name}-${purpose}`, { name: `alias/${name}/${purpose}`, targetKeyId: target.keyId }, { parent: this });
        alias("data-lake", this.dataLake);
        alias("logs", this.logs);
        alias("secrets", this.secrets);
        alias("warehouse", this.warehouse);
        alias("delivery", this.delivery);

        this.registerOutputs({
            dataLakeKeyArn: this.dataLake.arn,
            logsKeyArn: this.logs.arn,
            secretsKeyArn: this.secrets.arn,
            warehouseKeyArn: this.warehouse.arn,
            deliveryKeyArn: this.delivery.arn,
        });
    }
}
