import { quickSightRedshiftSecretName } from "../analytics/quicksight-analytics";
import type { RequiredTags } from "../../config";
import type { DeployFeature, ConditionalRead, PassableRole } from "./deploy-policy";

/**
 * The deploy policy comes in parts, each a managed policy: one document would exceed IAM's
 * 10,240-character limit for a role's inline policies (and a managed policy's 6,144).
 */
export type DeployPolicyPart = "storage" | "identity" | "data" | "network" | "warehouse" | "delivery";

export const deployPolicyParts: readonly DeployPolicyPart[] = ["storage", "identity", "data", "network", "warehouse", "delivery"];

/**
 * Where a group of deploy actions applies. Each scope becomes one statement of the deploy
 * policy: its resources are the ARNs of this stack (by naming prefix), or its conditions pin
 * the request or the resource to this stack's tags where AWS names resources by id.
 * The record lists every scope with the part of the deploy policy that holds its statement.
 */
export const deployScopes = {
    buckets: "storage",
    assetObjects: "storage",
    keyCreation: "storage",
    taggedCreation: "data",
    keyTagsOnCreation: "storage",
    stackKeys: "storage",
    stackKeysThroughServices: "storage",
    keyAliases: "storage",
    logGroups: "data",
    logGroupListing: "data",
    roles: "identity",
    rolePermissions: "identity",
    policyAttachments: "identity",
    managedPolicies: "identity",
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
} as const satisfies Readonly<Record<string, DeployPolicyPart>>;

export type DeployScope = keyof typeof deployScopes;

/** The deploy actions one resource type needs (create, read, update, delete, tag), by scope. */
export type ResourceTypeActions = Readonly<Partial<Record<DeployScope, readonly string[]>>>;

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
export interface ScopeStatement {
    readonly sid: string;
    readonly resources: readonly string[];
    readonly condition?: Record<string, Record<string, string | string[]>>;
}

/** Each scope's statement: its Sid, the stack's resources (or `*` under conditions) and conditions. `creations` are the network creation actions the stack calls. */
export function scopeStatements(c: DeployScopeContext, creations: readonly string[]): Record<DeployScope, ScopeStatement> {
    const arn = (service: string, resource: string): string => `arn:${c.partition}:${service}:${c.region}:${c.accountId}:${resource}`;
    const requestTags = { "aws:RequestTag/project": c.tags.project, "aws:RequestTag/environment": c.tags.environment };
    const resourceTags = { "aws:ResourceTag/project": c.tags.project, "aws:ResourceTag/environment": c.tags.environment };
    const anyKey = arn("kms", "key/*");
    const network = networkResourceTypes.map((type) => arn("ec2", `${type}/*`));
    const warehouse = ["namespace", "workgroup"].map((type) => arn("redshift-serverless", `${type}/*`));
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
