import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import type { PlatformConfig } from "../../config";
import { serviceTrustPolicy } from "../../lib/iam/documents";
import type { StackContext } from "../../lib/stack-context";

export interface PlatformNetworkArgs {
    /** Where the stack deploys, how it names things and protects its data. */
    readonly context: StackContext;
    readonly network: PlatformConfig["network"];
    readonly logsKey: aws.kms.Key;
}

/** Redshift Serverless requires subnets in three Availability Zones. */
const availabilityZoneCount = 3;

/** The IAM prefix of the service behind each interface endpoint (the endpoint name differs for CloudWatch). */
const iamPrefixOfEndpoint: Readonly<Record<PlatformConfig["network"]["interfaceEndpoints"][number], string>> = {
    athena: "athena",
    glue: "glue",
    kms: "kms",
    logs: "logs",
    monitoring: "cloudwatch",
    secretsmanager: "secretsmanager",
    sns: "sns",
    sts: "sts",
};

/**
 * An interface endpoint's policy: the service's calls by this account's principals on this
 * account's resources (an endpoint allows everything by default). The STS endpoint checks only the
 * caller: AWS's STS endpoint guidance warns that resource-account conditions block federated calls.
 */
export function interfaceEndpointPolicy(service: PlatformConfig["network"]["interfaceEndpoints"][number], accountId: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ThisAccountOnly",
                Effect: "Allow",
                Principal: "*",
                Action: `${iamPrefixOfEndpoint[service]}:*`,
                Resource: "*",
                Condition: {
                    StringEquals: {
                        "aws:PrincipalAccount": accountId,
                        ...(service === "sts" ? {} : { "aws:ResourceAccount": accountId }),
                    },
                },
            },
        ],
    });
}

/**
 * The S3 gateway endpoint's policy: object reads and writes and bucket listing, in this
 * account's buckets only (Redshift Spectrum reads gold through it). S3 names the bucket owner in
 * s3:ResourceAccount.
 */
export function s3GatewayEndpointPolicy(accountId: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "BucketsOfThisAccountOnly",
                Effect: "Allow",
                Principal: "*",
                Action: [
                    "s3:GetObject",
                    "s3:PutObject",
                    "s3:AbortMultipartUpload",
                    "s3:ListMultipartUploadParts",
                    "s3:ListBucket",
                    "s3:ListBucketMultipartUploads",
                    "s3:GetBucketLocation",
                ],
                Resource: "*",
                Condition: { StringEquals: { "s3:ResourceAccount": accountId } },
            },
        ],
    });
}

/**
 * The platform VPC: private subnets in three AZs; NAT per the profile (none in dev, where the
 * subnets are isolated and AWS APIs are reached through endpoints); an S3 gateway endpoint,
 * created unconditionally because AWS does not charge for it and it keeps lake traffic off NAT;
 * interface endpoints the stack asks for; and flow logs into a KMS-encrypted log group.
 */
export class PlatformNetwork extends pulumi.ComponentResource {
    readonly vpc: awsx.ec2.Vpc;
    readonly vpcId: pulumi.Output<string>;
    /** Subnets for workloads: private (NAT) or isolated (no NAT) depending on the profile. */
    readonly privateSubnetIds: pulumi.Output<string[]>;
    readonly vpcCidr: string;
    readonly endpointSecurityGroup?: aws.ec2.SecurityGroup;
    /** The role VPC Flow Logs delivers with; the deployer passes it to vpc-flow-logs.amazonaws.com. */
    readonly flowLogRole: aws.iam.Role;

