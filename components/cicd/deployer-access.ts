import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { RequiredTags } from "../../config";
import { quickSightRedshiftSecretName } from "../analytics/quicksight-analytics";
import type { StackContext } from "../../lib/stack-context";
import type { PolicyDocument, PolicyStatement } from "../../lib/iam/documents";

/**
 * Where a group of deploy actions applies. Each scope becomes one statement of the deploy
 * policy: its resources are the ARNs of this stack (by naming prefix), or its conditions pin
 * the request or the resource to this stack's tags where AWS names resources by id.
 */
export type DeployScope =
    | "buckets"
    | "assetObjects"
    | "keyCreation"
    | "taggedCreation"
    | "keyTagsOnCreation"
    | "stackKeys"
    | "stackKeysThroughServices"
    | "keyAliases"
    | "logGroups"
    | "logGroupListing"
    | "roles"
    | "rolePermissions"
    | "policyAttachments"
    | "managedPolicies"
    | "catalog"
    | "etl"
    | "eventRules"
    | "topics"
    | "secrets"
    | "warehouseAdminSecret"
    | "warehouseCreation"
    | "warehouse"
    | "alarms"
    | "functions"
    | "athena"
    | "quicksight"
    | "quicksightVpcConnections"
    | "quicksightCredentials"
    | "buildProjects"
    | "pipelines"
    | "connection"
    | "notificationRules"
    | "notificationRuleTags"
    | "networkCreation"
    | "networkTagsOnCreation"
    | "network"
    | "unscopable";

/** The deploy actions one resource type needs (create, read, update, delete, tag), by scope. */
export type ResourceTypeActions = Readonly<Partial<Record<DeployScope, readonly string[]>>>;

const ec2Describe = (...names: string[]): string[] => names.map((name) => `ec2:Describe${name}`);
const glueTags = ["glue:GetTags", "glue:TagResource", "glue:UntagResource"];

/**
 * Every resource type the stack plans, with what `pulumi up` calls for it. The one place that
 * maps the plan to AWS services: the deploy policy is built from it, the boundary allows the
 * services it names, and test/program/deployer-access.test.ts fails when a planned type is
 * missing here or a row names a type no stack plans. Packaged components (awsx) list the actions
 * of the resources they create. Actions come from the AWS provider's create/read/update/delete
 * calls; resource types and condition keys per action from the Service Authorization Reference.
 */
