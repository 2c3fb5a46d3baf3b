import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { renderNamedQuery } from "../../components/analytics/athena-analytics";
import { quickSightColumnType } from "../../components/analytics/quicksight-analytics";
import { loadDatasetSpecs } from "../../components/catalog/dataset-specs";
import type { PlannedResource, PlanResult } from "../../harness/evaluate";
import { loadPolicyConfig, runPolicies } from "../../policies/offline";
import { toStackExport } from "../../tools/check/stack-export";
import { firstDeployPlanOf, ofType, planOf, planOfStackFile, worldPlanOf } from "./plans";

const repoRoot = path.join(__dirname, "..", "..");
/** What the gold job writes (rendered from glue-scripts by npm run generate:lake-schemas). */
const lakeSchemas = JSON.parse(fs.readFileSync(path.join(repoRoot, "components", "catalog", "lake-schemas.json"), "utf8")) as {
    gold: Record<string, { name: string; type: string }[]>;
    quarantine: { columns: { name: string; type: string }[]; partitionFolders: string[] };
};
const account = "111111111111";

interface Statement {
    Sid?: string;
    Effect: string;
    Principal?: Record<string, string>;
    Action: string | string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, string | string[]>>;
}

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const statementsOf = (document: unknown): Statement[] => (JSON.parse(document as string) as { Statement: Statement[] }).Statement;
const plannedOf = (result: PlanResult): PlannedResource[] => {
    if (result.kind !== "plan") throw new Error(`the stack did not plan: ${JSON.stringify(result)}`);
    return result.resources;
};
const one = (resources: PlannedResource[], type: string, nameSuffix = ""): PlannedResource => {
    const matches = ofType(resources, type).filter((resource) => resource.name.endsWith(nameSuffix));
    assert.equal(matches.length, 1, `${type} ${nameSuffix}`);
    return matches[0] as PlannedResource;
};

/** Mandatory and advisory findings of the stack's own policy configuration over a plan. */
function unexemptedFindings(stack: string, environment: string, resources: PlannedResource[]): string[] {
    const exported = toStackExport("lakehouse", stack, resources, new Date(0)).deployment.resources;
    return runPolicies(exported, loadPolicyConfig(environment))
        .filter((finding) => finding.enforcement !== "disabled" && !finding.exempted)
        .map((finding) => `${finding.policy}: ${finding.message}`);
}

const stacks = [
    { stack: "dev", cutoff: 1_073_741_824, retained: false },
    { stack: "prod", cutoff: 107_374_182_400, retained: true },
] as const;

