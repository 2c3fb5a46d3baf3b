import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PlatformConfig } from "../../config";
import type { LakeColumn } from "../catalog/lake-tables";
import { serviceTrustPolicy, type PolicyStatement, type TrustScope } from "../../lib/iam/documents";
import type { StackContext } from "../../lib/stack-context";

/** QuickSight column types (InputColumn.Type) for the Spark SQL types the gold job writes. */
export function quickSightColumnType(sparkType: string): "STRING" | "INTEGER" | "DECIMAL" | "DATETIME" {
    if (sparkType === "string") return "STRING";
    if (sparkType === "int" || sparkType === "bigint") return "INTEGER";
    if (/^decimal\(\d+,\d+\)$/.test(sparkType)) return "DECIMAL";
    if (sparkType === "date" || sparkType === "timestamp") return "DATETIME";
    throw new Error(`no QuickSight column type for the Spark type ${sparkType}; extend quickSightColumnType`);
}

/**
 * What configured principals may do: use the data source and datasets in their analyses
 * (the "viewer" action lists of the QuickSight developer guide). Pulumi owns the definitions,
 * so no principal gets update, delete or permission-changing actions that would drift from code.
 * Sorted, because the provider compares permission lists as written.
 */
export const dataSourceViewerActions = [
    "quicksight:DescribeDataSource",
    "quicksight:DescribeDataSourcePermissions",
    "quicksight:PassDataSource",
] as const;
export const dataSetViewerActions = [
    "quicksight:DescribeDataSet",
    "quicksight:DescribeDataSetPermissions",
    "quicksight:DescribeIngestion",
    "quicksight:ListIngestions",
    "quicksight:PassDataSet",
] as const;

/** One permission entry per principal, principals sorted, so plans never reorder them. */
export function viewerPermissions(principals: readonly string[], actions: readonly string[]): { principal: string; actions: string[] }[] {
    return [...new Set(principals)].sort().map((principal) => ({ principal, actions: [...actions].sort() }));
}

/** Whether what QuickSight's assets read already exists: AWS validates both when it creates them. */
export interface QuickSightReadiness {
    /** The gold tables that exist: the gold job creates each on its first run, and its dataset waits for it. */
    readonly goldTables: readonly string[];
    /** A person fills the Redshift source's secret after creating the database user; the source waits for it. */
    readonly redshiftCredentials: boolean;
}

/**
 * A table or secret that does not exist yet, as the provider reports it: its table lookup wraps
 * Glue's EntityNotFoundException as "couldn't find resource"; the secret lookup passes Secrets
 * Manager's ResourceNotFoundException through.
 */
const notFound = /couldn't find resource|ResourceNotFoundException/;

const isNotFound = (error: unknown): boolean => notFound.test(String((error as Error).message ?? error));

/**
 * Reads, at plan time, which gold tables exist and whether the Redshift source's secret has a
 * value (its version ids only, never the value), so a deploy creates only what AWS accepts.
 */
export async function quickSightReadiness(
    goldDatabase: string,
    goldTables: readonly string[],
    credentialsSecretName?: string,
): Promise<QuickSightReadiness> {
    const tableExists = (name: string): Promise<boolean> =>
        aws.glue.getCatalogTable({ databaseName: goldDatabase, name }).then(
            () => true,
            (error: unknown) => (isNotFound(error) ? false : Promise.reject(error)),
        );
    const hasCurrentVersion = (secretId: string): Promise<boolean> =>
        aws.secretsmanager.getSecretVersions({ secretId }).then(
            ({ versions }) => versions.some((version) => version.versionStages.includes("AWSCURRENT")),
            (error: unknown) => (isNotFound(error) ? false : Promise.reject(error)),
        );
    const [tables, credentials] = await Promise.all([
        Promise.all(goldTables.map(tableExists)),
        credentialsSecretName === undefined ? Promise.resolve(false) : hasCurrentVersion(credentialsSecretName),
    ]);
    return { goldTables: goldTables.filter((_, index) => tables[index]), redshiftCredentials: credentials };
}

