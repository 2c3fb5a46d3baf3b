import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { contentHash } from "../../components/etl/glue-library";
import { schemaFunctionEntries } from "../../components/warehouse/warehouse-schema";
import { offlineAccountId } from "../../harness/offline-aws";
import type { PlannedResource } from "../../harness/evaluate";
import { ofType, planOf } from "./plans";

const repoRoot = path.join(__dirname, "..", "..");
const stacks = [
    { stack: "dev", retentionDays: 14, retained: false },
    { stack: "prod", retentionDays: 365, retained: true },
] as const;

interface Statement {
    Sid: string;
    Action: string[];
    Resource: string;
    Condition?: Record<string, Record<string, string>>;
}

function python(): string {
    const venv = path.join(repoRoot, ".venv", "bin", "python");
    return fs.existsSync(venv) ? venv : "python3";
}

const one = (resources: PlannedResource[], type: string): PlannedResource => {
    const found = ofType(resources, type).filter((resource) => resource.name.endsWith("-warehouse-schema"));
    assert.equal(found.length, 1, `one ${type} of the warehouse schema`);
    return found[0];
};

describe("the warehouse schema function's code", () => {
    it("runs from its zip alone: the handler imports the packed lakehouse modules and renders the packed schema SQL", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "warehouse-schema-zip-"));
        try {
            for (const entry of schemaFunctionEntries()) {
                fs.mkdirSync(path.dirname(path.join(dir, entry.name)), { recursive: true });
                fs.copyFileSync(entry.source, path.join(dir, entry.name));
            }
            // -S then site.main(): the zip's folder comes first, as /var/task does in Lambda.
            const probe = [
                `import sys; sys.path[:0] = [${JSON.stringify(dir)}]; import site; site.main()`,
                "import handler, lakehouse.warehouse_sql as w",
                `assert w.__file__.startswith(${JSON.stringify(dir)}), w.__file__`,
                "p = w.SchemaParams('gold_ext', 'warehouse', 'gold', 'arn:aws:iam::123456789012:role/r', 'lakehouse', 'loader')",
                "print(len(w.render_schema(p)), handler.handler.__name__)",
            ].join("\n");
            assert.equal(execFileSync(python(), ["-S", "-c", probe], { cwd: dir, encoding: "utf8" }).trim(), "9 handler");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("packs the schema phase's SQL only, not the per-run MERGEs", () => {
        const names = schemaFunctionEntries().map((entry) => entry.name);
        assert.ok(names.includes("lakehouse/sql/schema/03_loader_grants.sql"));
        assert.ok(!names.some((name) => name.includes("/load/") || name.includes("spark") || name.includes("silver")));
    });
});

