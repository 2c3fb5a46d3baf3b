import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PlatformConfig } from "../../config";
import { serviceTrustPolicy } from "../../lib/iam/documents";
import type { StackContext } from "../../lib/stack-context";

/** The audit logs the namespace exports to CloudWatch Logs. */
export const auditLogs = ["connectionlog", "userlog", "useractivitylog"] as const;
export type AuditLog = (typeof auditLogs)[number];

/** Redshift Serverless writes each exported log to `/aws/redshift/<namespace>/<log>`, creating the group if it is missing. */
export const auditLogGroupName = (namespaceName: string, log: AuditLog): string => `/aws/redshift/${namespaceName}/${log}`;

/** The log group pattern the logs key must admit for this namespace's audit logs. */
export const auditLogGroupPattern = (namespaceName: string): string => `/aws/redshift/${namespaceName}/*`;

/** The database the namespace creates; the warehouse SQL creates its schemas in it. */
export const warehouseDatabaseName = "lakehouse";

/** The port clients connect to (the Redshift default). */
export const warehousePort = 5439;

/**
 * Every parameter Redshift Serverless reports for a workgroup, pinned. AWS returns the full set
 * on read; a set that names fewer keys shows a diff on every preview (terraform-provider-aws
 * 33692, 27973). `require_ssl` and `enable_user_activity_logging` are the security settings;
 * the others are AWS's defaults, stated so they cannot drift.
 */
export const workgroupConfigParameters: Readonly<Record<string, string>> = {
    auto_mv: "true",
    datestyle: "ISO, MDY",
    enable_case_sensitive_identifier: "false",
    enable_user_activity_logging: "true",
    max_query_execution_time: "14400",
    query_group: "default",
    require_ssl: "true",
    search_path: "$user, public",
    use_fips_ssl: "false",
};

/** Share of a usage limit at which the alarm warns, before the breach action applies. */
export const usageAlarmThresholdRatio = 0.8;

export interface SpectrumAccess {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    readonly goldBucket: string;
    readonly goldDatabase: string;
    readonly dataLakeKeyArn: string;
}

/**
 * What the warehouse's default role may do: read gold objects, read the gold catalog database
 * and its tables (Iceberg metadata included), and decrypt with the data-lake key only through S3
 * and Glue. Nothing is written; the warehouse keeps its own tables in managed storage.
 */