/** The name of the secret the Redshift source's credentials live in, under the stack's `<project>-<stack>/`. */
export const quickSightRedshiftSecretName = (namePrefix: string): string => `${namePrefix}/quicksight-redshift`;

export interface QuickSightAnalyticsArgs {
    /** Where the stack deploys, how it names things and protects its data. */
    readonly context: StackContext;
    /** The stack's Athena workgroup: the data source runs every query through it. */
    readonly athena: {
        readonly workgroupName: string;
        readonly resultsBucket: pulumi.Input<string>;
        /** Key prefix of the workgroup's results (`<workgroup>/`). */
        readonly resultsPrefix: string;
    };
    readonly goldBucket: pulumi.Input<string>;
    readonly goldDatabase: string;
    /** Gold table name -> columns, as the gold job writes them (lake-schemas.json). */
    readonly goldTables: Readonly<Record<string, readonly LakeColumn[]>>;
    /** Encrypts the gold objects, the catalog and the query results. */
    readonly dataLakeKey: aws.kms.Key;
    /** Import mode, refresh time and principals from the stack's config. */
    readonly quicksight: Pick<PlatformConfig["analytics"]["quicksight"], "importMode" | "refreshTimeOfDay" | "principals">;
    /** What already exists for the datasets and the Redshift source (`quickSightReadiness`). */
    readonly readiness: QuickSightReadiness;
    /**
     * A second data source over the Redshift warehouse, through a QuickSight VPC connection.
     * @default undefined (Athena only)
     */
    readonly redshift?: RedshiftSourceArgs;
}

export interface RedshiftSourceArgs {
    /** The workgroup endpoint's address and port. */
    readonly host: pulumi.Input<string>;
    readonly port: number;
    readonly database: string;
    /** Private subnets the VPC connection's network interfaces go in (the workgroup's). */
    readonly subnetIds: pulumi.Input<string[]>;
    readonly vpcId: pulumi.Input<string>;
    /** The workgroup's security group: the connection reaches it on `port`, and it answers back. */
    readonly workgroupSecurityGroup: aws.ec2.SecurityGroup;
    /** Encrypts the database user's secret. */
    readonly secretsKey: aws.kms.Key;
    /** Days (7-30) a deleted secret can be restored. */
    readonly recoveryWindowDays: number;
}

/**
 * QuickSight over gold, through Athena.
 *
 * - The Athena data source runs as a role of its own (`parameters.athena.roleArn`), granted only
 *   query actions on the stack's workgroup, catalog reads on the gold database, object reads on
 *   the gold bucket, read/write on the workgroup's results prefix and the data-lake key through
 *   S3 and Glue; the account-wide QuickSight service role needs no access to the lake.
 * - One dataset per gold table with its columns and types stated (from the gold job's schema) and
 *   an explicit logical table: left implicit, AWS fills both in and every later plan shows a diff
 *   (terraform-provider-aws #30705).
 * - SPICE datasets refresh in full once a day at the configured UTC time, after the ETL; direct
 *   query datasets get no schedule (AWS rejects refresh settings on them: #31485).
 * - With `redshift`, a Redshift data source reaches the private warehouse through a VPC connection
 *   whose network interfaces carry a group of their own (the warehouse's port out; every TCP port in
 *   from the workgroup, since QuickSight's interfaces do not track connections), as a read-only
 *   database user whose credentials live in a secret created empty here (never in config or state).
 * - Order on a first deploy (README: QuickSight): datasets are created once the gold tables exist,
 *   the Redshift source once its secret has a value; until then a deploy creates the rest and says so.
 */