export const deployActionsByResourceType: Readonly<Record<string, ResourceTypeActions>> = {
    // The provider finds the bucket's region with HeadBucket (s3:ListBucket), tries the tagging API
    // before the bucket-tagging one, and lists versions to empty a forceDestroy bucket.
    "aws:s3/bucket:Bucket": {
        buckets: [
            "s3:CreateBucket",
            "s3:DeleteBucket",
            "s3:ListBucket",
            "s3:ListBucketVersions",
            "s3:ListTagsForResource",
            "s3:TagResource",
            "s3:UntagResource",
            "s3:GetBucketTagging",
            "s3:PutBucketTagging",
            "s3:GetBucketAcl",
            "s3:GetBucketCORS",
            "s3:GetBucketWebsite",
            "s3:GetBucketVersioning",
            "s3:GetAccelerateConfiguration",
            "s3:GetBucketRequestPayment",
            "s3:GetBucketLogging",
            "s3:GetLifecycleConfiguration",
            "s3:GetReplicationConfiguration",
            "s3:GetEncryptionConfiguration",
            "s3:GetBucketObjectLockConfiguration",
            "s3:GetBucketPolicy",
        ],
    },
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": {
        buckets: ["s3:PutBucketPublicAccessBlock", "s3:GetBucketPublicAccessBlock"],
    },
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": {
        buckets: ["s3:PutBucketOwnershipControls", "s3:GetBucketOwnershipControls"],
    },
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": {
        buckets: ["s3:PutEncryptionConfiguration", "s3:GetEncryptionConfiguration"],
    },
    "aws:s3/bucketVersioning:BucketVersioning": { buckets: ["s3:PutBucketVersioning", "s3:GetBucketVersioning"] },
    "aws:s3/bucketPolicy:BucketPolicy": { buckets: ["s3:PutBucketPolicy", "s3:GetBucketPolicy", "s3:DeleteBucketPolicy"] },
    "aws:s3/bucketLogging:BucketLogging": { buckets: ["s3:PutBucketLogging", "s3:GetBucketLogging"] },
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": {
        buckets: ["s3:PutLifecycleConfiguration", "s3:GetLifecycleConfiguration"],
    },
    "aws:s3/bucketNotification:BucketNotification": { buckets: ["s3:PutBucketNotification", "s3:GetBucketNotification"] },
    // Deleting an object of a versioned bucket deletes every version of its key (ListObjectVersions,
    // then DeleteObject with a version id); reading it is HeadObject (s3:GetObject) and its tags.
    // The provider's uploader switches to a multipart upload above 5 MiB, which under SSE-KMS needs
    // kms:Decrypt as well as a data key.
    "aws:s3/bucketObjectv2:BucketObjectv2": {
        buckets: ["s3:ListBucketVersions"],
        assetObjects: [
            "s3:PutObject",
            "s3:PutObjectTagging",
            "s3:GetObject",
            "s3:GetObjectTagging",
            "s3:DeleteObjectVersion",
            "s3:AbortMultipartUpload",
        ],
        stackKeysThroughServices: ["kms:GenerateDataKey", "kms:Decrypt"],
    },
    // CreateKey with tags also needs kms:TagResource on every key of the account and region.
    "aws:kms/key:Key": {
        keyCreation: ["kms:CreateKey"],
        keyTagsOnCreation: ["kms:TagResource"],
        stackKeys: [
            "kms:DescribeKey",
            "kms:GetKeyPolicy",
            "kms:GetKeyRotationStatus",
            "kms:ListResourceTags",
            "kms:PutKeyPolicy",
            "kms:EnableKeyRotation",
            "kms:UpdateKeyDescription",
            "kms:TagResource",
            "kms:UntagResource",
            "kms:ScheduleKeyDeletion",
        ],
    },
    // Alias operations are authorized on both the alias and the key it points to.
    "aws:kms/alias:Alias": {
        keyAliases: ["kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"],
        stackKeys: ["kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"],
        unscopable: ["kms:ListAliases"],
    },
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
    "aws:iam/role:Role": {
        rolePermissions: ["iam:CreateRole", "iam:PutRolePermissionsBoundary"],
        // Reading a role reads its inline policies too; its tags come with GetRole.
        roles: [
            "iam:GetRole",
            "iam:DeleteRole",
            "iam:UpdateRole",
            "iam:UpdateRoleDescription",
            "iam:UpdateAssumeRolePolicy",
            "iam:TagRole",
            "iam:UntagRole",
            "iam:ListRolePolicies",
            "iam:GetRolePolicy",
            "iam:ListAttachedRolePolicies",
            "iam:ListInstanceProfilesForRole",
        ],
    },
    "aws:iam/rolePolicy:RolePolicy": {
        rolePermissions: ["iam:PutRolePolicy", "iam:DeleteRolePolicy"],
        roles: ["iam:GetRolePolicy"],
    },
    // The boundary denies every change to itself, so only an administrator updates that one.
    "aws:iam/policy:Policy": {
        managedPolicies: [
            "iam:CreatePolicy",
            "iam:GetPolicy",
            "iam:GetPolicyVersion",
            "iam:ListPolicyVersions",
            "iam:CreatePolicyVersion",
            "iam:DeletePolicyVersion",
            "iam:DeletePolicy",
            "iam:TagPolicy",
            "iam:UntagPolicy",
        ],
    },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": {
        policyAttachments: ["iam:AttachRolePolicy", "iam:DetachRolePolicy"],
        roles: ["iam:ListAttachedRolePolicies"],
    },
    "aws:glue/catalogDatabase:CatalogDatabase": {
        catalog: ["glue:CreateDatabase", "glue:GetDatabase", "glue:UpdateDatabase", "glue:DeleteDatabase", ...glueTags],
    },
    "aws:glue/catalogTable:CatalogTable": {
        catalog: ["glue:CreateTable", "glue:GetTable", "glue:UpdateTable", "glue:DeleteTable", "glue:GetPartitionIndexes"],
    },
    "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings": {
        catalog: ["glue:PutDataCatalogEncryptionSettings", "glue:GetDataCatalogEncryptionSettings"],
    },
    // Creating a ruleset has no resource type, only the tags of the request.
    "aws:glue/dataQualityRuleset:DataQualityRuleset": {
        taggedCreation: ["glue:CreateDataQualityRuleset"],
        etl: ["glue:GetDataQualityRuleset", "glue:UpdateDataQualityRuleset", "glue:DeleteDataQualityRuleset", ...glueTags],
    },
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
    "aws:secretsmanager/secret:Secret": {
        secrets: [
            "secretsmanager:CreateSecret",
            "secretsmanager:DescribeSecret",
            "secretsmanager:UpdateSecret",
            "secretsmanager:DeleteSecret",
            "secretsmanager:GetResourcePolicy",
            "secretsmanager:TagResource",
            "secretsmanager:UntagResource",
        ],
    },
    // The VPC, subnets, route tables and routes, internet gateway, NAT gateways with their
    // Elastic IPs and the S3 gateway endpoint that awsx creates.
    "awsx:ec2:Vpc": {
        networkCreation: [
            "ec2:CreateVpc",
            "ec2:CreateSubnet",
            "ec2:CreateRouteTable",
            "ec2:CreateInternetGateway",
            "ec2:AllocateAddress",
            "ec2:CreateNatGateway",
            "ec2:CreateVpcEndpoint",
        ],
        networkTagsOnCreation: ["ec2:CreateTags"],
        network: [
            "ec2:DeleteVpc",
            "ec2:ModifyVpcAttribute",
            "ec2:CreateSubnet",
            "ec2:DeleteSubnet",
            "ec2:ModifySubnetAttribute",
            "ec2:CreateRouteTable",
            "ec2:DeleteRouteTable",
            "ec2:CreateRoute",
            "ec2:ReplaceRoute",
            "ec2:DeleteRoute",
            "ec2:AssociateRouteTable",
            "ec2:DisassociateRouteTable",
            "ec2:AttachInternetGateway",
            "ec2:DetachInternetGateway",
            "ec2:DeleteInternetGateway",
            "ec2:ReleaseAddress",
            "ec2:DisassociateAddress",
            "ec2:CreateNatGateway",
            "ec2:DeleteNatGateway",
            "ec2:CreateVpcEndpoint",
            "ec2:ModifyVpcEndpoint",
            "ec2:DeleteVpcEndpoints",
            "ec2:CreateTags",
            "ec2:DeleteTags",
            "ec2:DescribeVpcAttribute",
        ],
        // Deleting a subnet waits for its network interfaces to go.
        unscopable: ec2Describe(
            "AvailabilityZones",
            "Vpcs",
            "Subnets",
            "RouteTables",
            "InternetGateways",
            "Addresses",
            "AddressesAttribute",
            "NatGateways",
            "VpcEndpoints",
            "PrefixLists",
            "NetworkAcls",
            "SecurityGroups",
            "NetworkInterfaces",
        ),
    },
    // The provider removes the default allow-all egress rule of a new group.
    "aws:ec2/securityGroup:SecurityGroup": {
        networkCreation: ["ec2:CreateSecurityGroup"],
        networkTagsOnCreation: ["ec2:CreateTags"],
        network: [
            "ec2:CreateSecurityGroup",
            "ec2:DeleteSecurityGroup",
            "ec2:RevokeSecurityGroupEgress",
            "ec2:CreateTags",
            "ec2:DeleteTags",
        ],
        unscopable: ec2Describe("SecurityGroups", "NetworkInterfaces"),
    },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
        networkCreation: ["ec2:AuthorizeSecurityGroupIngress"],
        networkTagsOnCreation: ["ec2:CreateTags"],
        network: [
            "ec2:AuthorizeSecurityGroupIngress",
            "ec2:RevokeSecurityGroupIngress",
            "ec2:ModifySecurityGroupRules",
            "ec2:CreateTags",
            "ec2:DeleteTags",
        ],
        unscopable: ec2Describe("SecurityGroupRules"),
    },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {
        networkCreation: ["ec2:AuthorizeSecurityGroupEgress"],
        networkTagsOnCreation: ["ec2:CreateTags"],
        network: [
            "ec2:AuthorizeSecurityGroupEgress",
            "ec2:RevokeSecurityGroupEgress",
            "ec2:ModifySecurityGroupRules",
            "ec2:CreateTags",
            "ec2:DeleteTags",
        ],
        unscopable: ec2Describe("SecurityGroupRules"),
    },
    "aws:ec2/vpcEndpoint:VpcEndpoint": {
        networkCreation: ["ec2:CreateVpcEndpoint"],
        networkTagsOnCreation: ["ec2:CreateTags"],
        network: ["ec2:CreateVpcEndpoint", "ec2:ModifyVpcEndpoint", "ec2:DeleteVpcEndpoints", "ec2:CreateTags", "ec2:DeleteTags"],
        unscopable: ec2Describe("VpcEndpoints", "PrefixLists", "NetworkInterfaces"),
    },
    // Creating a namespace with a managed admin password and a customer-managed key makes Redshift
    // create the secret and key grants with the caller's permissions (dependent actions in the
    // Service Authorization Reference). The workgroup's VPC placement is checked with EC2 reads.
    "aws:redshiftserverless/namespace:Namespace": {
        warehouseCreation: ["redshift-serverless:CreateNamespace", "redshift-serverless:TagResource"],
        warehouse: [
            "redshift-serverless:GetNamespace",
            "redshift-serverless:UpdateNamespace",
            "redshift-serverless:DeleteNamespace",
            "redshift-serverless:ListTagsForResource",
            "redshift-serverless:TagResource",
            "redshift-serverless:UntagResource",
        ],
        warehouseAdminSecret: [
            "secretsmanager:CreateSecret",
            "secretsmanager:DescribeSecret",
            "secretsmanager:UpdateSecret",
            "secretsmanager:RotateSecret",
            "secretsmanager:DeleteSecret",
            "secretsmanager:TagResource",
        ],
        stackKeysThroughServices: ["kms:CreateGrant", "kms:RetireGrant", "kms:DescribeKey", "kms:Decrypt", "kms:GenerateDataKey"],
        unscopable: ["secretsmanager:GetRandomPassword"],
    },
    "aws:redshiftserverless/workgroup:Workgroup": {
        warehouseCreation: ["redshift-serverless:CreateWorkgroup", "redshift-serverless:TagResource"],
        warehouse: [
            "redshift-serverless:GetWorkgroup",
            "redshift-serverless:UpdateWorkgroup",
            "redshift-serverless:DeleteWorkgroup",
            "redshift-serverless:ListTagsForResource",
            "redshift-serverless:TagResource",
            "redshift-serverless:UntagResource",
        ],
        network: ["ec2:DescribeVpcAttribute"],
        unscopable: ec2Describe(
            "AccountAttributes",
            "AvailabilityZones",
            "Vpcs",
            "Subnets",
            "SecurityGroups",
            "InternetGateways",
            "Addresses",
            "NetworkInterfaces",
        ),
    },
    // Usage limits have no ARN of their own.
    "aws:redshiftserverless/usageLimit:UsageLimit": {
        unscopable: [
            "redshift-serverless:CreateUsageLimit",
            "redshift-serverless:GetUsageLimit",
            "redshift-serverless:UpdateUsageLimit",
            "redshift-serverless:DeleteUsageLimit",
        ],
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
    "aws:lambda/function:Function": {
        functions: [
            "lambda:CreateFunction",
            "lambda:GetFunction",
            "lambda:GetFunctionCodeSigningConfig",
            "lambda:ListVersionsByFunction",
            "lambda:UpdateFunctionCode",
            "lambda:UpdateFunctionConfiguration",
            "lambda:DeleteFunction",
            "lambda:TagResource",
            "lambda:UntagResource",
        ],
    },
    // The deployment invokes the warehouse-schema function once per schema change.
    "aws:lambda/invocation:Invocation": { functions: ["lambda:InvokeFunction"] },
    // Named queries are authorized on the workgroup that holds them.
    "aws:athena/workgroup:Workgroup": {
        athena: [
            "athena:CreateWorkGroup",
            "athena:GetWorkGroup",
            "athena:UpdateWorkGroup",
            "athena:DeleteWorkGroup",
            "athena:ListTagsForResource",
            "athena:TagResource",
            "athena:UntagResource",
        ],
    },
    "aws:athena/namedQuery:NamedQuery": {
        athena: ["athena:CreateNamedQuery", "athena:GetNamedQuery", "athena:DeleteNamedQuery"],
    },
    // Creating a data source has no resource type, only the tags of the request.
    "aws:quicksight/dataSource:DataSource": {
        taggedCreation: ["quicksight:CreateDataSource"],
        quicksight: [
            "quicksight:DescribeDataSource",
            "quicksight:UpdateDataSource",
            "quicksight:DeleteDataSource",
            "quicksight:DescribeDataSourcePermissions",
            "quicksight:UpdateDataSourcePermissions",
            "quicksight:ListTagsForResource",
            "quicksight:TagResource",
            "quicksight:UntagResource",
        ],
    },
    // Creating a dataset over a data source needs PassDataSource on that source; every read also
    // reads the dataset's refresh properties.
    "aws:quicksight/dataSet:DataSet": {
        quicksight: [
            "quicksight:CreateDataSet",
            "quicksight:DescribeDataSet",
            "quicksight:DescribeDataSetRefreshProperties",
            "quicksight:UpdateDataSet",
            "quicksight:DeleteDataSet",
            "quicksight:DescribeDataSetPermissions",
            "quicksight:UpdateDataSetPermissions",
            "quicksight:PassDataSource",
            "quicksight:ListTagsForResource",
            "quicksight:TagResource",
            "quicksight:UntagResource",
        ],
    },
    // Refresh schedules are authorized on their dataset.
    "aws:quicksight/refreshSchedule:RefreshSchedule": {
        quicksight: [
            "quicksight:CreateRefreshSchedule",
            "quicksight:DescribeRefreshSchedule",
            "quicksight:UpdateRefreshSchedule",
            "quicksight:DeleteRefreshSchedule",
        ],
    },
    // Its network interfaces are QuickSight's, made with the connection's role, not the deployer's.
    // Creating the Redshift data source that uses it, QuickSight reads that source's secret with the
    // caller's permissions ("Using AWS Secrets Manager secrets instead of database credentials").
    "aws:quicksight/vpcConnection:VpcConnection": {
        taggedCreation: ["quicksight:CreateVPCConnection"],
        quicksightCredentials: ["secretsmanager:GetSecretValue"],
        quicksightVpcConnections: [
            "quicksight:DescribeVPCConnection",
            "quicksight:UpdateVPCConnection",
            "quicksight:DeleteVPCConnection",
            "quicksight:ListTagsForResource",
            "quicksight:TagResource",
            "quicksight:UntagResource",
        ],
    },
    "aws:ec2/flowLog:FlowLog": {
        networkCreation: ["ec2:CreateFlowLogs"],
        networkTagsOnCreation: ["ec2:CreateTags"],
        network: ["ec2:CreateFlowLogs", "ec2:DeleteFlowLogs", "ec2:CreateTags", "ec2:DeleteTags"],
        unscopable: ec2Describe("FlowLogs"),
    },
};

