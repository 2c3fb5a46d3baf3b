import type { PolicyDocument, PolicyStatement } from "../../lib/iam/documents";
import { quickSightRedshiftSecretName } from "../analytics/quicksight-analytics";
import { deployActionsByResourceType } from "./deploy-actions";
import {
    deployPolicyParts,
    deployScopes,
    scopeStatements,
    type DeployPolicyPart,
    type DeployScope,
    type DeployScopeContext,
    type ResourceTypeActions,
} from "./deploy-scopes";

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

/** A role the deployer hands to a service, with the service principals its trust policy names. */
export interface PassableRole {
    readonly arn: string;
    readonly services: readonly string[];
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
 * The deploy role's policy, by part: one statement per scope with the actions every planned
 * resource type needs there, PassRole per receiving service for this stack's roles, and in dev
 * the object deletions that emptying `forceDestroy` buckets takes.
 */
export function deployPolicyDocuments(c: DeployScopeContext): Record<DeployPolicyPart, PolicyDocument> {
    const table = deployTableFor(c.features, c.connectionArn);
    const scopes = scopeStatements(c, actionsOf(table, "networkCreation"));
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
        parts[deployScopes[scope]].push({
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