export function spectrumPolicy(access: SpectrumAccess): { Version: string; Statement: Record<string, unknown>[] } {
    const { partition, region, accountId, goldBucket, goldDatabase } = access;
    const glueArn = (resource: string): string => `arn:${partition}:glue:${region}:${accountId}:${resource}`;
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ReadGoldObjects",
                Effect: "Allow",
                Action: ["s3:GetObject"],
                Resource: `arn:${partition}:s3:::${goldBucket}/*`,
            },
            {
                Sid: "ListGoldBucket",
                Effect: "Allow",
                Action: ["s3:ListBucket", "s3:GetBucketLocation"],
                Resource: `arn:${partition}:s3:::${goldBucket}`,
            },
            {
                Sid: "ReadGoldCatalog",
                Effect: "Allow",
                Action: [
                    "glue:GetDatabase",
                    "glue:GetTable",
                    "glue:GetTables",
                    "glue:GetPartition",
                    "glue:GetPartitions",
                    "glue:BatchGetPartition",
                ],
                Resource: [glueArn("catalog"), glueArn(`database/${goldDatabase}`), glueArn(`table/${goldDatabase}/*`)],
            },
            {
                Sid: "DecryptGoldThroughS3",
                Effect: "Allow",
                Action: ["kms:Decrypt"],
                Resource: access.dataLakeKeyArn,
                // The catalog is decrypted by Glue's own role (DataCatalogEncryption), so only S3 uses the key for Spectrum.
                Condition: { StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` } },
            },
        ],
    };
}

export interface RedshiftWarehouseArgs {
    /** Where the stack deploys, how it names things and protects its data. */
    readonly context: StackContext;
    readonly network: {
        readonly vpcId: pulumi.Input<string>;
        /** Private subnets in three AZs (Redshift Serverless requires three). */
        readonly privateSubnetIds: pulumi.Input<string[]>;
        /** Security group of the interface endpoints; absent when the stack has none. */
        readonly endpointSecurityGroup?: aws.ec2.SecurityGroup;
        readonly natGateways: PlatformConfig["network"]["natGateways"];
        readonly interfaceEndpoints: PlatformConfig["network"]["interfaceEndpoints"];
    };
    readonly keys: {
        /** Encrypts warehouse storage and snapshots. */
        readonly warehouse: aws.kms.Key;
        /** Encrypts the admin secret AWS creates and rotates. */
        readonly secrets: aws.kms.Key;
        /** Encrypts the lake; the Spectrum role decrypts gold with it. */
        readonly dataLake: aws.kms.Key;
        /** Encrypts the audit log groups. */
        readonly logs: aws.kms.Key;
    };
    readonly goldBucketName: pulumi.Input<string>;
    readonly goldDatabaseName: string;
    readonly warehouse: PlatformConfig["warehouse"];
    /** Usage alarms publish here. */
    readonly alertTopic: aws.sns.Topic;
}

/**
 * Redshift Serverless for the lakehouse: a namespace holding the warehouse's tables, a private
 * workgroup serving them, usage limits with alarms, and the Spectrum role that reads gold.
 *
 * - Namespace: encrypted with the warehouse key; AWS creates and rotates the admin password in a
 *   secret encrypted with the secrets key, so no password is in config or state; connection,
 *   user and user-activity logs go to log groups created here with the logs key and retention.
 * - Deletion: the provider has no final-snapshot argument (CloudFormation's FinalSnapshotName has
 *   no Terraform counterpart), so prod protects and retains the namespace: Pulumi never deletes
 *   it, and README "Connecting to Redshift" shows the `delete-namespace --final-snapshot-name`
 *   command for deleting it by hand.
 * - Workgroup: three private subnets, not public, enhanced VPC routing, SSL required; 5439 is
 *   open only to `clientSecurityGroup`; egress is HTTPS to S3 through the gateway endpoint, to
 *   the interface endpoints, and to the Internet only when NAT must carry Glue catalog calls.
 * - Updates: every config parameter is fixed here, so a stack file can change only the base and
 *   maximum capacity, which the provider sends as separate, ordered UpdateWorkgroup calls (README
 *   "Changing warehouse capacity").
 */
export class RedshiftWarehouse extends pulumi.ComponentResource {
    readonly namespace: aws.redshiftserverless.Namespace;
    readonly workgroup: aws.redshiftserverless.Workgroup;
    readonly databaseName: string;
    readonly spectrumRole: aws.iam.Role;
    readonly securityGroup: aws.ec2.SecurityGroup;
    readonly clientSecurityGroup: aws.ec2.SecurityGroup;

    constructor(name: string, args: RedshiftWarehouseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:warehouse:RedshiftWarehouse", name, {}, opts);
        const { accountId, partition, region, names } = args.context;
        const { logRetentionDays } = args.context.protection;

        const { network, keys, warehouse } = args;
        // The namespace, the workgroup and their alarms share one name; Redshift names the audit log groups after it.
        const warehouseName = names.warehouse;
        this.databaseName = warehouseDatabaseName;

        this.spectrumRole = new aws.iam.Role(
            `${name}-spectrum`,
            {
                description: "Default role of the Redshift Serverless namespace: reads gold through Spectrum",
                // AWS requires both principals for a Redshift Serverless namespace role.
                assumeRolePolicy: JSON.stringify(
                    serviceTrustPolicy(["redshift.amazonaws.com", "redshift-serverless.amazonaws.com"], args.context),
                ),
            },
            { parent: this },
        );
        new aws.iam.RolePolicy(
            `${name}-spectrum`,
            {
                role: this.spectrumRole.name,
                policy: pulumi.all([args.goldBucketName, keys.dataLake.arn]).apply(([goldBucket, dataLakeKeyArn]) =>
                    JSON.stringify(
                        spectrumPolicy({
                            partition,
                            region,
                            accountId,
                            goldBucket,
                            goldDatabase: args.goldDatabaseName,
                            dataLakeKeyArn,
                        }),
                    ),
                ),
            },
            { parent: this },
        );

        // Created before the namespace so Redshift exports into them instead of creating unencrypted, never-expiring groups.
        const logGroups = auditLogs.map(
            (log) =>
                new aws.cloudwatch.LogGroup(
                    `${name}-${log}`,
                    { name: auditLogGroupName(warehouseName, log), retentionInDays: logRetentionDays, kmsKeyId: keys.logs.arn },
                    { parent: this },
                ),
        );

        this.namespace = new aws.redshiftserverless.Namespace(
            `${name}-namespace`,
            {
                namespaceName: warehouseName,
                dbName: warehouseDatabaseName,
                adminUsername: "warehouse_admin",
                manageAdminPassword: true,
                adminPasswordSecretKmsKeyId: keys.secrets.arn,
                kmsKeyId: keys.warehouse.arn,
                iamRoles: [this.spectrumRole.arn],
                defaultIamRoleArn: this.spectrumRole.arn,
                logExports: [...auditLogs],
            },
            { parent: this, dependsOn: logGroups },
        );

        this.securityGroup = new aws.ec2.SecurityGroup(
            `${name}-workgroup`,
            { vpcId: network.vpcId, description: "Redshift Serverless workgroup: 5439 from warehouse clients only" },
            { parent: this },
        );
        this.clientSecurityGroup = new aws.ec2.SecurityGroup(
            `${name}-clients`,
            { vpcId: network.vpcId, description: "Attach to whatever connects to the Redshift Serverless workgroup on 5439" },
            { parent: this },
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-workgroup-from-clients`,
            {
                securityGroupId: this.securityGroup.id,
                description: "Redshift from warehouse clients",
                ipProtocol: "tcp",
                fromPort: warehousePort,
                toPort: warehousePort,
                referencedSecurityGroupId: this.clientSecurityGroup.id,
            },
            { parent: this },
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-clients-to-workgroup`,
            {
                securityGroupId: this.clientSecurityGroup.id,
                description: "Redshift on the workgroup",
                ipProtocol: "tcp",
                fromPort: warehousePort,
                toPort: warehousePort,
                referencedSecurityGroupId: this.securityGroup.id,
            },
            { parent: this },
        );

        // Enhanced VPC routing sends COPY, UNLOAD and Spectrum traffic through the VPC: S3 through the gateway endpoint.
        const https = { ipProtocol: "tcp", fromPort: 443, toPort: 443 };
        const s3PrefixList = aws.ec2.getPrefixListOutput({ name: `com.amazonaws.${region}.s3` }, { parent: this });
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-workgroup-to-s3`,
            {
                securityGroupId: this.securityGroup.id,
                description: "S3 through the gateway endpoint",
                ...https,
                prefixListId: s3PrefixList.id,
            },
            { parent: this },
        );
        if (network.endpointSecurityGroup) {
            new aws.vpc.SecurityGroupEgressRule(
                `${name}-workgroup-to-endpoints`,
                {
                    securityGroupId: this.securityGroup.id,
                    description: "AWS APIs through the interface endpoints (Glue Data Catalog for Spectrum)",
                    ...https,
                    referencedSecurityGroupId: network.endpointSecurityGroup.id,
                },
                { parent: this },
            );
        }
        // Only traffic routed through the VPC needs a path to Glue; without enhanced VPC routing Redshift uses its own.
        if (warehouse.enhancedVpcRouting && network.natGateways !== "None" && !network.interfaceEndpoints.includes("glue")) {
            new aws.vpc.SecurityGroupEgressRule(
                `${name}-workgroup-to-glue-via-nat`,
                {
                    securityGroupId: this.securityGroup.id,
                    description: "Glue Data Catalog through NAT (the stack has no Glue interface endpoint)",
                    ...https,
                    cidrIpv4: "0.0.0.0/0",
                },
                { parent: this },
            );
        }

        this.workgroup = new aws.redshiftserverless.Workgroup(
            `${name}-workgroup`,
            {
                workgroupName: warehouseName,
                namespaceName: this.namespace.namespaceName,
                baseCapacity: warehouse.baseCapacity,
                maxCapacity: warehouse.maxCapacity,
                port: warehousePort,
                subnetIds: network.privateSubnetIds,
                securityGroupIds: [this.securityGroup.id],
                publiclyAccessible: false,
                enhancedVpcRouting: warehouse.enhancedVpcRouting,
                configParameters: Object.entries(workgroupConfigParameters).map(([parameterKey, parameterValue]) => ({
                    parameterKey,
                    parameterValue,
                })),
            },
            { parent: this },
        );

        const periods = [
            { period: "daily", amount: warehouse.dailyRpuHoursLimit },
            { period: "weekly", amount: warehouse.weeklyRpuHoursLimit },
        ] as const;
        for (const { period, amount } of periods) {
            const limit = new aws.redshiftserverless.UsageLimit(
                `${name}-${period}-rpu-hours`,
                {
                    resourceArn: this.workgroup.arn,
                    usageType: "serverless-compute",
                    period,
                    amount,
                    breachAction: warehouse.usageLimitBreachAction,
                },
                { parent: this },
            );
            const threshold = amount * usageAlarmThresholdRatio;
            new aws.cloudwatch.MetricAlarm(
                `${name}-${period}-usage`,
                {
                    name: `${warehouseName}-${period}-usage`,
                    alarmDescription:
                        `Redshift Serverless workgroup ${warehouseName} has used ${threshold} of its ${amount} ${period} RPU-hours; ` +
                        `at ${amount} the usage limit will ${warehouse.usageLimitBreachAction}.`,
                    namespace: "AWS/Redshift-Serverless",
                    metricName: "UsageLimitConsumed",
                    // The metric's UsageType is upper-case, unlike the usage limit's (Redshift Serverless audit logging: metrics).
                    dimensions: { UsageLimitId: limit.id, UsageType: "SERVERLESS_COMPUTE", Workgroup: this.workgroup.workgroupName },
                    statistic: "Maximum",
                    period: 3600,
                    evaluationPeriods: 1,
                    threshold,
                    comparisonOperator: "GreaterThanOrEqualToThreshold",
                    // An alarm starts in INSUFFICIENT_DATA and, ignoring gaps, stays there until its metric first
                    // arrives: a miswired alarm is visible, and an idle warehouse does not flap to OK and mail.
                    treatMissingData: "ignore",
                    alarmActions: [args.alertTopic.arn],
                    okActions: [args.alertTopic.arn],
                },
                { parent: this },
            );
        }

        this.registerOutputs({
            namespaceName: this.namespace.namespaceName,
            workgroupName: this.workgroup.workgroupName,
            databaseName: this.databaseName,
            adminPasswordSecretArn: this.namespace.adminPasswordSecretArn,
            spectrumRoleArn: this.spectrumRole.arn,
        });
    }
}
