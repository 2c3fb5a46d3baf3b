import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadDatasetSpecs } from "../../components/catalog/dataset-specs";
import { libraryEntries, libraryWheelMembers } from "../../components/etl/glue-library";
import type { PlannedResource } from "../../harness/evaluate";
import { iamPatternMatches } from "../../policies/framework/iam-policy-document";
import { ofType, planOf } from "./plans";

const stacks = ["dev", "prod"] as const;
const repoRoot = path.join(__dirname, "..", "..");

interface Statement {
    Sid?: string;
    Effect: string;
    Principal?: unknown;
    Action: string | string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, string | string[]>>;
}

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const statementsOf = (policy: PlannedResource): Statement[] =>
    (JSON.parse(policy.inputs["policy"] as string) as { Statement: Statement[] }).Statement;
const jobs = (stack: string): PlannedResource[] => ofType(planOf(stack).resources, "aws:glue/job:Job");
const commandOf = (job: PlannedResource): Record<string, string> => job.inputs["command"] as Record<string, string>;
const sparkJobsOf = (stack: string): PlannedResource[] => jobs(stack).filter((job) => commandOf(job)["name"] === "glueetl");
const loaderOf = (stack: string): PlannedResource => {
    const loader = jobs(stack).find((job) => job.inputs["name"] === `lakehouse-${stack}-warehouse-load`);
    assert.ok(loader, "warehouse-load job");
    return loader;
};
const argumentsOf = (job: PlannedResource): Record<string, string> => job.inputs["defaultArguments"] as Record<string, string>;
const bucketNames = (stack: string): Record<string, string> => planOf(stack).outputs["buckets"] as Record<string, string>;

/** The Python the Glue scripts' tooling uses: the repo venv when it exists, else python3 (needs PyYAML). */
function python(): string {
    const venv = path.join(repoRoot, ".venv", "bin", "python");
    return fs.existsSync(venv) ? venv : "python3";
}