/** An action a preview calls, and the scope whose resources it reads (`unscopable`: `*`). */
export interface PreviewRead {
    readonly action: string;
    readonly on: "unscopable" | "catalog" | "catalogTables" | "quicksightCredentials";
}

/** Provider functions the program calls only in some stacks, so only those stacks' roles read with them. */
export type ConditionalRead = "goldTables" | "quicksightRedshiftCredentials";

/**
 * What a `pulumi preview` (without `--refresh`) reads from AWS: the provider functions the
 * program calls, and those packaged components call while planning their children. A preview
 * reads no resource of the stack; it diffs the program against the state.
 */
export const previewReads: Readonly<Record<string, readonly PreviewRead[]>> = {
    // STS answers GetCallerIdentity without any permission.
    "aws:index/getCallerIdentity:getCallerIdentity": [],
    // Answered from the provider's configuration.
    "aws:index/getPartition:getPartition": [],
    "aws:ec2/getPrefixList:getPrefixList": [{ action: "ec2:DescribePrefixLists", on: "unscopable" }],
    // Every stack reads the account's catalog encryption: to verify it, or to claim it.
    "aws:glue/getDataCatalogEncryptionSettings:getDataCatalogEncryptionSettings": [
        { action: "glue:GetDataCatalogEncryptionSettings", on: "catalog" },
    ],
    // QuickSight datasets wait for the gold tables the gold job creates.
    // The provider reads a found table's partition indexes too.
    "aws:glue/getCatalogTable:getCatalogTable": [
        { action: "glue:GetTable", on: "catalogTables" },
        { action: "glue:GetPartitionIndexes", on: "catalogTables" },
    ],
    // The Redshift data source waits for a person to fill its secret; this lists versions, never values.
    "aws:secretsmanager/getSecretVersions:getSecretVersions": [
        { action: "secretsmanager:ListSecretVersionIds", on: "quicksightCredentials" },
    ],
    // awsx picks the VPC's Availability Zones while planning.
    "awsx:ec2:Vpc": [{ action: "ec2:DescribeAvailabilityZones", on: "unscopable" }],
};

