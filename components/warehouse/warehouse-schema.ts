import * as fs from "node:fs";
import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { contentHash, type LibraryEntry } from "../etl/glue-library";
import { serviceTrustPolicy } from "../../lib/iam/documents";
import type { StackContext } from "../../lib/stack-context";

const repoRoot = path.join(__dirname, "..", "..");

/** Schemas the function creates; the warehouse-load Glue job passes the same as `--external_schema` and `--warehouse_schema`. */
export const warehouseSchemaNames = { external: "gold_ext", warehouse: "warehouse" } as const;

/** What the function needs of the warehouse; `RedshiftWarehouse` provides it. */
export interface WarehouseEndpoint extends pulumi.Resource {
    readonly namespace: aws.redshiftserverless.Namespace;
    readonly workgroup: aws.redshiftserverless.Workgroup;
    readonly databaseName: string;
    readonly spectrumRole: aws.iam.Role;
}

export interface WarehouseSchemaArgs {
    /** Where the stack deploys, how it names things and protects its data. */
    readonly context: StackContext;
    /** The invocation waits for every resource in it (workgroup, Spectrum role and its policy). */
    readonly warehouse: WarehouseEndpoint;
    /** The gold Glue database behind the Spectrum external schema. */
    readonly goldDatabase: aws.glue.CatalogDatabase;
    /** Encrypts the namespace's admin secret; the function decrypts it only through Secrets Manager. */
    readonly secretsKey: aws.kms.Key;
    /** Encrypts the function's log group. */
    readonly logsKey: aws.kms.Key;
}

/**
 * What the function's zip holds: the handler, the lakehouse modules it imports and the schema
 * phase's SQL, under the names `lakehouse.resources` finds them by. Built by Pulumi from the
 * files, so deploying needs neither Python nor network.
 */
export function schemaFunctionEntries(root = repoRoot): LibraryEntry[] {
    const modules = ["__init__.py", "resources.py", "warehouse_load.py", "warehouse_sql.py"];
    const sql = path.join(root, "warehouse", "sql", "schema");
    return [
        { name: "handler.py", source: path.join(root, "functions", "warehouse-schema", "handler.py") },
        ...modules.map((module) => ({ name: `lakehouse/${module}`, source: path.join(root, "glue-scripts", "lakehouse", module) })),
        ...fs
            .readdirSync(sql)
            .filter((file) => file.endsWith(".sql"))
            .sort()
            .map((file) => ({ name: `lakehouse/sql/schema/${file}`, source: path.join(sql, file) })),
    ];
}

export interface SchemaFunctionAccess {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    readonly workgroupArn: string;
    readonly adminSecretArn: string;
    readonly secretsKeyArn: string;
    readonly logGroupName: string;
}

/**
 * Least privilege of the function: statements on this workgroup only, the status of its own
 * statements (DescribeStatement has no resource type; the owner condition limits it to this
 * role's), the admin secret and its key through Secrets Manager, and its own log group.
 */
