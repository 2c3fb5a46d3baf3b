import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Arns, StackContext } from "../../lib/stack-context";

export interface PlatformKeysArgs {
    /**
     * The logs key serves the stack's log groups (`names.logGroupPrefix`) and those AWS services
     * name after its resources (`names.serviceLogGroupPatterns`); the keys are retained and wait
     * out the deletion window of `protection`.
     */
    readonly context: StackContext;
}

type Statement = Record<string, unknown>;

/**
 * A symmetric, single-Region key rotated yearly whose policy delegates use to IAM policies in the
 * account (as the AWS default key policy does; without it the key becomes unmanageable), plus the
 * statements given for AWS services.
 */
export function rotatedKeyArgs(args: {
    readonly description: string;
    readonly arn: Arns;
    readonly deletionWindowInDays: number;
    /** Days between automatic rotations (90-2560); the first two rotations raise a key's price. */
    readonly rotationPeriodInDays: number;
    readonly statements?: readonly Statement[];
}): aws.kms.KeyArgs {
    return {
        description: args.description,
        enableKeyRotation: true,
        rotationPeriodInDays: args.rotationPeriodInDays,
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
                    Principal: { AWS: args.arn.accountRoot },
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
        const { names, arn, region, accountId, protection } = args.context;
        const stackTopics = arn.regional("sns", `${names.prefix}-*`);
        const publishToStackTopics = (sid: string, service: string, condition: Record<string, Record<string, string>>): Statement => ({
            Sid: sid,
            Effect: "Allow",
            Principal: { Service: service },
            Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resource: "*",
            Condition: { ...condition, ArnLike: { "kms:EncryptionContext:aws:sns:topicArn": stackTopics } },
        });
        const logsService = `logs.${region}.amazonaws.com`;
        const { glue, warehouseAudit } = names.serviceLogGroupPatterns;
        const logGroupPatterns = [`${names.logGroupPrefix}*`, ...glue, warehouseAudit].map((pattern) => arn.logGroup(pattern));
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
                StringEquals: { "aws:SourceAccount": accountId },
            }),
            // SNS: "Adding the aws:SourceAccount, aws:SourceArn, and aws:SourceOrgID ... is not supported for EventBridge-to-encrypted topics."
            publishToStackTopics("EventsPublishToEncryptedAlertTopic", "events.amazonaws.com", {}),
        ];

        const deliveryStatements: Statement[] = [
            publishToStackTopics("PipelineNotificationsPublishToEncryptedTopic", "codestar-notifications.amazonaws.com", {}),
        ];

        const key = (purpose: string, description: string, statements: Statement[]): aws.kms.Key =>
            new aws.kms.Key(
                `${name}-${purpose}`,
                rotatedKeyArgs({
                    arn,
                    deletionWindowInDays: protection.kmsDeletionWindowDays,
                    rotationPeriodInDays: protection.kmsRotationPeriodDays,
                    description,
                    statements,
                }),
                { parent: this },
            );

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
