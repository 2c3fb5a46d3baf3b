/**
 * What the offline plan answers in place of AWS: provider function results and the outputs a
 * created resource would have. Ids and ARNs have the shapes AWS and the provider return for each
 * type (a UUID key id, `secret:<name>-<6 characters>`, `sg-<17 hex>`, `<catalog>:<database>`),
 * derived from the resource's name so documents are reproducible, with a fixed placeholder account.
 */
import { createHash } from "node:crypto";
import { ResourceNames } from "../lib/naming/resource-names";

export const offlineAccountId = "111111111111";

const digest = (value: string): string => createHash("sha256").update(value).digest("hex");

/** A UUID-shaped id derived from a name, for services that identify resources by UUID. */
function uuidFor(value: string): string {
    const hex = digest(value);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** `<prefix>-<17 hex>`, the shape of EC2 resource ids (sg-, vpce-, fl-, sgr-). */
const ec2Id = (prefix: string, name: string): string => `${prefix}-${digest(`${prefix}:${name}`).slice(0, 17)}`;

/** The random suffix Secrets Manager appends to a secret's name in its ARN: six letters and digits. */
function secretSuffix(name: string): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const bytes = createHash("sha256").update(`secret:${name}`).digest();
    return [...bytes.subarray(0, 6)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

/** A failed provider call as the engine reports it: the SDK rethrows the gRPC error's `details`. */
function providerError(message: string): Error {
    return Object.assign(new Error(message), { details: message });
}

/**
 * What the account holds besides this stack's resources. By default the ETL has created every gold
 * table and a person has filled the secrets people supply; a first deploy has neither, and a
 * release that adds a gold table meets an account without that one table.
 */
export interface OfflineWorld {
    readonly firstDeploy: boolean;
    /** Gold tables the account does not have yet (every one on a first deploy). */
    readonly missingTables: readonly string[];
}

/** Where the offline plan runs: the stack's region and physical names, and what the account holds. */
export interface OfflineContext {
    readonly region: string;
    /** The stack's naming scheme, for what an earlier deploy of it left in the account. */
    readonly names: ResourceNames;
    readonly world: OfflineWorld;
}

export function callResult(
    token: string,
    inputs: Record<string, unknown>,
    { region, names, world }: OfflineContext,
): Record<string, unknown> {
    switch (token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return {
                accountId: offlineAccountId,
                arn: `arn:aws:iam::${offlineAccountId}:user/offline-plan`,
                userId: "AIDAOFFLINEPLAN",
                id: offlineAccountId,
            };
        case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" };
        case "aws:index/getRegion:getRegion":
            return { name: region, region, endpoint: `ec2.${region}.amazonaws.com`, description: region, id: region };
        case "aws:index/getAvailabilityZones:getAvailabilityZones":
            return { names: ["a", "b", "c"].map((zone) => `${region}${zone}`), zoneIds: [1, 2, 3].map((n) => `az${n}`), id: region };
        // As the stack that manages the account's setting leaves it (components/catalog/data-catalog-encryption.ts):
        // this stack, as far as a stack that manages it is concerned; another one otherwise.
        case "aws:glue/getDataCatalogEncryptionSettings:getDataCatalogEncryptionSettings": {
            const keyArn = `arn:aws:kms:${region}:${offlineAccountId}:key/${uuidFor("key:glue-catalog")}`;
            return {
                catalogId: inputs["catalogId"],
                id: inputs["catalogId"],
                region,
                dataCatalogEncryptionSettings: [
                    {
                        encryptionAtRests: [
                            {
                                catalogEncryptionMode: "SSE-KMS-WITH-SERVICE-ROLE",
                                sseAwsKmsKeyId: keyArn,
                                catalogEncryptionServiceRole: `arn:aws:iam::${offlineAccountId}:role/${names.catalogEncryptionRole}`,
                            },
                        ],
                        connectionPasswordEncryptions: [{ awsKmsKeyId: keyArn, returnConnectionPasswordEncrypted: true }],
                    },
                ],
            };
        }
        // The gold job creates its Iceberg tables on its first run. The provider reports a missing
        // table as "couldn't find resource" (it wraps Glue's EntityNotFoundException).
        case "aws:glue/getCatalogTable:getCatalogTable": {
            const database = String(inputs["databaseName"]);
            const table = String(inputs["name"]);
            if (world.firstDeploy || world.missingTables.includes(table))
                throw providerError(`reading Glue Catalog Table (${offlineAccountId}:${database}:${table}): couldn't find resource`);
            return {
                id: `${offlineAccountId}:${database}:${table}`,
                arn: `arn:aws:glue:${region}:${offlineAccountId}:table/${database}/${table}`,
                catalogId: offlineAccountId,
                databaseName: database,
                name: table,
                tableType: "EXTERNAL_TABLE",
                parameters: { table_type: "ICEBERG" },
            };
        }
        // A person puts the first version into a secret the stack created empty.
        case "aws:secretsmanager/getSecretVersions:getSecretVersions": {
            const secretId = String(inputs["secretId"]);
            if (world.firstDeploy)
                throw providerError(
                    `reading Secrets Manager Secret Versions (${secretId}): ResourceNotFoundException: Secrets Manager can't find the specified secret.`,
                );
            return {
                id: secretId,
                secretId,
                region,
                versions: [
                    {
                        versionId: uuidFor(`version:${secretId}`),
                        versionStages: ["AWSCURRENT"],
                        createdTime: "2026-11-01T00:00:00Z",
                        lastAccessedDate: "2026-11-01T00:00:00Z",
                    },
                ],
            };
        }
        case "aws:ec2/getPrefixList:getPrefixList":
            return { id: "pl-6da54004", prefixListId: "pl-6da54004", name: inputs["name"], cidrBlocks: ["52.218.0.0/17"], region };
        default:
            throw new Error(`the offline plan has no answer for ${token}(${JSON.stringify(inputs)}); add one to harness/offline-aws.ts`);
    }
}

interface Shape {
    readonly id: string;
    readonly state: Record<string, unknown>;
}

type ShapeOf = (context: {
    readonly name: string;
    /** The resource's own name input, or the name Pulumi would generate (`<logical name>-<7 hex>`). */
    readonly physical: (key: string) => string;
    readonly str: (key: string) => string | undefined;
    readonly port?: number;
    readonly arn: (service: string, resource: string) => string;
    readonly region: string;
    readonly account: string;
}) => Shape;

const named = (id: string, arn: string, extra: Record<string, unknown> = {}): Shape => ({ id, state: { arn, ...extra } });

/**
 * Per resource type, the id the provider stores and the attributes AWS reports (the Terraform
 * AWS provider's `d.SetId` and the ARN formats of the Service Authorization Reference).
 */
const shapes: Readonly<Record<string, ShapeOf>> = {
    "aws:s3/bucket:Bucket": ({ physical, region }) => {
        const bucket = physical("bucket");
        return {
            id: bucket,
            state: { bucket, arn: `arn:aws:s3:::${bucket}`, bucketRegionalDomainName: `${bucket}.s3.${region}.amazonaws.com`, region },
        };
    },
    // The bucket's settings are identified by the bucket's name.
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": ({ str, name }) => ({ id: str("bucket") ?? name, state: {} }),
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": ({ str, name }) => ({ id: str("bucket") ?? name, state: {} }),
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": ({ str, name }) => ({
        id: str("bucket") ?? name,
        state: {},
    }),
    "aws:s3/bucketVersioning:BucketVersioning": ({ str, name }) => ({ id: str("bucket") ?? name, state: {} }),
    "aws:s3/bucketPolicy:BucketPolicy": ({ str, name }) => ({ id: str("bucket") ?? name, state: {} }),
    "aws:s3/bucketLogging:BucketLogging": ({ str, name }) => ({ id: str("bucket") ?? name, state: {} }),
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": ({ str, name }) => ({ id: str("bucket") ?? name, state: {} }),
    "aws:s3/bucketNotification:BucketNotification": ({ str, name }) => ({ id: str("bucket") ?? name, state: {} }),
    "aws:s3/bucketObjectv2:BucketObjectv2": ({ str, name }) => {
        const key = str("key") ?? name;
        return {
            id: key,
            state: {
                key,
                arn: `arn:aws:s3:::${str("bucket") ?? ""}/${key}`,
                versionId: digest(`version:${key}`).slice(0, 32),
                etag: digest(`etag:${key}`).slice(0, 32),
            },
        };
    },
    // A single-Region key: a UUID (multi-Region keys alone start with mrk-).
    "aws:kms/key:Key": ({ name, arn }) => {
        const keyId = uuidFor(`key:${name}`);
        return { id: keyId, state: { keyId, arn: arn("kms", `key/${keyId}`) } };
    },
    "aws:kms/alias:Alias": ({ physical, arn, str }) => {
        const alias = physical("name");
        return {
            id: alias,
            state: { name: alias, arn: arn("kms", alias), targetKeyArn: str("targetKeyId") },
        };
    },
    "aws:cloudwatch/logGroup:LogGroup": ({ physical, arn }) => {
        const group = physical("name");
        return named(group, arn("logs", `log-group:${group}`), { name: group });
    },
    "aws:cloudwatch/metricAlarm:MetricAlarm": ({ physical, arn }) => {
        const alarm = physical("name");
        return named(alarm, arn("cloudwatch", `alarm:${alarm}`), { name: alarm });
    },
    "aws:cloudwatch/eventRule:EventRule": ({ physical, arn }) => {
        const rule = physical("name");
        return named(rule, arn("events", `rule/${rule}`), { name: rule });
    },
    "aws:cloudwatch/eventTarget:EventTarget": ({ str, name }) => {
        const targetId = str("targetId") ?? `${name}-${digest(name).slice(0, 7)}`;
        return { id: `${str("rule") ?? ""}-${targetId}`, state: { targetId } };
    },
    "aws:iam/role:Role": ({ physical, name }) => {
        const role = physical("name");
        return named(role, `arn:aws:iam::${offlineAccountId}:role/${role}`, {
            name: role,
            uniqueId: `AROA${digest(`role:${name}`).slice(0, 17).toUpperCase()}`,
        });
    },
    "aws:iam/policy:Policy": ({ physical, name, str }) => {
        const policy = physical("name");
        const arn = `arn:aws:iam::${offlineAccountId}:policy${str("path") ?? "/"}${policy}`;
        return { id: arn, state: { name: policy, arn, policyId: `ANPA${digest(`policy:${name}`).slice(0, 17).toUpperCase()}` } };
    },
    "aws:iam/rolePolicy:RolePolicy": ({ physical, str }) => {
        const policy = physical("name");
        return { id: `${str("role") ?? ""}:${policy}`, state: { name: policy } };
    },
    // The provider makes a unique id from the role name and a timestamp-like counter.
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": ({ str, name }) => ({
        id: `${str("role") ?? ""}-${digest(`attachment:${name}`).slice(0, 26)}`,
        state: {},
    }),
    "aws:glue/catalogDatabase:CatalogDatabase": ({ physical, arn, account }) => {
        const database = physical("name");
        return named(`${account}:${database}`, arn("glue", `database/${database}`), { name: database, catalogId: account });
    },
    "aws:glue/catalogTable:CatalogTable": ({ physical, arn, account, str }) => {
        const table = physical("name");
        const database = str("databaseName") ?? "";
        return named(`${account}:${database}:${table}`, arn("glue", `table/${database}/${table}`), { name: table, catalogId: account });
    },
    "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings": ({ account }) => ({
        id: account,
        state: { catalogId: account },
    }),
    "aws:glue/dataQualityRuleset:DataQualityRuleset": ({ physical, arn }) => {
        const ruleset = physical("name");
        return named(ruleset, arn("glue", `dataQualityRuleset/${ruleset}`), { name: ruleset });
    },
    "aws:glue/job:Job": ({ physical, arn }) => {
        const job = physical("name");
        return named(job, arn("glue", `job/${job}`), { name: job });
    },
    // Security configurations have no ARN.
    "aws:glue/securityConfiguration:SecurityConfiguration": ({ physical }) => {
        const configuration = physical("name");
        return { id: configuration, state: { name: configuration } };
    },
    "aws:glue/trigger:Trigger": ({ physical, arn }) => {
        const trigger = physical("name");
        return named(trigger, arn("glue", `trigger/${trigger}`), { name: trigger });
    },
    "aws:glue/workflow:Workflow": ({ physical, arn }) => {
        const workflow = physical("name");
        return named(workflow, arn("glue", `workflow/${workflow}`), { name: workflow });
    },
    "aws:sns/topic:Topic": ({ physical, arn }) => {
        const topic = physical("name");
        const topicArn = arn("sns", topic);
        return named(topicArn, topicArn, { name: topic });
    },
    "aws:sns/topicPolicy:TopicPolicy": ({ str, name }) => ({ id: str("arn") ?? name, state: {} }),
    "aws:sns/topicSubscription:TopicSubscription": ({ str, name }) => {
        const subscriptionArn = `${str("topic") ?? ""}:${uuidFor(`subscription:${name}`)}`;
        return named(subscriptionArn, subscriptionArn);
    },
    "aws:secretsmanager/secret:Secret": ({ physical, arn }) => {
        const secret = physical("name");
        const secretArn = arn("secretsmanager", `secret:${secret}-${secretSuffix(secret)}`);
        return named(secretArn, secretArn, { name: secret });
    },
    "aws:ec2/securityGroup:SecurityGroup": ({ physical, arn, name }) => {
        const groupId = ec2Id("sg", name);
        return named(groupId, arn("ec2", `security-group/${groupId}`), { name: physical("name") });
    },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": ({ arn, name }) => {
        const ruleId = ec2Id("sgr", name);
        return named(ruleId, arn("ec2", `security-group-rule/${ruleId}`), { securityGroupRuleId: ruleId });
    },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": ({ arn, name }) => {
        const ruleId = ec2Id("sgr", name);
        return named(ruleId, arn("ec2", `security-group-rule/${ruleId}`), { securityGroupRuleId: ruleId });
    },
    "aws:ec2/vpcEndpoint:VpcEndpoint": ({ arn, name }) => {
        const endpointId = ec2Id("vpce", name);
        return named(endpointId, arn("ec2", `vpc-endpoint/${endpointId}`));
    },
    "aws:ec2/flowLog:FlowLog": ({ arn, name }) => {
        const flowLogId = ec2Id("fl", name);
        return named(flowLogId, arn("ec2", `vpc-flow-log/${flowLogId}`));
    },
    "aws:redshiftserverless/namespace:Namespace": ({ physical, arn, region, account, str }) => {
        const namespace = physical("namespaceName");
        const namespaceId = uuidFor(`namespace:${namespace}`);
        return named(namespace, arn("redshift-serverless", `namespace/${namespaceId}`), {
            namespaceId,
            adminPasswordSecretArn: `arn:aws:secretsmanager:${region}:${account}:secret:redshift!${namespace}-${str("adminUsername") ?? "admin"}-${secretSuffix(namespace)}`,
        });
    },
    "aws:redshiftserverless/workgroup:Workgroup": ({ physical, arn, region, account, port }) => {
        const workgroup = physical("workgroupName");
        const workgroupId = uuidFor(`workgroup:${workgroup}`);
        return named(workgroup, arn("redshift-serverless", `workgroup/${workgroupId}`), {
            workgroupId,
            endpoints: [
                {
                    address: `${workgroup}.${account}.${region}.redshift-serverless.amazonaws.com`,
                    port: port ?? 5439,
                    vpcEndpoints: [],
                },
            ],
        });
    },
    "aws:redshiftserverless/usageLimit:UsageLimit": ({ arn, name }) => {
        const limitId = uuidFor(`usage-limit:${name}`);
        return named(limitId, arn("redshift-serverless", `usagelimit/${limitId}`));
    },
    "aws:lambda/function:Function": ({ physical, arn, region }) => {
        const fn = physical("name");
        const functionArn = arn("lambda", `function:${fn}`);
        return named(fn, functionArn, {
            name: fn,
            qualifiedArn: `${functionArn}:$LATEST`,
            invokeArn: `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`,
            version: "$LATEST",
        });
    },
    "aws:lambda/invocation:Invocation": ({ str }) => {
        const input = str("input") ?? "";
        const result = JSON.stringify({ statusCode: 200 });
        return { id: `${str("functionName") ?? ""}_${str("qualifier") ?? "$LATEST"}_${digest(input).slice(0, 32)}`, state: { result } };
    },
    "aws:athena/workgroup:Workgroup": ({ physical, arn }) => {
        const workgroup = physical("name");
        return named(workgroup, arn("athena", `workgroup/${workgroup}`), { name: workgroup });
    },
    // Named queries have an id and no ARN.
    "aws:athena/namedQuery:NamedQuery": ({ name }) => ({ id: uuidFor(`named-query:${name}`), state: {} }),
    "aws:codebuild/project:Project": ({ physical, arn }) => {
        const project = physical("name");
        const projectArn = arn("codebuild", `project/${project}`);
        return named(projectArn, projectArn, { name: project });
    },
    "aws:codepipeline/pipeline:Pipeline": ({ physical, arn }) => {
        const pipeline = physical("name");
        return named(pipeline, arn("codepipeline", pipeline), { name: pipeline });
    },
    "aws:codestarnotifications/notificationRule:NotificationRule": ({ arn, name }) => {
        const ruleArn = arn("codestar-notifications", `notificationrule/${digest(`rule:${name}`).slice(0, 40)}`);
        return named(ruleArn, ruleArn);
    },
    // QuickSight ids are `<account>,<id>`; the id is the one the program chose.
    "aws:quicksight/dataSource:DataSource": ({ str, name, arn, account }) => {
        const dataSourceId = str("dataSourceId") ?? name;
        return named(`${account},${dataSourceId}`, arn("quicksight", `datasource/${dataSourceId}`));
    },
    "aws:quicksight/dataSet:DataSet": ({ str, name, arn, account }) => {
        const dataSetId = str("dataSetId") ?? name;
        return named(`${account},${dataSetId}`, arn("quicksight", `dataset/${dataSetId}`));
    },
    "aws:quicksight/refreshSchedule:RefreshSchedule": ({ str, name, arn, account }) => {
        const dataSetId = str("dataSetId") ?? "";
        const scheduleId = str("scheduleId") ?? name;
        return named(`${account},${dataSetId},${scheduleId}`, arn("quicksight", `dataset/${dataSetId}/refresh-schedule/${scheduleId}`));
    },
    "aws:quicksight/vpcConnection:VpcConnection": ({ str, name, arn, account }) => {
        const connectionId = str("vpcConnectionId") ?? name;
        return named(`${account},${connectionId}`, arn("quicksight", `vpcConnection/${connectionId}`));
    },
};