for (const stack of stacks) {
    describe(`Glue catalog in the ${stack} stack`, () => {
        const resources = () => planOf(stack).resources;

        it("has a database per layer with a Glue-valid name located in the layer's bucket", () => {
            const databases = ofType(resources(), "aws:glue/catalogDatabase:CatalogDatabase");
            assert.deepEqual(
                databases.map((database) => [database.inputs["name"], database.inputs["locationUri"]]),
                ["bronze", "silver", "gold", "quarantine"].map((layer) => [
                    `lakehouse_${stack}_${layer}`,
                    `s3://${bucketNames(stack)[layer]}/`,
                ]),
            );
            for (const database of databases) assert.match(database.inputs["name"] as string, /^[a-z0-9_]{1,255}$/);
        });

        it("declares a partition-projected Parquet bronze table per dataset spec and no crawler", () => {
            const tables = ofType(resources(), "aws:glue/catalogTable:CatalogTable").filter(
                (table) => table.inputs["databaseName"] === `lakehouse_${stack}_bronze`,
            );
            assert.deepEqual(
                tables.map((table) => [table.inputs["databaseName"], table.inputs["name"]]),
                loadDatasetSpecs().map((spec) => [`lakehouse_${stack}_bronze`, spec.name]),
            );
            for (const table of tables) {
                const descriptor = table.inputs["storageDescriptor"] as Record<string, unknown>;
                assert.equal(descriptor["location"], `s3://${bucketNames(stack)["bronze"]}/${table.inputs["name"] as string}/`);
                assert.match(descriptor["inputFormat"] as string, /Parquet/);
                assert.equal((table.inputs["parameters"] as Record<string, string>)["projection.enabled"], "true");
            }
            assert.equal(ofType(resources(), "aws:glue/crawler:Crawler").length, 0);
        });

        it("has a Data Quality ruleset per dataset equal to the spec-rendered DQDL", () => {
            const rulesets = ofType(resources(), "aws:glue/dataQualityRuleset:DataQualityRuleset");
            const golden = JSON.parse(
                fs.readFileSync(path.join(repoRoot, "components", "catalog", "dqdl-rulesets.json"), "utf8"),
            ) as Record<string, string>;
            assert.deepEqual(
                rulesets.map((ruleset) => ruleset.inputs["ruleset"]),
                loadDatasetSpecs().map((spec) => golden[spec.name]),
            );
        });

        it(`${stack === "prod" ? "retains" : "does not retain"} catalog databases and tables on delete`, () => {
            for (const resource of resources().filter((candidate) => candidate.type.startsWith("aws:glue/catalog"))) {
                assert.equal(resource.retainOnDelete, stack === "prod", resource.name);
                assert.equal(resource.protect, stack === "prod", resource.name);
            }
        });
    });

    describe(`Glue jobs in the ${stack} stack`, () => {
        const resources = () => planOf(stack).resources;
        const profile =
            stack === "dev"
                ? { workerType: "G.1X", numberOfWorkers: 2, executionClass: "FLEX", maxRetries: 0, timeout: 60, autoScaling: "false" }
                : { workerType: "G.2X", numberOfWorkers: 10, executionClass: "STANDARD", maxRetries: 2, timeout: 240, autoScaling: "true" };

        it("has one glueetl job per hop on Glue 5.0 with the profile's workers, class, timeout and retries", () => {
            assert.deepEqual(
                jobs(stack).map((job) => job.inputs["name"]),
                ["bronze", "silver", "gold", "warehouse-load"].map((hop) => `lakehouse-${stack}-${hop}`),
            );
            assert.deepEqual(
                sparkJobsOf(stack).map((job) => job.inputs["name"]),
                ["bronze", "silver", "gold"].map((hop) => `lakehouse-${stack}-${hop}`),
            );
            for (const job of sparkJobsOf(stack)) {
                assert.equal(job.inputs["glueVersion"], "5.0", job.name);
                assert.equal((job.inputs["command"] as Record<string, string>)["name"], "glueetl", job.name);
                assert.equal(job.inputs["workerType"], profile.workerType, job.name);
                assert.equal(job.inputs["numberOfWorkers"], profile.numberOfWorkers, job.name);
                assert.equal(job.inputs["executionClass"], profile.executionClass, job.name);
                assert.equal(job.inputs["timeout"], profile.timeout, job.name);
                assert.equal(job.inputs["maxRetries"], profile.maxRetries, job.name);
                assert.deepEqual(job.inputs["executionProperty"], { maxConcurrentRuns: 1 }, job.name);
                assert.equal((job.inputs["defaultArguments"] as Record<string, string>)["--enable-auto-scaling"], profile.autoScaling);
            }
        });

        it("every job runs under the security configuration, which encrypts S3, logs and bookmarks with the right keys", () => {
            const [configuration] = ofType(resources(), "aws:glue/securityConfiguration:SecurityConfiguration");
            const key = (suffix: string) =>
                ofType(resources(), "aws:kms/key:Key").find((candidate) => candidate.name.endsWith(suffix))?.outputs["arn"];
            assert.deepEqual(configuration.inputs["encryptionConfiguration"], {
                s3Encryption: { s3EncryptionMode: "SSE-KMS", kmsKeyArn: key("-data-lake") },
                cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn: key("-logs") },
                jobBookmarksEncryption: { jobBookmarksEncryptionMode: "CSE-KMS", kmsKeyArn: key("-data-lake") },
            });
            for (const runner of [...jobs(stack), ...ofType(resources(), "aws:glue/crawler:Crawler")]) {
                assert.equal(runner.inputs["securityConfiguration"], configuration.inputs["name"], runner.name);
            }
        });

        it("pins every job argument AWS would otherwise default, and the Iceberg catalog on the Glue catalog", () => {
            for (const job of sparkJobsOf(stack)) {
                const args = job.inputs["defaultArguments"] as Record<string, string>;
                assert.deepEqual(
                    {
                        language: args["--job-language"],
                        formats: args["--datalake-formats"],
                        metrics: args["--enable-metrics"],
                        observability: args["--enable-observability-metrics"],
                        continuousLogs: args["--enable-continuous-cloudwatch-log"],
                        insights: args["--enable-job-insights"],
                        bookmarks: args["--job-bookmark-option"],
                        catalog: args["--catalog_name"],
                    },
                    {
                        language: "python",
                        formats: "iceberg",
                        metrics: "true",
                        observability: "true",
                        continuousLogs: "true",
                        insights: "true",
                        bookmarks: "job-bookmark-disable",
                        catalog: "glue_catalog",
                    },
                    job.name,
                );
                assert.match(
                    args["--conf"],
                    /spark\.sql\.catalog\.glue_catalog\.catalog-impl=org\.apache\.iceberg\.aws\.glue\.GlueCatalog/,
                );
                assert.match(args["--TempDir"], new RegExp(`^s3://${bucketNames(stack)["glueAssets"]}/glue/temp/`));
            }
        });

        it("scripts and the library are uploaded to the glue-assets bucket under content-hashed keys the jobs reference", () => {
            const objects = ofType(resources(), "aws:s3/bucketObjectv2:BucketObjectv2");
            const keys = new Set(objects.map((object) => `s3://${object.inputs["bucket"] as string}/${object.inputs["key"] as string}`));
            for (const object of objects) {
                assert.equal(object.inputs["bucket"], bucketNames(stack)["glueAssets"]);
                assert.match(
                    object.inputs["key"] as string,
                    /^glue\/((scripts\/[a-z_]+|lib\/lakehouse)-[0-9a-f]{16}\.(py|zip)|lib\/[0-9a-f]{16}\/lakehouse-0\.1\.0-py3-none-any\.whl)$/,
                );
            }
            for (const job of jobs(stack)) {
                assert.ok(keys.has((job.inputs["command"] as Record<string, string>)["scriptLocation"]), job.name);
                assert.ok(keys.has((job.inputs["defaultArguments"] as Record<string, string>)["--extra-py-files"]), job.name);
            }
        });

        it("each job has its own role, trusted only by Glue, without source conditions Glue does not send", () => {
            const roleArns = jobs(stack).map((job) => job.inputs["roleArn"]);
            assert.equal(new Set(roleArns).size, 4);
            for (const role of ofType(resources(), "aws:iam/role:Role").filter((candidate) =>
                roleArns.includes(candidate.outputs["arn"]),
            )) {
                const [trust] = (JSON.parse(role.inputs["assumeRolePolicy"] as string) as { Statement: Statement[] }).Statement;
                assert.deepEqual(trust, {
                    Effect: "Allow",
                    Principal: { Service: "glue.amazonaws.com" },
                    Action: "sts:AssumeRole",
                });
            }
        });

        it("job roles allow no * action, * resource only for PutMetricData in Glue namespaces or the status of own statements, and no iam:PassRole", () => {
            const policies = ofType(resources(), "aws:iam/rolePolicy:RolePolicy").filter((policy) => /-etl-/.test(policy.name));
            assert.equal(policies.length, 4);
            for (const statement of policies.flatMap(statementsOf)) {
                for (const action of list(statement.Action)) {
                    assert.match(action, /^[a-z0-9-]+:[A-Za-z]+$/, `${statement.Sid} names actions`);
                    assert.notEqual(action, "iam:PassRole");
                }
                if (statement.Sid === "FollowOwnStatements") {
                    assert.deepEqual(statement.Action, ["redshift-data:DescribeStatement"]);
                    assert.deepEqual(statement.Condition, {
                        StringEquals: { "redshift-data:statement-owner-iam-userid": "${aws:userid}" },
                    });
                } else if (list(statement.Resource).includes("*")) {
                    assert.deepEqual(statement.Action, ["cloudwatch:PutMetricData"]);
                    assert.ok(
                        list(statement.Condition?.["StringEquals"]?.["cloudwatch:namespace"] ?? []).every((ns) => ns.startsWith("Glue")),
                    );
                }
            }
        });

        it("job roles reach only their hop's buckets and dataset prefixes, and the data-lake key only via S3 and Glue", () => {
            const buckets = bucketNames(stack);
            const datasets = loadDatasetSpecs().map((spec) => spec.name);
            const expected: Record<string, { read: string[]; write: string[] }> = {
                bronze: { read: ["landing", "bronze"], write: ["bronze"] },
                silver: { read: ["bronze", "silver", "quarantine"], write: ["silver", "quarantine"] },
                gold: { read: ["silver", "gold"], write: ["gold"] },
                "warehouse-load": { read: [], write: [] },
            };
            for (const [hop, layers] of Object.entries(expected)) {
                const policy = ofType(resources(), "aws:iam/rolePolicy:RolePolicy").find((candidate) =>
                    candidate.name.endsWith(`-etl-${hop}`),
                );
                assert.ok(policy, hop);
                const statements = statementsOf(policy);
                const bucketsOf = (sid: string) =>
                    [
                        ...new Set(
                            list(statements.find((statement) => statement.Sid === sid)?.Resource ?? []).map(
                                (arn) => arn.split(":::")[1].split("/")[0],
                            ),
                        ),
                    ].sort();
                const named = (purposes: string[]) => [...purposes.map((purpose) => buckets[purpose]), buckets["glueAssets"]].sort();
                assert.deepEqual(bucketsOf("ReadObjects"), named(layers.read), `${hop} reads`);
                // Only the Spark jobs write: their layers and their temp prefix in the assets bucket.
                assert.deepEqual(bucketsOf("WriteObjects"), layers.write.length > 0 ? named(layers.write) : [], `${hop} writes`);
                if (hop === "bronze") {
                    const landingReads = list(statements[0].Resource).filter((arn) => arn.includes(buckets["landing"]));
                    // Objects under each dataset's folder, and the folder key and its marker, which exists() HEADs.
                    assert.deepEqual(
                        landingReads,
                        datasets.flatMap((dataset) =>
                            [`${dataset}/*`, dataset, `${dataset}_$folder$`].map((key) => `arn:aws:s3:::${buckets["landing"]}/${key}`),
                        ),
                    );
                }
                const kms = statements.filter((statement) => list(statement.Action).some((action) => action.startsWith("kms:")));
                assert.deepEqual(
                    kms.map((statement) => statement.Condition),
                    [{ StringEquals: { "kms:ViaService": ["s3.eu-west-1.amazonaws.com", "glue.eu-west-1.amazonaws.com"] } }],
                );
            }
        });

        it("each Spark job may touch every key its run and Glue's S3 file system touch, and nothing of another layer", () => {
            const buckets = bucketNames(stack);
            const allows = (hop: string, action: string, bucket: string, key?: string): boolean => {
                const policy = ofType(resources(), "aws:iam/rolePolicy:RolePolicy").find((candidate) =>
                    candidate.name.endsWith(`-etl-${hop}`),
                );
                const arn = `arn:aws:s3:::${buckets[bucket]}${key === undefined ? "" : `/${key}`}`;
                return statementsOf(policy as PlannedResource).some(
                    (statement) =>
                        statement.Effect === "Allow" &&
                        statement.Condition === undefined &&
                        list(statement.Action).includes(action) &&
                        list(statement.Resource).some((pattern) => iamPatternMatches(pattern, arn)),
                );
            };
            // Hadoop's exists() HEADs the folder key (404 only for a caller who may list the bucket),
            // Spark writes under _temporary/, and Glue's file system marks folders with <folder>_$folder$.
            const touched: [string, string, string, string | undefined][] = [
                ["bronze", "s3:ListBucket", "landing", undefined],
                ["bronze", "s3:GetObject", "landing", "transactions"],
                ["bronze", "s3:GetObject", "landing", "transactions/2024-03-01/rest-b1-0001.jsonl.gz"],
                ["bronze", "s3:ListBucket", "bronze", undefined],
                ["bronze", "s3:GetObject", "bronze", "transactions/_ingested_files"],
                ["bronze", "s3:PutObject", "bronze", "transactions_$folder$"],
                ["bronze", "s3:PutObject", "bronze", "transactions/ingest_date=2024-03-01_$folder$"],
                ["bronze", "s3:PutObject", "bronze", "transactions/_temporary/0/_temporary/attempt_1/part-00000.parquet"],
                ["bronze", "s3:DeleteObject", "bronze", "transactions/_temporary/0/_temporary/attempt_1/part-00000.parquet"],
                ["bronze", "s3:PutObject", "bronze", "transactions/_ingested_files/part-00000.json"],
                ["bronze", "s3:PutObject", "glueAssets", "glue/temp/bronze/spark-events/x"],
                ["bronze", "s3:PutObject", "glueAssets", "glue/temp_$folder$"],
                ["silver", "s3:GetObject", "bronze", "customers/ingest_date=2024-03-01/part-00000.parquet"],
                ["silver", "s3:PutObject", "quarantine", "customers_$folder$"],
                ["silver", "s3:PutObject", "quarantine", "customers/run_date=2024-03-01/batch_id=b1/part-00000.parquet"],
                ["silver", "s3:PutObject", "quarantine", "_run_summaries_$folder$"],
                ["silver", "s3:PutObject", "quarantine", "_run_summaries/run_date=2024-03-01/run_id=r1/part-00000.txt"],
                ["silver", "s3:PutObject", "silver", "customers/metadata/00001-x.metadata.json"],
                ["silver", "s3:PutObject", "silver", "processed_batches/data/00000-0-x.parquet"],
                ["gold", "s3:GetObject", "silver", "transactions/data/00000-0-x.parquet"],
                ["gold", "s3:PutObject", "gold", "daily_sales/metadata/00001-x.metadata.json"],
            ];
            for (const [hop, action, bucket, key] of touched)
                assert.ok(allows(hop, action, bucket, key), `${hop}: ${action} ${bucket}/${key ?? ""}`);
            const untouched: [string, string, string, string | undefined][] = [
                ["bronze", "s3:PutObject", "landing", "transactions/x.jsonl"],
                ["bronze", "s3:GetObject", "silver", "transactions/data/x.parquet"],
                ["bronze", "s3:PutObject", "glueAssets", "glue/scripts/bronze.py"],
                ["silver", "s3:PutObject", "bronze", "customers/_ingested_files/part-00000.json"],
                ["silver", "s3:PutObject", "silver", "other/data/x.parquet"],
                ["gold", "s3:PutObject", "silver", "transactions/data/x.parquet"],
            ];
            for (const [hop, action, bucket, key] of untouched)
                assert.ok(!allows(hop, action, bucket, key), `${hop} may not ${action} ${bucket}/${key ?? ""}`);
        });

        it("the warehouse load is a Python shell 3.9 job on Glue 3.0 with 1/16 DPU and the profile's timeout and retries", () => {
            const loader = loaderOf(stack);
            assert.deepEqual(commandOf(loader), {
                name: "pythonshell",
                pythonVersion: "3.9",
                scriptLocation: commandOf(loader)["scriptLocation"],
            });
            assert.match(commandOf(loader)["scriptLocation"], /\/glue\/scripts\/warehouse_load-[0-9a-f]{16}\.py$/);
            assert.deepEqual(
                {
                    glueVersion: loader.inputs["glueVersion"],
                    maxCapacity: loader.inputs["maxCapacity"],
                    timeout: loader.inputs["timeout"],
                    maxRetries: loader.inputs["maxRetries"],
                    executionProperty: loader.inputs["executionProperty"],
                    jobRunQueuingEnabled: loader.inputs["jobRunQueuingEnabled"],
                    jobMode: loader.inputs["jobMode"],
                },
                {
                    glueVersion: "3.0",
                    maxCapacity: 0.0625,
                    timeout: profile.timeout,
                    maxRetries: profile.maxRetries,
                    executionProperty: { maxConcurrentRuns: 1 },
                    jobRunQueuingEnabled: false,
                    jobMode: "SCRIPT",
                },
            );
            // AWS rejects workers and execution classes on Python shell jobs.
            for (const absent of ["workerType", "numberOfWorkers", "executionClass"])
                assert.equal(loader.inputs[absent], undefined, absent);
            assert.match(argumentsOf(loader)["--extra-py-files"], /\/glue\/lib\/[0-9a-f]{16}\/lakehouse-0\.1\.0-py3-none-any\.whl$/);
            // Python shell 3.9 ships boto3 1.21.21, whose Data API has no WorkgroupName (botocore 1.27.11 added it).
            assert.equal(argumentsOf(loader)["--additional-python-modules"], "boto3==1.40.76,botocore==1.40.76");
        });

        it("the warehouse load runs against the workgroup, database and schemas the warehouse's schema phase created, as the user it granted", () => {
            const [workgroup] = ofType(resources(), "aws:redshiftserverless/workgroup:Workgroup");
            const [invocation] = ofType(resources(), "aws:lambda/invocation:Invocation");
            const schemaPhase = JSON.parse(invocation.inputs["input"] as string) as Record<string, string>;
            const loader = loaderOf(stack);
            const role = ofType(resources(), "aws:iam/role:Role").find(
                (candidate) => candidate.outputs["arn"] === loader.inputs["roleArn"],
            );
            assert.equal(role?.inputs["name"], `lakehouse-${stack}-glue-warehouse-load`);
            assert.equal(schemaPhase["loaderRole"], role?.inputs["name"]);
            const args = argumentsOf(loader);
            assert.deepEqual(
                {
                    workgroup: args["--workgroup_name"],
                    database: args["--database"],
                    goldDatabase: args["--gold_database"],
                    spectrumRole: args["--iam_role_arn"],
                    externalSchema: args["--external_schema"],
                    warehouseSchema: args["--warehouse_schema"],
                },
                {
                    workgroup: workgroup.inputs["workgroupName"],
                    database: schemaPhase["database"],
                    goldDatabase: `lakehouse_${stack}_gold`,
                    spectrumRole: schemaPhase["spectrumRoleArn"],
                    externalSchema: schemaPhase["externalSchema"],
                    warehouseSchema: schemaPhase["warehouseSchema"],
                },
            );
            assert.equal(schemaPhase["goldDatabase"], args["--gold_database"]);
        });

        it("the warehouse load's role runs statements and gets credentials on exactly this stack's workgroup, and nothing else in Redshift", () => {
            const [workgroup] = ofType(resources(), "aws:redshiftserverless/workgroup:Workgroup");
            const policy = ofType(resources(), "aws:iam/rolePolicy:RolePolicy").find((candidate) =>
                candidate.name.endsWith("-etl-warehouse-load"),
            );
            assert.ok(policy);
            const redshift = statementsOf(policy).filter((statement) =>
                list(statement.Action).some((action) => action.startsWith("redshift")),
            );
            assert.deepEqual(
                redshift.map((statement) => [statement.Action, statement.Resource]),
                [
                    [["redshift-data:BatchExecuteStatement"], workgroup.outputs["arn"]],
                    [["redshift-serverless:GetCredentials"], workgroup.outputs["arn"]],
                    [["redshift-data:DescribeStatement"], "*"],
                ],
            );
            assert.match(workgroup.outputs["arn"] as string, new RegExp(`^arn:aws:redshift-serverless:eu-west-1:111111111111:workgroup/`));
        });

        it("jobs log to their own log groups under the stack prefix, encrypted with the logs key, with the stack's retention", () => {
            const logsKey = ofType(resources(), "aws:kms/key:Key").find((key) => key.name.endsWith("-logs"));
            const groups = ofType(resources(), "aws:cloudwatch/logGroup:LogGroup");
            for (const job of jobs(stack)) {
                const prefix = (job.inputs["defaultArguments"] as Record<string, string>)["--custom-logGroup-prefix"];
                assert.ok(prefix.startsWith(`/lakehouse-${stack}/`), prefix);
                for (const stream of ["error", "output"]) {
                    const group = groups.find((candidate) => candidate.inputs["name"] === `${prefix}/${stream}`);
                    assert.ok(group, `${prefix}/${stream}`);
                    assert.equal(group.inputs["kmsKeyId"], logsKey?.outputs["arn"]);
                    assert.equal(group.inputs["retentionInDays"], stack === "prod" ? 365 : 14);
                    assert.equal(group.retainOnDelete, stack === "prod");
                }
            }
        });
    });
}