for (const { stack, cutoff, retained } of stacks) {
    describe(`Athena in the ${stack} stack`, () => {
        const resources = () => planOf(stack).resources;
        const workgroup = () => one(resources(), "aws:athena/workgroup:Workgroup");
        const configuration = () => workgroup().inputs["configuration"] as Record<string, unknown>;
        const buckets = () => planOf(stack).outputs["buckets"] as Record<string, string>;
        const dataLakeKeyArn = () => one(resources(), "aws:kms/key:Key", "-data-lake").outputs["arn"];

        it("has one workgroup that enforces its configuration and publishes CloudWatch metrics", () => {
            assert.equal(workgroup().inputs["name"], `lakehouse-${stack}-analytics`);
            assert.equal(workgroup().inputs["state"], "ENABLED");
            assert.equal(configuration()["enforceWorkgroupConfiguration"], true);
            assert.equal(configuration()["publishCloudwatchMetricsEnabled"], true);
            assert.equal(configuration()["requesterPaysEnabled"], false);
        });

        it("writes results under the workgroup's prefix of the Athena-results bucket, encrypted with the data-lake key", () => {
            assert.deepEqual(configuration()["resultConfiguration"], {
                outputLocation: `s3://${buckets()["athenaResults"]}/lakehouse-${stack}-analytics/`,
                expectedBucketOwner: account,
                encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: dataLakeKeyArn() },
            });
        });

        it('pins the engine to "Athena engine version 3" instead of letting Athena upgrade it', () => {
            assert.deepEqual(configuration()["engineVersion"], { selectedEngineVersion: "Athena engine version 3" });
        });

        it(`cancels a query after ${cutoff} bytes scanned, the ${stack} profile's cutoff`, () => {
            assert.equal(configuration()["bytesScannedCutoffPerQuery"], cutoff);
        });

        it(`${retained ? "keeps" : "force-destroys"} the workgroup's named queries when the stack is deleted`, () => {
            assert.equal(workgroup().inputs["forceDestroy"], !retained);
        });

        it("has the four named queries in the workgroup and the gold database, rendered from analytics/athena", () => {
            const queries = ofType(resources(), "aws:athena/namedQuery:NamedQuery");
            assert.deepEqual(queries.map((query) => query.inputs["name"]).sort(), [
                "customer-segmentation",
                "data-quality",
                "gold-lineage",
                "revenue-trend",
            ]);
            for (const query of queries) {
                assert.equal(query.inputs["workgroup"], `lakehouse-${stack}-analytics`, query.name);
                assert.equal(query.inputs["database"], `lakehouse_${stack}_gold`, query.name);
                assert.ok((query.inputs["description"] as string).length > 20, query.name);
                const sql = query.inputs["query"] as string;
                assert.doesNotMatch(sql, /\{\{|\}\}/, query.name);
                const file = fs.readFileSync(path.join(repoRoot, "analytics", "athena", `${query.inputs["name"] as string}.sql`), "utf8");
                assert.equal(sql.split("\n")[0], file.split("\n")[0], query.name);
            }
        });

        it("lineage reads the stack's silver database; data quality reads every dataset's quarantine table", () => {
            const sqlOf = (name: string): string =>
                ofType(resources(), "aws:athena/namedQuery:NamedQuery").find((query) => query.inputs["name"] === name)?.inputs[
                    "query"
                ] as string;
            assert.match(sqlOf("gold-lineage"), new RegExp(`JOIN "lakehouse_${stack}_silver"\\.transactions AS t`));
            for (const dataset of loadDatasetSpecs().map((spec) => spec.name)) {
                assert.ok(sqlOf("data-quality").includes(`SELECT * FROM "lakehouse_${stack}_quarantine"."${dataset}"`), dataset);
            }
        });

        it("quarantine has a table per dataset with the columns the silver job writes, partitioned by run date", () => {
            const tables = ofType(resources(), "aws:glue/catalogTable:CatalogTable").filter(
                (table) => table.inputs["databaseName"] === `lakehouse_${stack}_quarantine`,
            );
            assert.deepEqual(
                tables.map((table) => table.inputs["name"]),
                loadDatasetSpecs().map((spec) => spec.name),
            );
            const folders = lakeSchemas.quarantine.partitionFolders;
            for (const table of tables) {
                const location = `s3://${buckets()["quarantine"]}/${table.inputs["name"] as string}/`;
                const descriptor = table.inputs["storageDescriptor"] as { location: string; columns: { name: string; type: string }[] };
                assert.equal(descriptor.location, location);
                assert.deepEqual(
                    descriptor.columns.map((column) => [column.name, column.type]),
                    lakeSchemas.quarantine.columns.filter((column) => !folders.includes(column.name)).map((c) => [c.name, c.type]),
                );
                assert.deepEqual(
                    (table.inputs["partitionKeys"] as { name: string; type: string }[]).map((key) => [key.name, key.type]),
                    [["run_date", "date"]],
                );
                const parameters = table.inputs["parameters"] as Record<string, string>;
                assert.equal(parameters["projection.run_date.type"], "date");
                assert.equal(parameters["storage.location.template"], `${location}run_date=\${run_date}/`);
                assert.equal(table.protect, retained);
            }
        });
    });
}