/** Outputs AWS would report for a created resource, on top of its inputs. */
export function resourceOutputs(type: string, name: string, inputs: Record<string, unknown>, region: string): Shape {
    if (type === "awsx:ec2:Vpc") {
        const subnets = (tier: string) => [1, 2, 3].map((n) => ec2Id("subnet", `${name}-${tier}${n}`));
        const isolated = JSON.stringify(inputs["natGateways"] ?? {}).includes('"None"');
        return {
            id: "",
            state: {
                vpcId: ec2Id("vpc", name),
                privateSubnetIds: isolated ? [] : subnets("private"),
                publicSubnetIds: isolated ? [] : subnets("public"),
                isolatedSubnetIds: isolated ? subnets("isolated") : [],
            },
        };
    }
    if (!type.startsWith("aws:")) return { id: "", state: {} };
    const shape = shapes[type];
    if (!shape) throw new Error(`the offline plan has no AWS shape for ${type}; add its id and ARN format to harness/offline-aws.ts`);
    const str = (key: string): string | undefined => (typeof inputs[key] === "string" ? (inputs[key] as string) : undefined);
    return shape({
        name,
        str,
        port: typeof inputs["port"] === "number" ? inputs["port"] : undefined,
        physical: (key) => str(key) ?? `${name}-${digest(`autoname:${type}:${name}`).slice(0, 7)}`,
        arn: (service, resource) => `arn:aws:${service}:${region}:${offlineAccountId}:${resource}`,
        region,
        account: offlineAccountId,
    });
}