for (const stack of stacks) {
    describe(`ETL workflow in the ${stack} stack`, () => {
        const resources = () => planOf(stack).resources;
        const workflowArn = () => {
            const [workflow] = ofType(resources(), "aws:glue/workflow:Workflow");
            return `arn:aws:glue:eu-west-1:111111111111:workflow/${workflow.inputs["name"] as string}`;
        };

        it("runs bronze -> silver -> gold -> warehouse load: an EVENT start trigger, then each job on its predecessor's success", () => {
            const [workflow] = ofType(resources(), "aws:glue/workflow:Workflow");
            assert.equal(workflow.inputs["maxConcurrentRuns"], 1);
            const triggers = ofType(resources(), "aws:glue/trigger:Trigger");
            for (const trigger of triggers) assert.equal(trigger.inputs["workflowName"], workflow.inputs["name"], trigger.name);
            const hop = (job: unknown) => (job as string).replace(`lakehouse-${stack}-`, "");
            assert.deepEqual(
                triggers.map((trigger) => {
                    const predicate = trigger.inputs["predicate"] as { conditions: Record<string, string>[] } | undefined;
                    const conditions = (predicate?.conditions ?? []).map((c) => `${hop(c["jobName"])} ${c["state"]}`);
                    const actions = (trigger.inputs["actions"] as Record<string, string>[]).map((action) => hop(action["jobName"]));
                    return [trigger.inputs["type"], conditions, actions];
                }),
                [
                    ["EVENT", [], ["bronze"]],
                    ["CONDITIONAL", ["bronze SUCCEEDED"], ["silver"]],
                    ["CONDITIONAL", ["silver SUCCEEDED"], ["gold"]],
                    ["CONDITIONAL", ["gold SUCCEEDED"], ["warehouse-load"]],
                ],
            );
        });

        it("the EventBridge rule matches only manifest objects created in the landing bucket", () => {
            const rule = ofType(resources(), "aws:cloudwatch/eventRule:EventRule").find((candidate) =>
                candidate.name.endsWith("-manifests"),
            );
            assert.ok(rule);
            assert.deepEqual(JSON.parse(rule.inputs["eventPattern"] as string), {
                source: ["aws.s3"],
                "detail-type": ["Object Created"],
                detail: { bucket: { name: [bucketNames(stack)["landing"]] }, object: { key: [{ suffix: ".manifest" }] } },
            });
        });

        it("the fallback schedule comes from config and both rules start the workflow through the same EVENT trigger", () => {
            const rules = ofType(resources(), "aws:cloudwatch/eventRule:EventRule");
            const schedule = rules.find((candidate) => candidate.name.endsWith("-schedule"));
            assert.equal(schedule?.inputs["scheduleExpression"], "cron(0 3 * * ? *)");
            const targets = ofType(resources(), "aws:cloudwatch/eventTarget:EventTarget");
            assert.deepEqual(targets.map((target) => target.inputs["rule"]).sort(), rules.map((rule) => rule.outputs["name"]).sort());
            for (const target of targets) assert.equal(target.inputs["arn"], workflowArn(), target.name);
        });

        it("EventBridge's role is trusted by events.amazonaws.com only and may only notify this workflow", () => {
            const [target] = ofType(resources(), "aws:cloudwatch/eventTarget:EventTarget");
            const role = ofType(resources(), "aws:iam/role:Role").find(
                (candidate) => candidate.outputs["arn"] === target.inputs["roleArn"],
            );
            assert.ok(role);
            const [trust] = (JSON.parse(role.inputs["assumeRolePolicy"] as string) as { Statement: Statement[] }).Statement;
            assert.deepEqual(trust.Condition, {
                StringEquals: { "aws:SourceAccount": "111111111111" },
                ArnLike: { "aws:SourceArn": `arn:aws:events:eu-west-1:111111111111:rule/lakehouse-${stack}-*` },
            });
            assert.deepEqual(trust.Principal, { Service: "events.amazonaws.com" });
            const policies = ofType(resources(), "aws:iam/rolePolicy:RolePolicy").filter(
                (policy) => policy.inputs["role"] === role.outputs["name"],
            );
            assert.deepEqual(
                policies.flatMap(statementsOf).map((statement) => [statement.Action, statement.Resource]),
                [[["glue:notifyEvent"], workflowArn()]],
            );
        });
    });
}