describe("QuickSight in the dev stack", () => {
    it("dev has no QuickSight resources and no QuickSight role", () => {
        const { resources, outputs } = planOf("dev");
        assert.deepEqual(
            resources.filter((resource) => resource.type.startsWith("aws:quicksight/") || resource.name.includes("quicksight")),
            [],
        );
        assert.equal((outputs["analytics"] as Record<string, unknown>)["quicksightAthenaDataSource"], undefined);
    });
});

describe("QuickSight in the prod stack", () => {
    const resources = () => planOf("prod").resources;
    const dataSource = () => one(resources(), "aws:quicksight/dataSource:DataSource");
    const role = () => one(resources(), "aws:iam/role:Role", "-quicksight-athena");
    const dataSets = () => ofType(resources(), "aws:quicksight/dataSet:DataSet");

    it("has an Athena data source that queries through the stack's workgroup as its own role, over SSL", () => {
        assert.equal(dataSource().inputs["type"], "ATHENA");
        assert.deepEqual(dataSource().inputs["parameters"], {
            athena: { workGroup: "lakehouse-prod-analytics", roleArn: role().outputs["arn"] },
        });
        assert.deepEqual(dataSource().inputs["sslProperties"], { disableSsl: false });
    });

    it("the data source role trusts only QuickSight, without source conditions QuickSight does not send", () => {
        assert.deepEqual(statementsOf(role().inputs["assumeRolePolicy"]), [
            { Effect: "Allow", Principal: { Service: "quicksight.amazonaws.com" }, Action: "sts:AssumeRole" },
        ]);
    });

    it("the data source role may query the workgroup, read gold and its catalog, use the results prefix and the data-lake key, nothing more", () => {
        const policies = ofType(resources(), "aws:iam/rolePolicy:RolePolicy").filter((policy) =>
            policy.name.endsWith("-quicksight-athena"),
        );
        assert.equal(policies.length, 1);
        assert.equal(
            ofType(resources(), "aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter((a) => a.name.includes("quicksight")).length,
            0,
        );
        const buckets = planOf("prod").outputs["buckets"] as Record<string, string>;
        const keyArn = one(resources(), "aws:kms/key:Key", "-data-lake").outputs["arn"];
        const grants = statementsOf(policies[0]?.inputs["policy"]).map((s) => ({
            actions: list(s.Action).sort(),
            resources: list(s.Resource),
            condition: s.Condition,
        }));
        const glue = (resource: string): string => `arn:aws:glue:eu-west-1:${account}:${resource}`;
        assert.deepEqual(grants, [
            {
                actions: [
                    "athena:BatchGetQueryExecution",
                    "athena:GetQueryExecution",
                    "athena:GetQueryResults",
                    "athena:GetQueryResultsStream",
                    "athena:GetWorkGroup",
                    "athena:ListQueryExecutions",
                    "athena:StartQueryExecution",
                    "athena:StopQueryExecution",
                ],
                resources: [`arn:aws:athena:eu-west-1:${account}:workgroup/lakehouse-prod-analytics`],
                condition: undefined,
            },
            {
                actions: [
                    "athena:GetDataCatalog",
                    "athena:GetDatabase",
                    "athena:GetTableMetadata",
                    "athena:ListDatabases",
                    "athena:ListTableMetadata",
                ],
                resources: [`arn:aws:athena:eu-west-1:${account}:datacatalog/AwsDataCatalog`],
                condition: undefined,
            },
            { actions: ["athena:ListDataCatalogs"], resources: ["*"], condition: undefined },
            {
                actions: [
                    "glue:BatchGetPartition",
                    "glue:GetDatabase",
                    "glue:GetDatabases",
                    "glue:GetPartition",
                    "glue:GetPartitions",
                    "glue:GetTable",
                    "glue:GetTables",
                ],
                resources: [glue("catalog"), glue("database/lakehouse_prod_gold"), glue("table/lakehouse_prod_gold/*")],
                condition: undefined,
            },
            { actions: ["s3:GetObject"], resources: [`arn:aws:s3:::${buckets["gold"]}/*`], condition: undefined },
            { actions: ["s3:GetBucketLocation", "s3:ListBucket"], resources: [`arn:aws:s3:::${buckets["gold"]}`], condition: undefined },
            {
                actions: ["s3:AbortMultipartUpload", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"],
                resources: [`arn:aws:s3:::${buckets["athenaResults"]}/lakehouse-prod-analytics/*`],
                condition: undefined,
            },
            {
                actions: ["s3:ListBucket"],
                resources: [`arn:aws:s3:::${buckets["athenaResults"]}`],
                condition: { StringLike: { "s3:prefix": ["lakehouse-prod-analytics/", "lakehouse-prod-analytics/*"] } },
            },
            // s3:prefix is no condition key of ListBucketMultipartUploads: under it the action would be granted nothing.
            {
                actions: ["s3:GetBucketLocation", "s3:ListBucketMultipartUploads"],
                resources: [`arn:aws:s3:::${buckets["athenaResults"]}`],
                condition: undefined,
            },
            {
                actions: ["kms:Decrypt", "kms:GenerateDataKey"],
                resources: [keyArn],
                condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } },
            },
        ]);
    });

    it("has a dataset per gold table whose columns and types are those the gold job writes", () => {
        const quickSightType: Record<string, string> = {
            string: "STRING",
            bigint: "INTEGER",
            "decimal(18,2)": "DECIMAL",
            date: "DATETIME",
            timestamp: "DATETIME",
        };
        assert.deepEqual(Object.keys(lakeSchemas.gold).sort(), ["customer_ltv", "daily_sales", "product_daily"]);
        assert.equal(dataSets().length, 3);
        for (const [table, columns] of Object.entries(lakeSchemas.gold)) {
            const dataSet = dataSets().find(
                (candidate) => candidate.inputs["dataSetId"] === `lakehouse-prod-gold-${table.replace(/_/g, "-")}`,
            );
            assert.ok(dataSet, table);
            const [physical] = dataSet.inputs["physicalTableMaps"] as { relationalTable: Record<string, unknown> }[];
            assert.deepEqual(physical?.relationalTable, {
                dataSourceArn: dataSource().outputs["arn"],
                catalog: "AwsDataCatalog",
                schema: "lakehouse_prod_gold",
                name: table,
                inputColumns: columns.map((column) => ({ name: column.name, type: quickSightType[column.type] })),
            });
        }
    });

    it("avoids the provider's perpetual diffs: explicit columns, one logical table over its physical table, usage stated", () => {
        for (const dataSet of dataSets()) {
            const physical = dataSet.inputs["physicalTableMaps"] as {
                physicalTableMapId: string;
                relationalTable: { name: string; inputColumns: unknown[] };
            }[];
            assert.equal(physical.length, 1, dataSet.name);
            const [{ physicalTableMapId, relationalTable }] = physical as [(typeof physical)[number]];
            assert.ok(relationalTable.inputColumns.length > 0, dataSet.name);
            assert.match(physicalTableMapId, /^[0-9a-zA-Z-]{1,64}$/);
            assert.deepEqual(dataSet.inputs["logicalTableMaps"], [
                { logicalTableMapId: physicalTableMapId, alias: relationalTable.name, source: { physicalTableId: physicalTableMapId } },
            ]);
            assert.deepEqual(dataSet.inputs["dataSetUsageConfiguration"], {
                disableUseAsDirectQuerySource: false,
                disableUseAsImportedSource: false,
            });
            assert.equal(dataSet.inputs["refreshProperties"], undefined, dataSet.name);
        }
    });

    it("imports gold into SPICE and refreshes each dataset in full daily at 05:00 UTC, with no start date that could lie in the past", () => {
        const schedules = ofType(resources(), "aws:quicksight/refreshSchedule:RefreshSchedule");
        for (const dataSet of dataSets()) assert.equal(dataSet.inputs["importMode"], "SPICE");
        assert.deepEqual(
            schedules.map((schedule) => schedule.inputs["dataSetId"]).sort(),
            dataSets()
                .map((d) => d.inputs["dataSetId"])
                .sort(),
        );
        for (const schedule of schedules) {
            assert.deepEqual(schedule.inputs["schedule"], {
                refreshType: "FULL_REFRESH",
                scheduleFrequency: { interval: "DAILY", timeOfTheDay: "05:00", timezone: "UTC" },
            });
        }
    });

    it("grants the stack file's principal viewer access only", () => {
        const readers = "arn:aws:quicksight:eu-west-1:111111111111:group/default/lakehouse-readers";
        assert.deepEqual(dataSource().inputs["permissions"], [
            {
                principal: readers,
                actions: ["quicksight:DescribeDataSource", "quicksight:DescribeDataSourcePermissions", "quicksight:PassDataSource"],
            },
        ]);
        for (const dataSet of dataSets()) {
            assert.deepEqual(
                (dataSet.inputs["permissions"] as { principal: string }[]).map((permission) => permission.principal),
                [readers],
            );
        }
    });
});