const conditionalCalls: Readonly<Record<string, ConditionalRead>> = {
    "aws:glue/getCatalogTable:getCatalogTable": "goldTables",
    "aws:secretsmanager/getSecretVersions:getSecretVersions": "quicksightRedshiftCredentials",
};

/** What a preview of this stack reads on `on`: every unconditional call, and the conditional ones it makes. */
const previewActionsOn = (on: PreviewRead["on"], conditionalReads: readonly ConditionalRead[]): string[] =>
    unique(
        Object.entries(previewReads)
            .filter(([call]) => conditionalCalls[call] === undefined || conditionalReads.includes(conditionalCalls[call]))
            .flatMap(([, reads]) => reads)
            .filter((read) => read.on === on)
            .map((read) => read.action),
    );

export const serviceOf = (action: string): string => action.slice(0, action.indexOf(":"));

const unique = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** Resource types only an optional feature plans: a stack without the feature grants none of their actions. */
export const featureResourceTypes = {
    quicksight: [
        "aws:quicksight/dataSource:DataSource",
        "aws:quicksight/dataSet:DataSet",
        "aws:quicksight/refreshSchedule:RefreshSchedule",
    ],
    quicksightRedshift: ["aws:quicksight/vpcConnection:VpcConnection"],
    // Only the stack that manages the account's catalog encryption may change it.
    catalogEncryption: ["aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings"],
} as const;
export type DeployFeature = keyof typeof featureResourceTypes;