export function schemaFunctionPolicy(access: SchemaFunctionAccess): { Version: string; Statement: Record<string, unknown>[] } {
    const { partition, region, accountId } = access;
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "RunStatementsOnTheWarehouse",
                Effect: "Allow",
                Action: ["redshift-data:ExecuteStatement"],
                Resource: access.workgroupArn,
            },
            {
                Sid: "FollowOwnStatements",
                Effect: "Allow",
                Action: ["redshift-data:DescribeStatement"],
                Resource: "*",
                Condition: { StringEquals: { "redshift-data:statement-owner-iam-userid": "${aws:userid}" } },
            },
            { Sid: "SignInAsTheAdmin", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: access.adminSecretArn },
            {
                Sid: "DecryptTheAdminSecretThroughSecretsManager",
                Effect: "Allow",
                Action: ["kms:Decrypt"],
                Resource: access.secretsKeyArn,
                Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${region}.amazonaws.com` } },
            },
            {
                Sid: "WriteOwnLogs",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `arn:${partition}:logs:${region}:${accountId}:log-group:${access.logGroupName}:*`,
            },
        ],
    };
}

/**
 * The warehouse's deploy-time SQL: a Lambda function (functions/warehouse-schema) that signs in
 * with the namespace's AWS-managed admin secret and creates the Spectrum external schema, the
 * warehouse tables, the loader's database user and its grants, invoked by the deployment.
 *
 * The invocation runs on create only (`CREATE_ONLY`): again when its input (the names and ARNs
 * it renders into the SQL) changes, which replaces it, or when `triggers` changes, i.e. the
 * content hash of the handler, renderer and schema SQL. Every statement is idempotent, so a
 * re-run is harmless. Deleting it invokes nothing: no warehouse data is ever dropped.
 */
export class WarehouseSchema extends pulumi.ComponentResource {
    readonly function: aws.lambda.Function;
    readonly role: aws.iam.Role;
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly invocation: aws.lambda.Invocation;
    /** sha256 of the handler, renderer and schema SQL the function runs. */
    readonly schemaHash: string;

    constructor(name: string, args: WarehouseSchemaArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:warehouse:WarehouseSchema", name, {}, opts);
        const { accountId, partition, region, names } = args.context;
        const { logRetentionDays } = args.context.protection;

        const { warehouse } = args;
        const functionName = names.resource("warehouse-schema");
        const logGroupName = names.logGroup("warehouse-schema");
        const entries = schemaFunctionEntries();
        this.schemaHash = contentHash(entries);

        this.logGroup = new aws.cloudwatch.LogGroup(
            name,
            { name: logGroupName, kmsKeyId: args.logsKey.arn, retentionInDays: logRetentionDays },
            { parent: this },
        );

        this.role = new aws.iam.Role(
            name,
            {
                name: functionName,
                description: "Applies the warehouse schema SQL at deploy time (functions/warehouse-schema).",
                assumeRolePolicy: JSON.stringify(serviceTrustPolicy("lambda.amazonaws.com", args.context)),
                maxSessionDuration: 3600,
            },
            { parent: this },
        );
        const policy = new aws.iam.RolePolicy(
            name,
            {
                role: this.role.name,
                name: "warehouse-schema-access",
                policy: pulumi
                    .all([warehouse.workgroup.arn, warehouse.namespace.adminPasswordSecretArn, args.secretsKey.arn])
                    .apply(([workgroupArn, adminSecretArn, secretsKeyArn]) =>
                        JSON.stringify(
                            schemaFunctionPolicy({
                                partition,
                                region,
                                accountId,
                                workgroupArn,
                                adminSecretArn,
                                secretsKeyArn,
                                logGroupName,
                            }),
                        ),
                    ),
            },
            { parent: this },
        );

        this.function = new aws.lambda.Function(
            name,
            {
                name: functionName,
                description: "Creates the warehouse's external schema, tables, loader user and grants (warehouse/sql/schema).",
                role: this.role.arn,
                runtime: "python3.12",
                architectures: ["arm64"],
                handler: "handler.handler",
                code: new pulumi.asset.AssetArchive(
                    Object.fromEntries(entries.map((entry) => [entry.name, new pulumi.asset.FileAsset(entry.source)])),
                ),
                // Serverless may resume from pause before the first statement; the handler keeps 10 s to report.
                timeout: 600,
                memorySize: 256,
                loggingConfig: { logFormat: "JSON", logGroup: this.logGroup.name, applicationLogLevel: "INFO", systemLogLevel: "WARN" },
            },
            { parent: this, dependsOn: [policy] },
        );

        this.invocation = new aws.lambda.Invocation(
            name,
            {
                functionName: this.function.name,
                lifecycleScope: "CREATE_ONLY",
                triggers: { schemaHash: this.schemaHash },
                input: pulumi.jsonStringify({
                    workgroupName: warehouse.workgroup.workgroupName,
                    database: warehouse.databaseName,
                    adminSecretArn: warehouse.namespace.adminPasswordSecretArn,
                    externalSchema: warehouseSchemaNames.external,
                    warehouseSchema: warehouseSchemaNames.warehouse,
                    goldDatabase: args.goldDatabase.name,
                    spectrumRoleArn: warehouse.spectrumRole.arn,
                    loaderRole: names.warehouseLoaderRole,
                }),
            },
            { parent: this, dependsOn: [warehouse, args.goldDatabase] },
        );

        this.registerOutputs({
            functionName: this.function.name,
            logGroupName: this.logGroup.name,
            schemaHash: this.schemaHash,
        });
    }
}