export class QuickSightAnalytics extends pulumi.ComponentResource {
    readonly athenaRole: aws.iam.Role;
    readonly athenaDataSource: aws.quicksight.DataSource;
    readonly dataSets: Readonly<Record<string, aws.quicksight.DataSet>>;
    readonly refreshSchedules: readonly aws.quicksight.RefreshSchedule[];
    /** Present when the Redshift source is configured. */
    readonly redshift?: {
        readonly vpcConnection: aws.quicksight.VpcConnection;
        /** QuickSight assumes it to place the connection's network interfaces. */
        readonly vpcConnectionRole: aws.iam.Role;
        /** The group of the connection's network interfaces. */
        readonly securityGroup: aws.ec2.SecurityGroup;
        /** Created once the credentials secret has a value. */
        readonly dataSource?: aws.quicksight.DataSource;
        /** Set by a person: JSON `{"username": ..., "password": ...}` of the read-only database user. */
        readonly credentials: aws.secretsmanager.Secret;
    };

    constructor(name: string, args: QuickSightAnalyticsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:analytics:QuickSightAnalytics", name, {}, opts);
        const { accountId, partition, region, names } = args.context;

        const { quicksight } = args;
        const tables = Object.keys(args.goldTables).sort();
        if (tables.length === 0) throw new Error("QuickSightAnalytics: goldTables is empty; there is nothing to build datasets on");

        this.athenaRole = this.quickSightRole(
            `${name}-athena`,
            names.resource("quicksight-athena"),
            "Runs the QuickSight Athena data source's queries over gold.",
            args.context,
        );

        const athenaPolicy = new aws.iam.RolePolicy(
            `${name}-athena`,
            {
                role: this.athenaRole.name,
                name: "athena-over-gold",
                policy: pulumi
                    .all([pulumi.output(args.goldBucket), pulumi.output(args.athena.resultsBucket), args.dataLakeKey.arn])
                    .apply(([goldBucket, resultsBucket, dataLakeKeyArn]) =>
                        JSON.stringify({
                            Version: "2012-10-17",
                            Statement: athenaSourceStatements({
                                partition,
                                region,
                                accountId,
                                workgroupName: args.athena.workgroupName,
                                resultsBucket,
                                resultsPrefix: args.athena.resultsPrefix,
                                goldBucket,
                                goldDatabase: args.goldDatabase,
                                dataLakeKeyArn,
                            }),
                        }),
                    ),
            },
            { parent: this },
        );

        this.athenaDataSource = new aws.quicksight.DataSource(
            `${name}-athena`,
            {
                dataSourceId: names.resource("athena-gold", 128),
                name: `${names.prefix} gold (Athena)`,
                type: "ATHENA",
                parameters: { athena: { workGroup: args.athena.workgroupName, roleArn: this.athenaRole.arn } },
                sslProperties: { disableSsl: false },
                permissions: viewerPermissions(quicksight.principals, dataSourceViewerActions),
            },
            // QuickSight checks the role's access when it creates the data source.
            { parent: this, dependsOn: [athenaPolicy] },
        );

        const waiting = tables.filter((table) => !args.readiness.goldTables.includes(table));
        if (waiting.length > 0) {
            pulumi.log.warn(
                `QuickSight datasets over ${waiting.join(", ")} wait for those tables, which the gold job creates on its first run: ` +
                    "run the ETL workflow once, then deploy again (README: QuickSight).",
                this,
            );
        }
        // Per table, so a release that adds a gold table never takes away the other tables' datasets.
        const ready = tables.filter((table) => args.readiness.goldTables.includes(table));
        const dataSets = ready.map((table) => {
            // Map keys allow letters, digits and hyphens only.
            const tableId = table.replace(/_/g, "-");
            const dataSet = new aws.quicksight.DataSet(
                `${name}-${tableId}`,
                {
                    dataSetId: names.resource(`gold-${tableId}`, 128),
                    name: `${names.prefix} ${table}`,
                    importMode: quicksight.importMode,
                    physicalTableMaps: [
                        {
                            physicalTableMapId: tableId,
                            relationalTable: {
                                dataSourceArn: this.athenaDataSource.arn,
                                catalog: "AwsDataCatalog",
                                schema: args.goldDatabase,
                                name: table,
                                inputColumns: (args.goldTables[table] ?? []).map((column) => ({
                                    name: column.name,
                                    type: quickSightColumnType(column.type),
                                })),
                            },
                        },
                    ],
                    logicalTableMaps: [{ logicalTableMapId: tableId, alias: table, source: { physicalTableId: tableId } }],
                    // AWS reports these defaults back; stating them keeps plans empty.
                    dataSetUsageConfiguration: { disableUseAsDirectQuerySource: false, disableUseAsImportedSource: false },
                    permissions: viewerPermissions(quicksight.principals, dataSetViewerActions),
                },
                { parent: this },
            );
            return { table, tableId, dataSet };
        });
        this.dataSets = Object.fromEntries(dataSets.map(({ table, dataSet }) => [table, dataSet]));

        // No startAfterDateTime: a fixed start date lies in the past on a later update, which AWS rejects.
        this.refreshSchedules =
            quicksight.importMode === "SPICE"
                ? dataSets.map(
                      ({ tableId, dataSet }) =>
                          new aws.quicksight.RefreshSchedule(
                              `${name}-${tableId}-refresh`,
                              {
                                  dataSetId: dataSet.dataSetId,
                                  scheduleId: "daily-full-refresh",
                                  schedule: {
                                      refreshType: "FULL_REFRESH",
                                      scheduleFrequency: { interval: "DAILY", timeOfTheDay: quicksight.refreshTimeOfDay, timezone: "UTC" },
                                  },
                              },
                              { parent: this },
                          ),
                  )
                : [];

        this.redshift = args.redshift && this.redshiftSource(name, args, args.redshift);

        this.registerOutputs({
            athenaDataSource: this.athenaDataSource.arn,
            redshiftDataSource: this.redshift?.dataSource?.arn,
            dataSets: Object.fromEntries(dataSets.map(({ table, dataSet }) => [table, dataSet.arn])),
        });
    }