/**
 * The rows of `deployActionsByResourceType` a stack with these features plans. IAM authorizes a
 * CodeConnections connection under the service prefix of its ARN (`codeconnections`, or
 * `codestar-connections` before 2024), so only that prefix's actions are kept, and none without a pipeline.
 */
export function deployTableFor(features: readonly DeployFeature[], connectionArn?: string): Readonly<Record<string, ResourceTypeActions>> {
    const omitted = new Set<string>(
        (Object.keys(featureResourceTypes) as DeployFeature[])
            .filter((feature) => !features.includes(feature))
            .flatMap((feature) => featureResourceTypes[feature]),
    );
    const connectionService = connectionArn?.split(":")[2];
    return Object.fromEntries(
        Object.entries(deployActionsByResourceType)
            .filter(([type]) => !omitted.has(type))
            .map(([type, actions]) => [
                type,
                actions.connection
                    ? { ...actions, connection: actions.connection.filter((action) => serviceOf(action) === connectionService) }
                    : actions,
            ]),
    );
}

/** The IAM service prefixes the deploy policy uses: derived from the table, one place. */
export function deployServices(features: readonly DeployFeature[], connectionArn?: string): string[] {
    return unique(
        Object.values(deployTableFor(features, connectionArn)).flatMap((actions) =>
            Object.values(actions).flatMap((list: readonly string[] | undefined) => (list ?? []).map(serviceOf)),
        ),
    );
}

/** Services the workloads call that the deployer never manages: the Data API runs the warehouse SQL. */
const workloadOnlyServices = ["redshift-data"];

/**
 * Every service a role of this stack may use: what the permissions boundary allows. The deployer
 * manages every service the workloads call; test/program/deployer-access.test.ts checks that
 * against every role's policy.
 */
export function stackServices(features: readonly DeployFeature[], connectionArn?: string): string[] {
    return unique([...deployServices(features, connectionArn), ...workloadOnlyServices]);
}

/** A role the deployer hands to a service, with the service principals its trust policy names. */
export interface PassableRole {
    readonly arn: string;
    readonly services: readonly string[];
}

/** Everything the deploy policy is scoped by, resolved to plain values. */
export interface DeployScopeContext {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    /** `<project>-<stack>`: the first part of every physical name of the stack. */
    readonly namePrefix: string;
    /** `<project>_<stack>_`: the first part of every Glue Data Catalog name. */
    readonly catalogPrefix: string;
    /** `/<project>-<stack>/`: log groups of the stack are under it. */
    readonly logGroupPrefix: string;
    /** Patterns (ending in `*`) of the log groups a service names after a resource of the stack (Redshift audit logs). */
    readonly serviceLogGroupPatterns: readonly string[];
    /** The tags the stack transform puts on every resource; tag-scoped statements use project and environment. */
    readonly tags: Pick<RequiredTags, "project" | "environment">;
    readonly boundaryArn: string;
    /** The bucket the stack uploads Glue scripts and libraries to. */
    readonly assetBucket: string;
    /** Buckets are created with `forceDestroy` (dev): deleting the stack deletes their objects. */
    readonly emptiesBucketsOnDelete: boolean;
    readonly passRoles: readonly PassableRole[];
    /** The CodeConnections connection the pipeline's source uses. */
    readonly connectionArn: string;
    /** Optional features the stack has configured. */
    readonly features: readonly DeployFeature[];
    /** The provider functions this stack calls only under its configuration. */
    readonly conditionalReads: readonly ConditionalRead[];
}

/** Services that use the stack's keys with the deployer's permissions while creating what it asks for. */
const keyUsingServices = ["s3", "secretsmanager", "redshift", "redshift-serverless", "glue"];

/** EC2 resource types the stack creates; AWS names them by id, so they are scoped by tags. */
const networkResourceTypes = [
    "vpc",
    "subnet",
    "route-table",
    "internet-gateway",
    "elastic-ip",
    "natgateway",
    "vpc-endpoint",
    "security-group",
    "security-group-rule",
    "vpc-flow-log",
];

interface ScopeStatement {
    readonly sid: string;
    readonly resources: readonly string[];
    readonly condition?: Record<string, Record<string, string | string[]>>;
}