for (const { stack, retentionDays, retained } of stacks) {
    describe(`warehouse schema in the ${stack} stack`, () => {
        const resources = () => planOf(stack).resources;
        const fn = () => one(resources(), "aws:lambda/function:Function");
        const logGroup = () => one(resources(), "aws:cloudwatch/logGroup:LogGroup");
        const invocation = () => one(resources(), "aws:lambda/invocation:Invocation");
        const namespace = () => ofType(resources(), "aws:redshiftserverless/namespace:Namespace")[0];
        const workgroup = () => ofType(resources(), "aws:redshiftserverless/workgroup:Workgroup")[0];
        const keyArn = (suffix: string) => ofType(resources(), "aws:kms/key:Key").find((key) => key.name.endsWith(suffix))?.outputs["arn"];

        it("the function runs Python 3.12 on arm64 with pinned timeout and memory, one invocation at a time, and no environment", () => {
            const inputs = fn().inputs;
            assert.deepEqual(
                [inputs["runtime"], inputs["architectures"], inputs["handler"], inputs["timeout"], inputs["memorySize"]],
                ["python3.12", ["arm64"], "handler.handler", 600, 256],
            );
            // No reserved concurrency: the deployment invokes it once, and a reservation fails on accounts at the default limit.
            assert.equal(inputs["reservedConcurrentExecutions"], undefined);
            assert.equal(inputs["environment"], undefined);
        });

        it(`the function logs as JSON to its own log group, encrypted with the logs key, kept ${retentionDays} days`, () => {
            assert.equal(logGroup().inputs["name"], `/lakehouse-${stack}/warehouse-schema`);
            assert.equal(logGroup().inputs["kmsKeyId"], keyArn("-logs"));
            assert.equal(logGroup().inputs["retentionInDays"], retentionDays);
            assert.equal(logGroup().retainOnDelete, retained);
            assert.equal(logGroup().protect, retained);
            assert.deepEqual(fn().inputs["loggingConfig"], {
                logFormat: "JSON",
                logGroup: `/lakehouse-${stack}/warehouse-schema`,
                applicationLogLevel: "INFO",
                systemLogLevel: "WARN",
            });
        });

        it("the function's role is assumable by Lambda only and allows just the Data API on this workgroup, the admin secret and its own logs", () => {
            const [role] = ofType(resources(), "aws:iam/role:Role").filter((candidate) => candidate.outputs["arn"] === fn().inputs["role"]);
            const trust = JSON.parse(role.inputs["assumeRolePolicy"] as string) as { Statement: { Principal: unknown }[] };
            assert.deepEqual(
                trust.Statement.map((statement) => statement.Principal),
                [{ Service: "lambda.amazonaws.com" }],
            );
            const [policy] = ofType(resources(), "aws:iam/rolePolicy:RolePolicy").filter(
                (candidate) => candidate.inputs["role"] === role.outputs["name"],
            );
            const statements = (JSON.parse(policy.inputs["policy"] as string) as { Statement: Statement[] }).Statement;
            const region = "eu-west-1";
            assert.deepEqual(
                statements.map((statement) => [statement.Action, statement.Resource, statement.Condition]),
                [
                    [["redshift-data:ExecuteStatement"], workgroup().outputs["arn"], undefined],
                    [
                        ["redshift-data:DescribeStatement"],
                        "*",
                        { StringEquals: { "redshift-data:statement-owner-iam-userid": "${aws:userid}" } },
                    ],
                    [["secretsmanager:GetSecretValue"], namespace().outputs["adminPasswordSecretArn"], undefined],
                    [["kms:Decrypt"], keyArn("-secrets"), { StringEquals: { "kms:ViaService": `secretsmanager.${region}.amazonaws.com` } }],
                    [
                        ["logs:CreateLogStream", "logs:PutLogEvents"],
                        `arn:aws:logs:${region}:${offlineAccountId}:log-group:/lakehouse-${stack}/warehouse-schema:*`,
                        undefined,
                    ],
                ],
            );
        });

        it("the deployment invokes the function on create only, again when the schema SQL or code hash or the input changes", () => {
            assert.equal(invocation().inputs["lifecycleScope"], "CREATE_ONLY");
            assert.equal(invocation().inputs["functionName"], fn().outputs["name"]);
            assert.deepEqual(invocation().inputs["triggers"], { schemaHash: contentHash(schemaFunctionEntries()) });
        });

        const loaderJobRoleName = (): string => {
            const job = ofType(resources(), "aws:glue/job:Job").find(
                (candidate) => candidate.inputs["name"] === `lakehouse-${stack}-warehouse-load`,
            );
            return String(job?.inputs["roleArn"]).split("/").pop() ?? "";
        };

        it("the invocation signs in with the namespace's managed admin secret and names the loader's role, the Spectrum role and gold", () => {
            const input = JSON.parse(invocation().inputs["input"] as string) as Record<string, string>;
            const [spectrumRole] = ofType(resources(), "aws:iam/role:Role").filter((role) => role.name.endsWith("-spectrum"));
            assert.deepEqual(input, {
                workgroupName: workgroup().inputs["workgroupName"],
                database: "lakehouse",
                adminSecretArn: namespace().outputs["adminPasswordSecretArn"],
                externalSchema: "gold_ext",
                warehouseSchema: "warehouse",
                goldDatabase: `lakehouse_${stack}_gold`,
                spectrumRoleArn: spectrumRole.outputs["arn"],
                // The warehouse-load job's role, whose database user the function creates and grants.
                loaderRole: loaderJobRoleName(),
            });
        });

        it("the invocation waits for every resource of the warehouse (workgroup, Spectrum role policy) and for the gold database", () => {
            const dependencies = invocation().dependencies;
            const warehouse = resources().find((resource) => resource.type === "lakehouse:warehouse:RedshiftWarehouse");
            const parts = resources().filter((resource) => resource.custom && resource.parent === warehouse?.urn);
            assert.ok(parts.some((part) => part.type === "aws:iam/rolePolicy:RolePolicy"));
            assert.ok(parts.some((part) => part.type === "aws:redshiftserverless/workgroup:Workgroup"));
            for (const part of parts) assert.ok(dependencies.includes(part.urn), part.urn);
            const [gold] = ofType(resources(), "aws:glue/catalogDatabase:CatalogDatabase").filter(
                (database) => database.inputs["name"] === `lakehouse_${stack}_gold`,
            );
            assert.ok(dependencies.includes(gold.urn), "depends on the gold database");
        });

        it("the function name and the schema hash are stack outputs", () => {
            const outputs = planOf(stack).outputs["warehouse"] as Record<string, unknown>;
            assert.equal(outputs["schemaFunction"], fn().outputs["name"]);
            assert.equal(outputs["schemaHash"], contentHash(schemaFunctionEntries()));
        });
    });
}
