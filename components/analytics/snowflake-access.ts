import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../../lib/stack-context";

export interface SnowflakeAccessArgs {
    /** Where the stack deploys, how it names things and protects its data. */
    readonly context: StackContext;
    /** The gold bucket, the only data the integration may read. */
    readonly goldBucket: pulumi.Input<string>;
    /** Encrypts gold; decrypt is granted only for reads through S3. */
    readonly dataLakeKey: aws.kms.Key;
    /** STORAGE_AWS_IAM_USER_ARN from `DESC INTEGRATION` in Snowflake: the only principal trusted. */
    readonly iamUserArn: string;
    /** STORAGE_AWS_EXTERNAL_ID from `DESC INTEGRATION`: required on every AssumeRole. */
    readonly externalId: string;
}

/**
 * The IAM role a Snowflake storage integration assumes to read gold (read-only; Snowflake's
 * "Option 1: configure a storage integration"). Only the integration's IAM user may assume it, and
 * only with the integration's external id, which keeps another Snowflake account that learns the
 * role ARN out (the confused-deputy check).
 */
export class SnowflakeAccess extends pulumi.ComponentResource {
    readonly role: aws.iam.Role;

    constructor(name: string, args: SnowflakeAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:analytics:SnowflakeAccess", name, {}, opts);
        const { partition, region, names } = args.context;

        this.role = new aws.iam.Role(
            `${name}-role`,
            {
                name: names.resource("snowflake-gold"),
                description: "Assumed by the Snowflake storage integration to read gold.",
                assumeRolePolicy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { AWS: args.iamUserArn },
                            Action: "sts:AssumeRole",
                            Condition: { StringEquals: { "sts:ExternalId": args.externalId } },
                        },
                    ],
                }),
                maxSessionDuration: 3600,
            },
            { parent: this },
        );

        new aws.iam.RolePolicy(
            `${name}-read-gold`,
            {
                role: this.role.name,
                name: "read-gold",
                policy: pulumi.all([pulumi.output(args.goldBucket), args.dataLakeKey.arn]).apply(([goldBucket, dataLakeKeyArn]) =>
                    JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Sid: "ReadGoldObjects",
                                Effect: "Allow",
                                Action: ["s3:GetObject", "s3:GetObjectVersion"],
                                Resource: `arn:${partition}:s3:::${goldBucket}/*`,
                            },
                            {
                                Sid: "ListGold",
                                Effect: "Allow",
                                Action: ["s3:GetBucketLocation", "s3:ListBucket"],
                                Resource: `arn:${partition}:s3:::${goldBucket}`,
                            },
                            {
                                Sid: "DecryptGoldThroughS3",
                                Effect: "Allow",
                                Action: ["kms:Decrypt"],
                                Resource: dataLakeKeyArn,
                                Condition: { StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` } },
                            },
                        ],
                    }),
                ),
            },
            { parent: this },
        );

        this.registerOutputs({ roleArn: this.role.arn });
    }
}