function scopeStatements(c: DeployScopeContext, table: Readonly<Record<string, ResourceTypeActions>>): Record<DeployScope, ScopeStatement> {
    const arn = (service: string, resource: string): string => `arn:${c.partition}:${service}:${c.region}:${c.accountId}:${resource}`;
    const requestTags = { "aws:RequestTag/project": c.tags.project, "aws:RequestTag/environment": c.tags.environment };
    const resourceTags = { "aws:ResourceTag/project": c.tags.project, "aws:ResourceTag/environment": c.tags.environment };
    const anyKey = arn("kms", "key/*");
    const network = networkResourceTypes.map((type) => arn("ec2", `${type}/*`));
    const warehouse = ["namespace", "workgroup"].map((type) => arn("redshift-serverless", `${type}/*`));
    const creations = actionsOf(table, "networkCreation");
    return {
        buckets: { sid: "StackBuckets", resources: [`arn:${c.partition}:s3:::${c.namePrefix}-*`] },
        assetObjects: { sid: "GlueAssetObjects", resources: [`arn:${c.partition}:s3:::${c.assetBucket}/*`] },
        keyCreation: { sid: "CreateTaggedKeys", resources: ["*"], condition: { StringEquals: requestTags } },
        taggedCreation: { sid: "CreateTaggedResourcesWithoutAnArn", resources: ["*"], condition: { StringEquals: requestTags } },
        keyTagsOnCreation: { sid: "TagKeysOnCreation", resources: [anyKey], condition: { StringEquals: requestTags } },
        stackKeys: { sid: "StackKeys", resources: [anyKey], condition: { StringEquals: resourceTags } },
        stackKeysThroughServices: {
            sid: "StackKeysThroughServices",
            resources: [anyKey],
            condition: {
                StringEquals: {
                    ...resourceTags,
                    "kms:ViaService": keyUsingServices.map((service) => `${service}.${c.region}.amazonaws.com`),
                },
            },
        },
        keyAliases: { sid: "StackKeyAliases", resources: [arn("kms", `alias/${c.namePrefix}-*`)] },
        logGroups: {
            sid: "StackLogGroups",
            resources: [`${c.logGroupPrefix}*`, ...c.serviceLogGroupPatterns].map((pattern) => arn("logs", `log-group:${pattern}`)),
        },
        logGroupListing: { sid: "FindLogGroups", resources: [arn("logs", "log-group:*")] },
        roles: { sid: "StackRoles", resources: [`arn:${c.partition}:iam::${c.accountId}:role/${c.namePrefix}-*`] },
        rolePermissions: {
            sid: "StackRolePermissionsWithinTheBoundary",
            resources: [`arn:${c.partition}:iam::${c.accountId}:role/${c.namePrefix}-*`],
            condition: { StringEquals: { "iam:PermissionsBoundary": c.boundaryArn } },
        },
        policyAttachments: {
            sid: "AttachStackPoliciesWithinTheBoundary",
            resources: [`arn:${c.partition}:iam::${c.accountId}:role/${c.namePrefix}-*`],
            condition: {
                StringEquals: { "iam:PermissionsBoundary": c.boundaryArn },
                ArnLike: { "iam:PolicyARN": `arn:${c.partition}:iam::${c.accountId}:policy/${c.namePrefix}-*` },
            },
        },
        managedPolicies: { sid: "StackPolicies", resources: [`arn:${c.partition}:iam::${c.accountId}:policy/${c.namePrefix}-*`] },
        // Deleting a database is authorized on its tables and functions too.
        catalog: {
            sid: "StackCatalog",
            resources: [
                arn("glue", "catalog"),
                arn("glue", `database/${c.catalogPrefix}*`),
                arn("glue", `table/${c.catalogPrefix}*/*`),
                arn("glue", `userDefinedFunction/${c.catalogPrefix}*/*`),
            ],
        },
        etl: {
            sid: "StackEtl",
            resources: ["job", "trigger", "workflow", "dataQualityRuleset"].map((type) => arn("glue", `${type}/${c.namePrefix}-*`)),
        },
        eventRules: { sid: "StackEventRules", resources: [arn("events", `rule/${c.namePrefix}-*`)] },
        topics: { sid: "StackTopics", resources: [arn("sns", `${c.namePrefix}-*`)] },
        secrets: { sid: "StackSecrets", resources: [arn("secretsmanager", `secret:${c.namePrefix}/*`)] },
        warehouseAdminSecret: {
            sid: "WarehouseManagedAdminSecret",
            resources: [arn("secretsmanager", `secret:redshift!${c.namePrefix}-*`)],
        },
        warehouseCreation: { sid: "CreateTaggedWarehouse", resources: warehouse, condition: { StringEquals: requestTags } },
        warehouse: { sid: "StackWarehouse", resources: warehouse, condition: { StringEquals: resourceTags } },
        alarms: { sid: "StackAlarms", resources: [arn("cloudwatch", `alarm:${c.namePrefix}-*`)] },
        functions: { sid: "StackFunctions", resources: [arn("lambda", `function:${c.namePrefix}-*`)] },
        athena: { sid: "StackAthenaWorkgroups", resources: [arn("athena", `workgroup/${c.namePrefix}-*`)] },
        quicksight: {
            sid: "StackQuickSightSourcesAndDatasets",
            resources: ["datasource", "dataset"].map((type) => arn("quicksight", `${type}/${c.namePrefix}-*`)),
        },
        quicksightVpcConnections: {
            sid: "StackQuickSightVpcConnections",
            resources: [arn("quicksight", `vpcConnection/${c.namePrefix}-*`)],
        },
        quicksightCredentials: {
            sid: "QuickSightRedshiftSourceCredentials",
            resources: [arn("secretsmanager", `secret:${quickSightRedshiftSecretName(c.namePrefix)}-*`)],
        },
        buildProjects: { sid: "StackBuildProjects", resources: [arn("codebuild", `project/${c.namePrefix}-*`)] },
        pipelines: { sid: "StackPipelines", resources: [arn("codepipeline", `${c.namePrefix}-*`)] },
        connection: { sid: "PassTheSourceConnection", resources: [c.connectionArn] },
        notificationRules: {
            sid: "NotificationRulesOfStackPipelines",
            resources: [arn("codestar-notifications", "notificationrule/*")],
            condition: { ArnLike: { "codestar-notifications:NotificationsForResource": arn("codepipeline", `${c.namePrefix}-*`) } },
        },
        notificationRuleTags: { sid: "NotificationRuleTags", resources: [arn("codestar-notifications", "notificationrule/*")] },
        networkCreation: { sid: "CreateTaggedNetwork", resources: network, condition: { StringEquals: requestTags } },
        networkTagsOnCreation: {
            sid: "TagNetworkOnCreation",
            resources: network,
            condition: { StringEquals: { "ec2:CreateAction": creations.map((action) => action.slice("ec2:".length)) } },
        },
        network: { sid: "StackNetwork", resources: network, condition: { StringEquals: resourceTags } },
        unscopable: { sid: "ActionsAwsCannotScope", resources: ["*"] },
    };
}

function actionsOf(table: Readonly<Record<string, ResourceTypeActions>>, scope: DeployScope): string[] {
    return unique(Object.values(table).flatMap((actions) => actions[scope] ?? []));
}