describe("a prod stack with QuickSight principals, the Redshift source and Snowflake access configured", () => {
    const snowflakeUser = "arn:aws:iam::222222222222:user/abc1-s-p2ss0000";
    const externalId = "MYACCOUNT_SFCRole=2_abc123/s0aBCDEfGHIJklmNoPq=";
    const analysts = "arn:aws:quicksight:eu-west-1:111111111111:group/default/analysts";
    const zoe = "arn:aws:quicksight:eu-west-1:111111111111:user/default/zoe";
    let resources: PlannedResource[] = [];

    before(function () {
        this.timeout(120_000);
        resources = plannedOf(
            planOfStackFile("analytics", {
                "aws:region": "eu-west-1",
                "lakehouse:environment": "prod",
                "lakehouse:owner": "data-platform",
                "lakehouse:costCenter": "cc-4711",
                "lakehouse:pipelineEnabled": false,
                "lakehouse:quicksightPrincipals": [zoe, analysts],
                "lakehouse:quicksightRefreshTimeOfDay": "06:30",
                "lakehouse:quicksightRedshiftEnabled": true,
                "lakehouse:snowflakeIamUserArn": snowflakeUser,
                "lakehouse:snowflakeExternalId": externalId,
            }),
        );
    });

    it("grants each principal the viewer actions, principals and actions sorted so plans never reorder them", () => {
        const sourceActions = ["quicksight:DescribeDataSource", "quicksight:DescribeDataSourcePermissions", "quicksight:PassDataSource"];
        for (const dataSource of ofType(resources, "aws:quicksight/dataSource:DataSource")) {
            assert.deepEqual(dataSource.inputs["permissions"], [
                { principal: analysts, actions: sourceActions },
                { principal: zoe, actions: sourceActions },
            ]);
        }
        const setActions = [
            "quicksight:DescribeDataSet",
            "quicksight:DescribeDataSetPermissions",
            "quicksight:DescribeIngestion",
            "quicksight:ListIngestions",
            "quicksight:PassDataSet",
        ];
        for (const dataSet of ofType(resources, "aws:quicksight/dataSet:DataSet")) {
            assert.deepEqual(dataSet.inputs["permissions"], [
                { principal: analysts, actions: setActions },
                { principal: zoe, actions: setActions },
            ]);
        }
    });

    it("refreshes SPICE at the configured time of day", () => {
        for (const schedule of ofType(resources, "aws:quicksight/refreshSchedule:RefreshSchedule")) {
            assert.equal(
                (schedule.inputs["schedule"] as { scheduleFrequency: { timeOfTheDay: string } }).scheduleFrequency.timeOfTheDay,
                "06:30",
            );
        }
    });

    it("the Redshift data source reaches the private warehouse through a VPC connection in a group of its own, over SSL", () => {
        const dataSource = one(resources, "aws:quicksight/dataSource:DataSource", "-quicksight-redshift");
        const connection = one(resources, "aws:quicksight/vpcConnection:VpcConnection");
        const workgroup = one(resources, "aws:redshiftserverless/workgroup:Workgroup");
        const connectionGroup = one(resources, "aws:ec2/securityGroup:SecurityGroup", "-quicksight-vpc-connection");
        const endpoint = (workgroup.outputs["endpoints"] as { address: string; port: number }[])[0];
        assert.equal(dataSource.inputs["type"], "REDSHIFT");
        assert.deepEqual(dataSource.inputs["parameters"], { redshift: { host: endpoint?.address, port: 5439, database: "lakehouse" } });
        assert.deepEqual(dataSource.inputs["vpcConnectionProperties"], { vpcConnectionArn: connection.outputs["arn"] });
        assert.deepEqual(dataSource.inputs["sslProperties"], { disableSsl: false });
        assert.deepEqual(connection.inputs["securityGroupIds"], [connectionGroup.outputs["id"]]);
        assert.deepEqual(connection.inputs["subnetIds"], workgroup.inputs["subnetIds"]);
        assert.equal(connection.inputs["roleArn"], one(resources, "aws:iam/role:Role", "-quicksight-vpc-connection").outputs["arn"]);
    });

    it("Redshift credentials come from a secret created empty, encrypted with the secrets key and retained in prod", () => {
        const dataSource = one(resources, "aws:quicksight/dataSource:DataSource", "-quicksight-redshift");
        const secret = one(resources, "aws:secretsmanager/secret:Secret", "-quicksight-redshift-credentials");
        assert.deepEqual(dataSource.inputs["credentials"], { secretArn: secret.outputs["arn"] });
        assert.equal(secret.inputs["name"], "lakehouse-analytics/quicksight-redshift");
        assert.equal(secret.inputs["kmsKeyId"], one(resources, "aws:kms/key:Key", "-secrets").outputs["arn"]);
        assert.equal(secret.protect, true);
        assert.equal(secret.retainOnDelete, true);
        assert.deepEqual(ofType(resources, "aws:secretsmanager/secretVersion:SecretVersion"), []);
    });

    it("QuickSight's interfaces reach the workgroup on 5439 and take every TCP reply from it, which their stateless group needs", () => {
        const connectionGroup = one(resources, "aws:ec2/securityGroup:SecurityGroup", "-quicksight-vpc-connection").outputs["id"];
        const workgroupGroup = one(resources, "aws:ec2/securityGroup:SecurityGroup", "-warehouse-workgroup").outputs["id"];
        const rules = (type: string, group: unknown) =>
            ofType(resources, type)
                .filter((rule) => rule.inputs["securityGroupId"] === group)
                .map((rule) => [
                    rule.inputs["ipProtocol"],
                    rule.inputs["fromPort"],
                    rule.inputs["toPort"],
                    rule.inputs["referencedSecurityGroupId"],
                ]);
        assert.deepEqual(rules("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", connectionGroup), [
            ["tcp", 5439, 5439, workgroupGroup],
        ]);
        assert.deepEqual(rules("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", connectionGroup), [
            ["tcp", 0, 65535, workgroupGroup],
        ]);
        assert.ok(
            rules("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", workgroupGroup).some(
                (rule) => JSON.stringify(rule) === JSON.stringify(["tcp", 5439, 5439, connectionGroup]),
            ),
        );
    });

    it("the VPC connection role trusts QuickSight only and manages network interfaces only in the warehouse subnets and its own group", () => {
        const role = one(resources, "aws:iam/role:Role", "-quicksight-vpc-connection");
        assert.deepEqual(statementsOf(role.inputs["assumeRolePolicy"])[0]?.Principal, { Service: "quicksight.amazonaws.com" });
        const policy = one(resources, "aws:iam/rolePolicy:RolePolicy", "-quicksight-vpc-connection");
        const clients = one(resources, "aws:ec2/securityGroup:SecurityGroup", "-quicksight-vpc-connection").outputs["id"] as string;
        const vpc = one(resources, "awsx:ec2:Vpc", "-network-vpc").outputs;
        const subnets = [...(vpc["privateSubnetIds"] as string[]), ...(vpc["isolatedSubnetIds"] as string[])];
        const ec2 = (resource: string): string => `arn:aws:ec2:eu-west-1:${account}:${resource}`;
        assert.deepEqual(
            statementsOf(policy.inputs["policy"]).map((s) => [list(s.Action), list(s.Resource)]),
            [
                [
                    ["ec2:CreateNetworkInterface"],
                    [ec2("network-interface/*"), ec2(`security-group/${clients}`), ...subnets.map((subnet) => ec2(`subnet/${subnet}`))],
                ],
                [
                    ["ec2:DeleteNetworkInterface", "ec2:ModifyNetworkInterfaceAttribute"],
                    [ec2("network-interface/*"), ec2(`security-group/${clients}`)],
                ],
                [["ec2:DescribeSecurityGroups", "ec2:DescribeSubnets"], ["*"]],
            ],
        );
    });

    it("the Snowflake role trusts only the integration's IAM user, and only with its external id", () => {
        const role = one(resources, "aws:iam/role:Role", "-snowflake-role");
        assert.deepEqual(statementsOf(role.inputs["assumeRolePolicy"]), [
            {
                Effect: "Allow",
                Principal: { AWS: snowflakeUser },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": externalId } },
            },
        ]);
    });

    it("the Snowflake role reads only the gold bucket and decrypts only through S3", () => {
        const policy = one(resources, "aws:iam/rolePolicy:RolePolicy", "-snowflake-read-gold");
        const gold = ofType(resources, "aws:s3/bucket:Bucket").find((bucket) => bucket.name.endsWith("-lake-gold"))?.outputs["bucket"];
        const keyArn = one(resources, "aws:kms/key:Key", "-data-lake").outputs["arn"];
        assert.deepEqual(
            statementsOf(policy.inputs["policy"]).map((s) => [list(s.Action), list(s.Resource), s.Condition]),
            [
                [["s3:GetObject", "s3:GetObjectVersion"], [`arn:aws:s3:::${String(gold)}/*`], undefined],
                [["s3:GetBucketLocation", "s3:ListBucket"], [`arn:aws:s3:::${String(gold)}`], undefined],
                [["kms:Decrypt"], [keyArn], { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } }],
            ],
        );
    });

    it("stays free of mandatory and advisory policy findings", () => {
        assert.deepEqual(unexemptedFindings("analytics", "prod", resources), []);
    });
});