    constructor(name: string, args: PlatformNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:network:PlatformNetwork", name, {}, opts);
        const { accountId, region, names, arn } = args.context;
        const { logRetentionDays } = args.context.protection;

        const { network } = args;
        const isolated = network.natGateways === "None";
        this.vpcCidr = network.vpcCidr;
        this.vpc = new awsx.ec2.Vpc(
            `${name}-vpc`,
            {
                cidrBlock: network.vpcCidr,
                numberOfAvailabilityZones: availabilityZoneCount,
                enableDnsHostnames: true,
                enableDnsSupport: true,
                natGateways: { strategy: network.natGateways },
                subnetStrategy: "Auto",
                subnetSpecs: isolated
                    ? [{ type: "Isolated", name: "private" }]
                    : [
                          { type: "Public", name: "public", cidrMask: 24 },
                          { type: "Private", name: "private" },
                      ],
                vpcEndpointStrategy: "Auto",
                vpcEndpointSpecs: [
                    {
                        serviceName: `com.amazonaws.${region}.s3`,
                        vpcEndpointType: "Gateway",
                        policy: s3GatewayEndpointPolicy(accountId),
                    },
                ],
            },
            { parent: this },
        );
        this.vpcId = this.vpc.vpcId;
        this.privateSubnetIds = isolated ? this.vpc.isolatedSubnetIds : this.vpc.privateSubnetIds;

        if (network.interfaceEndpoints.length > 0) {
            this.endpointSecurityGroup = new aws.ec2.SecurityGroup(
                `${name}-endpoints`,
                { vpcId: this.vpcId, description: "HTTPS from inside the VPC to interface endpoints" },
                { parent: this },
            );
            new aws.vpc.SecurityGroupIngressRule(
                `${name}-endpoints-https`,
                {
                    securityGroupId: this.endpointSecurityGroup.id,
                    description: "HTTPS from the VPC",
                    ipProtocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                    cidrIpv4: network.vpcCidr,
                },
                { parent: this },
            );
            for (const service of network.interfaceEndpoints) {
                new aws.ec2.VpcEndpoint(
                    `${name}-${service}`,
                    {
                        vpcId: this.vpcId,
                        serviceName: `com.amazonaws.${region}.${service}`,
                        vpcEndpointType: "Interface",
                        privateDnsEnabled: true,
                        subnetIds: this.privateSubnetIds,
                        securityGroupIds: [this.endpointSecurityGroup.id],
                        policy: interfaceEndpointPolicy(service, accountId),
                    },
                    { parent: this },
                );
            }
        }

        const flowLogGroup = new aws.cloudwatch.LogGroup(
            `${name}-flow-logs`,
            { name: names.logGroup("vpc-flow-logs"), retentionInDays: logRetentionDays, kmsKeyId: args.logsKey.arn },
            { parent: this },
        );
        const flowLogRole = new aws.iam.Role(
            `${name}-flow-logs`,
            {
                description: "VPC Flow Logs delivery to the flow log group",
                assumeRolePolicy: JSON.stringify(serviceTrustPolicy("vpc-flow-logs.amazonaws.com", args.context)),
            },
            { parent: this },
        );
        this.flowLogRole = flowLogRole;
        new aws.iam.RolePolicy(
            `${name}-flow-logs`,
            {
                role: flowLogRole.name,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "WriteFlowLogGroup",
                            Effect: "Allow",
                            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                            Resource: [flowLogGroup.arn, pulumi.interpolate`${flowLogGroup.arn}:*`],
                        },
                        {
                            Sid: "FindFlowLogGroup",
                            Effect: "Allow",
                            Action: "logs:DescribeLogGroups",
                            Resource: arn.logGroup("*"),
                        },
                    ],
                }),
            },
            { parent: this },
        );
        new aws.ec2.FlowLog(
            `${name}-flow-log`,
            {
                vpcId: this.vpcId,
                trafficType: network.flowLogTrafficType,
                logDestinationType: "cloud-watch-logs",
                logDestination: flowLogGroup.arn,
                iamRoleArn: flowLogRole.arn,
                maxAggregationInterval: 60,
            },
            { parent: this },
        );

        this.registerOutputs({ vpcId: this.vpcId, privateSubnetIds: this.privateSubnetIds });
    }
}