/** One PassRole statement per receiving service, naming the roles whose trust policy names that service. */
function passRoleStatements(roles: readonly PassableRole[]): PolicyStatement[] {
    return unique(roles.flatMap((role) => role.services)).map((service) => ({
        Sid: `PassRolesTo${service
            .split(".")[0]
            .split("-")
            .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
            .join("")}`,
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: unique(roles.filter((role) => role.services.includes(service)).map((role) => role.arn)),
        Condition: { StringEquals: { "iam:PassedToService": service } },
    }));
}

/**
 * The deploy policy comes in parts, each a managed policy: one document would exceed IAM's
 * 10,240-character limit for a role's inline policies (and a managed policy's 6,144).
 */
export type DeployPolicyPart = "storage" | "identity" | "data" | "network" | "warehouse" | "delivery";

/** Which part holds each scope's statement. */
const partOfScope: Readonly<Record<DeployScope, DeployPolicyPart>> = {
    buckets: "storage",
    assetObjects: "storage",
    keyCreation: "storage",
    taggedCreation: "data",
    keyTagsOnCreation: "storage",
    stackKeys: "storage",
    stackKeysThroughServices: "storage",
    keyAliases: "storage",
    roles: "identity",
    rolePermissions: "identity",
    policyAttachments: "identity",
    managedPolicies: "identity",
    logGroups: "data",
    logGroupListing: "data",
    catalog: "data",
    etl: "data",
    eventRules: "data",
    topics: "data",
    secrets: "data",
    warehouseAdminSecret: "warehouse",
    warehouseCreation: "warehouse",
    warehouse: "warehouse",
    alarms: "warehouse",
    functions: "warehouse",
    athena: "data",
    quicksight: "data",
    quicksightVpcConnections: "data",
    quicksightCredentials: "data",
    buildProjects: "delivery",
    pipelines: "delivery",
    connection: "delivery",
    notificationRules: "delivery",
    notificationRuleTags: "delivery",
    networkCreation: "network",
    networkTagsOnCreation: "network",
    network: "network",
    unscopable: "network",
};

export const deployPolicyParts: readonly DeployPolicyPart[] = ["storage", "identity", "data", "network", "warehouse", "delivery"];

/**
 * The deploy role's policy, by part: one statement per scope with the actions every planned
 * resource type needs there, PassRole per receiving service for this stack's roles, and in dev
 * the object deletions that emptying `forceDestroy` buckets takes.
 */
export function deployPolicyDocuments(c: DeployScopeContext): Record<DeployPolicyPart, PolicyDocument> {
    const table = deployTableFor(c.features, c.connectionArn);
    const scopes = scopeStatements(c, table);
    const parts = Object.fromEntries(deployPolicyParts.map((part) => [part, [] as PolicyStatement[]])) as Record<
        DeployPolicyPart,
        PolicyStatement[]
    >;
    // The deployer runs the program too, so it reads what a preview reads.
    const readsOf: Partial<Record<DeployScope, string[]>> = {
        unscopable: previewActionsOn("unscopable", c.conditionalReads),
        catalog: [...previewActionsOn("catalog", c.conditionalReads), ...previewActionsOn("catalogTables", c.conditionalReads)],
        quicksightCredentials: previewActionsOn("quicksightCredentials", c.conditionalReads),
    };
    for (const scope of Object.keys(scopes) as DeployScope[]) {
        const actions = unique([...actionsOf(table, scope), ...(readsOf[scope] ?? [])]);
        if (actions.length === 0) continue;
        const { sid, resources, condition } = scopes[scope];
        parts[partOfScope[scope]].push({
            Sid: sid,
            Effect: "Allow",
            Action: actions,
            Resource: resources.length === 1 ? resources[0] : [...resources],
            ...(condition ? { Condition: condition } : {}),
        });
    }
    // Tagging on creation has to be granted on every key; these keep it from relabelling a key
    // that another project or environment has tagged as its own.
    if (actionsOf(table, "keyTagsOnCreation").length > 0) {
        for (const key of ["project", "environment"] as const) {
            parts.storage.push({
                Sid: `KeepKeysOfAnother${key.charAt(0).toUpperCase()}${key.slice(1)}`,
                Effect: "Deny",
                Action: ["kms:TagResource", "kms:UntagResource"],
                Resource: `arn:${c.partition}:kms:${c.region}:${c.accountId}:key/*`,
                Condition: { Null: { [`aws:ResourceTag/${key}`]: "false" }, StringNotEquals: { [`aws:ResourceTag/${key}`]: c.tags[key] } },
            });
        }
    }
    if (c.emptiesBucketsOnDelete) {
        parts.storage.push({
            Sid: "EmptyStackBucketsOnDelete",
            Effect: "Allow",
            Action: ["s3:DeleteObject", "s3:DeleteObjectVersion"],
            Resource: `arn:${c.partition}:s3:::${c.namePrefix}-*/*`,
        });
    }
    parts.identity.push(...passRoleStatements(c.passRoles));
    return Object.fromEntries(deployPolicyParts.map((part) => [part, { Version: "2012-10-17", Statement: parts[part] }])) as Record<
        DeployPolicyPart,
        PolicyDocument
    >;
}

/**
 * The read-only role's policy: what a preview reads (see `previewReads`). The test and policy
 * stages run offline and need no AWS access at all.
 */