describe("a dev stack with QuickSight in direct-query mode", () => {
    let resources: PlannedResource[] = [];

    before(function () {
        this.timeout(120_000);
        resources = plannedOf(
            planOfStackFile("bi-dev", {
                "aws:region": "eu-west-1",
                "lakehouse:environment": "dev",
                "lakehouse:owner": "data-platform",
                "lakehouse:costCenter": "cc-4711",
                "lakehouse:pipelineEnabled": false,
                "lakehouse:quicksightEnabled": true,
                "lakehouse:quicksightPrincipals": ["arn:aws:quicksight:eu-west-1:111111111111:group/default/analysts"],
            }),
        );
    });

    it("queries gold live and has no refresh schedule (AWS rejects refresh settings on direct-query datasets)", () => {
        const dataSets = ofType(resources, "aws:quicksight/dataSet:DataSet");
        assert.equal(dataSets.length, 3);
        for (const dataSet of dataSets) assert.equal(dataSet.inputs["importMode"], "DIRECT_QUERY");
        assert.deepEqual(ofType(resources, "aws:quicksight/refreshSchedule:RefreshSchedule"), []);
    });

    it("has no Redshift data source or VPC connection unless quicksightRedshiftEnabled is set", () => {
        assert.deepEqual(
            ofType(resources, "aws:quicksight/dataSource:DataSource").map((source) => source.inputs["type"]),
            ["ATHENA"],
        );
        assert.deepEqual(ofType(resources, "aws:quicksight/vpcConnection:VpcConnection"), []);
    });

    it("has no Snowflake role when no integration is configured", () => {
        assert.deepEqual(
            ofType(resources, "aws:iam/role:Role").filter((role) => role.name.includes("snowflake")),
            [],
        );
    });
});