describe("Glue artefacts built from the repository", () => {
    it("the library zip holds exactly what glue-scripts/build_lib.py packs", () => {
        const script =
            "import json, sys; sys.path.insert(0, 'glue-scripts'); import build_lib; print(json.dumps(list(build_lib.library_entries())))";
        const fromPython = JSON.parse(execFileSync(python(), ["-c", script], { cwd: repoRoot, encoding: "utf8" })) as string[];
        assert.deepEqual(
            libraryEntries().map((entry) => entry.name),
            fromPython,
        );
    });

    it("the warehouse-load wheel installs with pip and its modules render the load SQL", () => {
        const { fileName, members } = libraryWheelMembers();
        const work = fs.mkdtempSync(path.join(os.tmpdir(), "lakehouse-wheel-"));
        try {
            const unpacked = path.join(work, "unpacked");
            for (const member of members) {
                fs.mkdirSync(path.dirname(path.join(unpacked, member.name)), { recursive: true });
                fs.writeFileSync(path.join(unpacked, member.name), member.content);
            }
            const wheel = path.join(work, fileName);
            const zip =
                "import pathlib, sys, zipfile\nroot = pathlib.Path(sys.argv[1])\nwith zipfile.ZipFile(sys.argv[2], 'w') as z:\n    for f in sorted(root.rglob('*')):\n        z.write(f, f.relative_to(root).as_posix()) if f.is_file() else None";
            execFileSync(python(), ["-c", zip, unpacked, wheel]);
            const target = path.join(work, "site");
            execFileSync(python(), ["-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target", target, wheel]);
            const check =
                "from lakehouse.warehouse_sql import WarehouseParams, render_load; import lakehouse.warehouse_load, lakehouse.job_args; " +
                "print(len(render_load(WarehouseParams('gold_ext', 'warehouse', 'gold', 'arn:aws:iam::111111111111:role/spectrum'))))";
            const statements = Number(
                execFileSync(python(), ["-c", check], { cwd: work, env: { ...process.env, PYTHONPATH: target }, encoding: "utf8" }),
            );
            assert.ok(statements > 0, "the load SQL renders from the installed wheel");
        } finally {
            fs.rmSync(work, { recursive: true, force: true });
        }
    });

    it("dqdl-rulesets.json is what the Python DQDL renderer produces for the shipped specs (npm run generate:dqdl)", () => {
        const rendered = JSON.parse(
            execFileSync(python(), ["-m", "lakehouse.dqdl"], { cwd: path.join(repoRoot, "glue-scripts"), encoding: "utf8" }),
        ) as unknown;
        const committed = JSON.parse(
            fs.readFileSync(path.join(repoRoot, "components", "catalog", "dqdl-rulesets.json"), "utf8"),
        ) as unknown;
        assert.deepEqual(committed, rendered);
    });
});