export function readOnlyPolicyDocument(c: DeployScopeContext): PolicyDocument {
    const arn = (service: string, resource: string): string => `arn:${c.partition}:${service}:${c.region}:${c.accountId}:${resource}`;
    // What the reads name: the catalog, the stack's databases and tables, the QuickSight source's secret.
    const readResources: Record<PreviewRead["on"], { sid: string; resources: string[] }> = {
        unscopable: { sid: "WhatAPreviewReadsThatAwsCannotScope", resources: ["*"] },
        catalog: { sid: "TheAccountsCatalog", resources: [arn("glue", "catalog")] },
        catalogTables: {
            sid: "TheStacksTables",
            resources: [arn("glue", "catalog"), arn("glue", `database/${c.catalogPrefix}*`), arn("glue", `table/${c.catalogPrefix}*/*`)],
        },
        quicksightCredentials: {
            sid: "VersionsOfTheQuickSightRedshiftSecret",
            resources: [arn("secretsmanager", `secret:${quickSightRedshiftSecretName(c.namePrefix)}-*`)],
        },
    };
    return {
        Version: "2012-10-17",
        Statement: (Object.keys(readResources) as PreviewRead["on"][])
            .map((on) => ({ on, actions: previewActionsOn(on, c.conditionalReads) }))
            .filter(({ actions }) => actions.length > 0)
            .map(({ on, actions }) => ({
                Sid: readResources[on].sid,
                Effect: "Allow",
                Action: actions,
                Resource: readResources[on].resources.length === 1 ? readResources[on].resources[0] : readResources[on].resources,
            })),
    };
}

/** The AWS service principals a role's trust policy lets assume it. */
export function trustedServices(assumeRolePolicy: string): string[] {
    const document = JSON.parse(assumeRolePolicy) as { Statement?: unknown };
    const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    return unique(
        statements.flatMap((statement) => {
            const service = (statement as { Principal?: { Service?: unknown } } | undefined)?.Principal?.Service;
            return (Array.isArray(service) ? service : [service]).filter((value): value is string => typeof value === "string");
        }),
    );
}

export interface DeployerAccessArgs {
    /** The deploy policy is scoped by the stack's names, tags, account and region. */
    readonly context: StackContext;
    /** The role the pipeline's deploy stage runs `pulumi up` with. */
    readonly deployRoleName: pulumi.Input<string>;
    /** The role the test, policy and preview stages run with. */
    readonly readOnlyRoleName: pulumi.Input<string>;
    /** ARN of the permissions boundary every role of the stack carries. */
    readonly boundaryArn: string;
    /** The bucket the stack uploads Glue scripts and libraries to. */
    readonly assetBucket: pulumi.Input<string>;
    /** Roles the stack hands to services (Glue jobs, EventBridge targets, flow logs); each only to the services its trust policy names. */
    readonly passRoles: readonly aws.iam.Role[];
    /** The CodeConnections connection the pipeline's source uses; the deployer passes it to CodePipeline. */
    readonly connectionArn: string;
    /** Optional features the stack has configured; their resource types' actions are granted only with them. */
    readonly features: readonly DeployFeature[];
    /** The provider functions the program calls only under this stack's configuration (see `ConditionalRead`). */
    readonly conditionalReads: readonly ConditionalRead[];
}

/**
 * What the delivery pipeline may do to this stack. The deploy role gets the actions of every
 * resource type the stack plans, on this stack's names or tags, may create and change roles
 * only with the permissions boundary, and passes only this stack's roles to the services that
 * trust them. The read-only role gets what a preview reads. The CodeBuild basics of both roles
 * (logs, artifacts, the backend secret) belong to the pipeline component.
 */
export class DeployerAccess extends pulumi.ComponentResource {
    /** The deploy role's policy documents, by part. */
    readonly deployPolicies: Readonly<Record<DeployPolicyPart, pulumi.Output<string>>>;
    readonly readOnlyPolicy: pulumi.Output<string>;

    constructor(name: string, args: DeployerAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:cicd:DeployerAccess", name, {}, opts);

        const { names, partition, region, accountId, tags, protection } = args.context;
        const passRoles = pulumi.all(
            args.passRoles.map((role) =>
                pulumi.all([role.arn, role.assumeRolePolicy]).apply(([arn, trust]) => ({ arn, services: trustedServices(trust) })),
            ),
        );
        const context = pulumi.all([args.assetBucket, passRoles]).apply(([assetBucket, roles]): DeployScopeContext => ({
            partition,
            region,
            accountId,
            namePrefix: names.prefix,
            catalogPrefix: names.catalogPrefix,
            logGroupPrefix: names.logGroupPrefix,
            // Redshift names the audit log groups the stack creates for it after the namespace.
            serviceLogGroupPatterns: [names.serviceLogGroupPatterns.warehouseAudit],
            tags: { project: tags.project, environment: tags.environment },
            boundaryArn: args.boundaryArn,
            assetBucket,
            // Buckets are created with forceDestroy where data is not retained: deleting them deletes their objects.
            emptiesBucketsOnDelete: !protection.retainOnDelete,
            passRoles: roles,
            connectionArn: args.connectionArn,
            features: args.features,
            conditionalReads: args.conditionalReads,
        }));
        const documents = context.apply(deployPolicyDocuments);
        this.deployPolicies = Object.fromEntries(
            deployPolicyParts.map((part) => [part, documents.apply((byPart) => JSON.stringify(byPart[part]))]),
        ) as Record<DeployPolicyPart, pulumi.Output<string>>;
        for (const part of deployPolicyParts) {
            const policy = new aws.iam.Policy(
                `${name}-deploy-${part}`,
                {
                    name: names.resource(`deploy-${part}`),
                    path: "/",
                    description: `What the delivery pipeline's deploy stage may do to this stack: ${part}.`,
                    policy: this.deployPolicies[part],
                },
                { parent: this },
            );
            new aws.iam.RolePolicyAttachment(
                `${name}-deploy-${part}`,
                { role: args.deployRoleName, policyArn: policy.arn },
                { parent: this },
            );
        }

        this.readOnlyPolicy = context.apply((c) => JSON.stringify(readOnlyPolicyDocument(c)));
        new aws.iam.RolePolicy(
            `${name}-read-only`,
            { role: args.readOnlyRoleName, name: "preview-this-stack", policy: this.readOnlyPolicy },
            { parent: this },
        );

        this.registerOutputs({ deployPolicies: this.deployPolicies, readOnlyPolicy: this.readOnlyPolicy });
    }
}