describe("analytics building blocks", () => {
    it("a query template with an unknown placeholder fails the plan instead of reaching Athena", () => {
        const databases = { silver: "s", quarantine: "q" };
        assert.equal(renderNamedQuery("SELECT 1 FROM {{silver_database}}.t", databases, ["a"]), 'SELECT 1 FROM "s".t');
        assert.throws(() => renderNamedQuery("SELECT {{silver_db}}", databases, ["a"]), /unknown placeholder \{\{silver_db\}\}/);
        assert.throws(() => renderNamedQuery("SELECT 1", databases, []), /at least one dataset/);
    });

    it("a gold column type QuickSight has no mapping for fails the plan", () => {
        assert.equal(quickSightColumnType("decimal(38,10)"), "DECIMAL");
        assert.throws(() => quickSightColumnType("array<string>"), /no QuickSight column type for the Spark type array<string>/);
    });
});

describe("QuickSight on a first deploy, before the ETL has run and before anyone has filled the Redshift secret", () => {
    let resources: PlannedResource[] = [];
    before(() => {
        const result = firstDeployPlanOf("everything");
        if (result.kind !== "plan") throw new Error(`the first deploy did not plan: ${JSON.stringify(result)}`);
        resources = result.resources;
    });

    it("creates the data source over Athena, the VPC connection and the empty secret, which AWS accepts now", () => {
        assert.equal(ofType(resources, "aws:quicksight/dataSource:DataSource").length, 1);
        assert.equal(ofType(resources, "aws:quicksight/vpcConnection:VpcConnection").length, 1);
        assert.ok(
            ofType(resources, "aws:secretsmanager/secret:Secret").some((secret) =>
                secret.name.endsWith("-quicksight-redshift-credentials"),
            ),
        );
    });

    it("creates no dataset or refresh schedule until the gold job has created the gold tables", () => {
        assert.deepEqual(ofType(resources, "aws:quicksight/dataSet:DataSet", "aws:quicksight/refreshSchedule:RefreshSchedule"), []);
    });

    it("creates no Redshift data source until its secret holds the database user's credentials", () => {
        assert.ok(!ofType(resources, "aws:quicksight/dataSource:DataSource").some((source) => source.inputs["type"] === "REDSHIFT"));
    });

    it("a release that adds a gold table keeps the datasets of the others while the new table waits for the gold job", () => {
        const result = worldPlanOf("everything", { missingTables: ["product_daily"] });
        assert.equal(result.kind, "plan");
        if (result.kind !== "plan") return;
        assert.deepEqual(
            ofType(result.resources, "aws:quicksight/dataSet:DataSet")
                .map((dataSet) => dataSet.inputs["name"])
                .sort(),
            ["lakehouse-everything customer_ltv", "lakehouse-everything daily_sales"],
        );
    });

    it("the next deploy, once both exist, creates the datasets, their schedules and the Redshift source", () => {
        const { resources: later } = planOf("everything");
        assert.equal(ofType(later, "aws:quicksight/dataSet:DataSet").length, 3);
        assert.equal(ofType(later, "aws:quicksight/refreshSchedule:RefreshSchedule").length, 3);
        assert.ok(ofType(later, "aws:quicksight/dataSource:DataSource").some((source) => source.inputs["type"] === "REDSHIFT"));
    });
});