    /** A role QuickSight may assume; the deployer passes it to QuickSight only. */
    private quickSightRole(resourceName: string, roleName: string, description: string, scope: TrustScope): aws.iam.Role {
        return new aws.iam.Role(
            resourceName,
            {
                name: roleName,
                description,
                assumeRolePolicy: JSON.stringify(serviceTrustPolicy("quicksight.amazonaws.com", scope)),
                maxSessionDuration: 3600,
            },
            { parent: this },
        );
    }

    private redshiftSource(name: string, args: QuickSightAnalyticsArgs, redshift: RedshiftSourceArgs): QuickSightAnalytics["redshift"] {
        const { names, partition, region, accountId } = args.context;
        // QuickSight's network interfaces do not track connections: replies from the warehouse need
        // an inbound rule of their own (QuickSight user guide, "Security groups: inbound and outbound rules").
        const securityGroup = new aws.ec2.SecurityGroup(
            `${name}-vpc-connection`,
            { vpcId: redshift.vpcId, description: "QuickSight VPC connection to the Redshift Serverless workgroup" },
            { parent: this },
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-vpc-connection-to-warehouse`,
            {
                securityGroupId: securityGroup.id,
                description: "Redshift on the workgroup",
                ipProtocol: "tcp",
                fromPort: redshift.port,
                toPort: redshift.port,
                referencedSecurityGroupId: redshift.workgroupSecurityGroup.id,
            },
            { parent: this },
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-vpc-connection-replies`,
            {
                securityGroupId: securityGroup.id,
                description: "Replies from the workgroup (QuickSight's interfaces are not stateful)",
                ipProtocol: "tcp",
                fromPort: 0,
                toPort: 65535,
                referencedSecurityGroupId: redshift.workgroupSecurityGroup.id,
            },
            { parent: this },
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-warehouse-from-vpc-connection`,
            {
                securityGroupId: redshift.workgroupSecurityGroup.id,
                description: "Redshift from QuickSight's VPC connection",
                ipProtocol: "tcp",
                fromPort: redshift.port,
                toPort: redshift.port,
                referencedSecurityGroupId: securityGroup.id,
            },
            { parent: this },
        );
        const role = this.quickSightRole(
            `${name}-vpc-connection`,
            names.resource("quicksight-vpc"),
            "Lets QuickSight manage the network interfaces of its VPC connection to the warehouse.",
            args.context,
        );
        const policy = new aws.iam.RolePolicy(
            `${name}-vpc-connection`,
            {
                role: role.name,
                name: "vpc-connection-network-interfaces",
                policy: pulumi.all([pulumi.output(redshift.subnetIds), securityGroup.id]).apply(([subnetIds, securityGroupId]) =>
                    JSON.stringify({
                        Version: "2012-10-17",
                        Statement: vpcConnectionStatements({ partition, region, accountId, subnetIds, securityGroupId }),
                    }),
                ),
            },
            { parent: this },
        );
        const vpcConnection = new aws.quicksight.VpcConnection(
            `${name}-warehouse`,
            {
                vpcConnectionId: names.resource("warehouse"),
                name: `${names.prefix} warehouse`,
                roleArn: role.arn,
                subnetIds: redshift.subnetIds,
                securityGroupIds: [securityGroup.id],
            },
            { parent: this, dependsOn: [policy] },
        );
        const credentials = new aws.secretsmanager.Secret(
            `${name}-redshift-credentials`,
            {
                name: quickSightRedshiftSecretName(names.prefix),
                description:
                    'Read-only warehouse user QuickSight connects as. Set by a person when creating the user: JSON {"username","password"} (README: QuickSight).',
                kmsKeyId: redshift.secretsKey.arn,
                recoveryWindowInDays: redshift.recoveryWindowDays,
            },
            { parent: this },
        );
        if (!args.readiness.redshiftCredentials) {
            pulumi.log.warn(
                "The QuickSight Redshift data source waits for its credentials: create the read-only database user, put " +
                    `{"username","password"} into ${quickSightRedshiftSecretName(names.prefix)}, then deploy again (README: QuickSight).`,
                this,
            );
            return { vpcConnection, vpcConnectionRole: role, securityGroup, credentials };
        }
        const dataSource = new aws.quicksight.DataSource(
            `${name}-redshift`,
            {
                dataSourceId: names.resource("redshift-warehouse", 128),
                name: `${names.prefix} warehouse (Redshift)`,
                type: "REDSHIFT",
                parameters: { redshift: { host: redshift.host, port: redshift.port, database: redshift.database } },
                credentials: { secretArn: credentials.arn },
                vpcConnectionProperties: { vpcConnectionArn: vpcConnection.arn },
                sslProperties: { disableSsl: false },
                permissions: viewerPermissions(args.quicksight.principals, dataSourceViewerActions),
            },
            { parent: this },
        );
        return { vpcConnection, vpcConnectionRole: role, securityGroup, dataSource, credentials };
    }
}

export interface VpcConnectionScope {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    readonly subnetIds: readonly string[];
    readonly securityGroupId: string;
}

/**
 * The VPC connection role's grants (QuickSight user guide, "Configuring the VPC connection"):
 * network interfaces only in the given subnets with the given group; the two Describe calls
 * have no resource-level permission.
 */
export function vpcConnectionStatements(scope: VpcConnectionScope): PolicyStatement[] {
    const ec2Arn = (resource: string): string => `arn:${scope.partition}:ec2:${scope.region}:${scope.accountId}:${resource}`;
    const networkInterfaces = ec2Arn("network-interface/*");
    const securityGroup = ec2Arn(`security-group/${scope.securityGroupId}`);
    return [
        {
            Sid: "CreateInterfacesInTheWarehouseSubnets",
            Effect: "Allow",
            Action: ["ec2:CreateNetworkInterface"],
            Resource: [networkInterfaces, securityGroup, ...scope.subnetIds.map((subnetId) => ec2Arn(`subnet/${subnetId}`))],
        },
        {
            Sid: "ManageTheInterfaces",
            Effect: "Allow",
            Action: ["ec2:DeleteNetworkInterface", "ec2:ModifyNetworkInterfaceAttribute"],
            Resource: [networkInterfaces, securityGroup],
        },
        {
            Sid: "DescribeTheNetwork",
            Effect: "Allow",
            Action: ["ec2:DescribeSecurityGroups", "ec2:DescribeSubnets"],
            Resource: "*",
        },
    ];
}

export interface AthenaSourceScope {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    readonly workgroupName: string;
    readonly resultsBucket: string;
    readonly resultsPrefix: string;
    readonly goldBucket: string;
    readonly goldDatabase: string;
    readonly dataLakeKeyArn: string;
}

/** Everything the Athena data source's role may do, and nothing more. */
export function athenaSourceStatements(scope: AthenaSourceScope): PolicyStatement[] {
    const { partition, region, accountId } = scope;
    const glueArn = (resource: string): string => `arn:${partition}:glue:${region}:${accountId}:${resource}`;
    const bucketArn = (bucket: string): string => `arn:${partition}:s3:::${bucket}`;
    return [
        {
            Sid: "RunQueriesInTheWorkgroup",
            Effect: "Allow",
            Action: [
                "athena:BatchGetQueryExecution",
                "athena:GetQueryExecution",
                "athena:GetQueryResults",
                "athena:GetQueryResultsStream",
                "athena:GetWorkGroup",
                "athena:ListQueryExecutions",
                "athena:StartQueryExecution",
                "athena:StopQueryExecution",
            ],
            Resource: `arn:${partition}:athena:${region}:${accountId}:workgroup/${scope.workgroupName}`,
        },
        // What AWSQuicksightAthenaAccess grants for browsing and reading the catalog, read-only and on gold.
        {
            Sid: "BrowseTheAthenaCatalog",
            Effect: "Allow",
            Action: [
                "athena:GetDataCatalog",
                "athena:GetDatabase",
                "athena:GetTableMetadata",
                "athena:ListDatabases",
                "athena:ListTableMetadata",
            ],
            Resource: `arn:${partition}:athena:${region}:${accountId}:datacatalog/AwsDataCatalog`,
        },
        { Sid: "ListAthenaCatalogs", Effect: "Allow", Action: ["athena:ListDataCatalogs"], Resource: "*" },
        {
            Sid: "ReadTheGoldCatalog",
            Effect: "Allow",
            Action: [
                "glue:GetDatabase",
                "glue:GetDatabases",
                "glue:GetTable",
                "glue:GetTables",
                "glue:GetPartition",
                "glue:GetPartitions",
                "glue:BatchGetPartition",
            ],
            Resource: [glueArn("catalog"), glueArn(`database/${scope.goldDatabase}`), glueArn(`table/${scope.goldDatabase}/*`)],
        },
        {
            Sid: "ReadGoldObjects",
            Effect: "Allow",
            Action: ["s3:GetObject"],
            Resource: `${bucketArn(scope.goldBucket)}/*`,
        },
        {
            Sid: "ListGold",
            Effect: "Allow",
            Action: ["s3:GetBucketLocation", "s3:ListBucket"],
            Resource: bucketArn(scope.goldBucket),
        },
        {
            Sid: "ReadAndWriteQueryResults",
            Effect: "Allow",
            Action: ["s3:AbortMultipartUpload", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"],
            Resource: `${bucketArn(scope.resultsBucket)}/${scope.resultsPrefix}*`,
        },
        {
            Sid: "ListQueryResults",
            Effect: "Allow",
            Action: ["s3:ListBucket"],
            Resource: bucketArn(scope.resultsBucket),
            Condition: { StringLike: { "s3:prefix": [scope.resultsPrefix, `${scope.resultsPrefix}*`] } },
        },
        // s3:prefix is not a condition key of ListBucketMultipartUploads, so it is granted on the bucket.
        {
            Sid: "LocateQueryResultsAndTheirUploads",
            Effect: "Allow",
            Action: ["s3:GetBucketLocation", "s3:ListBucketMultipartUploads"],
            Resource: bucketArn(scope.resultsBucket),
        },
        {
            Sid: "UseTheDataLakeKeyThroughS3",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: scope.dataLakeKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` } },
        },
    ];
}
