import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import type { PlannedResource } from "../../harness/evaluate";
import { ofType, planOf, planOfStackFile } from "./plans";

const stacks = [
    {
        stack: "dev",
        capacity: { base: 8, max: 16 },
        limits: { daily: 8, weekly: 40 },
        breachAction: "deactivate",
        logRetention: 14,
        retained: false,
        enhancedVpcRouting: false,
    },
    {
        stack: "prod",
        capacity: { base: 32, max: 128 },
        limits: { daily: 200, weekly: 1000 },
        breachAction: "emit-metric",
        logRetention: 365,
        retained: true,
        enhancedVpcRouting: true,
    },
] as const;

interface Statement {
    Sid?: string;
    Effect: string;
    Principal?: { Service?: string | string[] };
    Action: string | string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, string | string[]>>;
}

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const document = (json: unknown): Statement[] => (JSON.parse(json as string) as { Statement: Statement[] }).Statement;
const one = (resources: PlannedResource[], type: string, suffix: string): PlannedResource => {
    const found = ofType(resources, type).filter((resource) => resource.name.endsWith(suffix));
    assert.equal(found.length, 1, `exactly one ${type} named *${suffix}`);
    return found[0];
};

for (const { stack, capacity, limits, breachAction, logRetention, retained, enhancedVpcRouting } of stacks) {
    describe(`Redshift Serverless warehouse in the ${stack} stack`, () => {
        const resources = () => planOf(stack).resources;
        const namespace = () => one(resources(), "aws:redshiftserverless/namespace:Namespace", "-warehouse-namespace");
        const workgroup = () => one(resources(), "aws:redshiftserverless/workgroup:Workgroup", "-warehouse-workgroup");
        const keyArn = (purpose: string) => one(resources(), "aws:kms/key:Key", `-keys-${purpose}`).outputs["arn"];
        const group = (suffix: string) => one(resources(), "aws:ec2/securityGroup:SecurityGroup", suffix);
        const rulesOf = (type: string, securityGroup: PlannedResource) =>
            ofType(resources(), type).filter((rule) => rule.inputs["securityGroupId"] === securityGroup.outputs["id"]);
        const outputs = () => planOf(stack).outputs["warehouse"] as Record<string, unknown>;
        const spectrumRole = () => one(resources(), "aws:iam/role:Role", "-warehouse-spectrum");

        it("encrypts the namespace with the warehouse key and the admin secret with the secrets key", () => {
            assert.equal(namespace().inputs["kmsKeyId"], keyArn("warehouse"));
            assert.equal(namespace().inputs["adminPasswordSecretKmsKeyId"], keyArn("secrets"));
        });

        it("lets AWS manage the admin password, so no password is in config or state", () => {
            assert.equal(namespace().inputs["manageAdminPassword"], true);
            assert.equal(namespace().inputs["adminUserPassword"], undefined);
            assert.equal(namespace().inputs["adminUserPasswordWo"], undefined);
            assert.match(String(outputs()["adminSecretArn"]), /^arn:aws:secretsmanager:eu-west-1:111111111111:secret:redshift!/);
        });

        it("creates the lakehouse database", () => {
            assert.equal(namespace().inputs["dbName"], "lakehouse");
            assert.equal(outputs()["database"], "lakehouse");
        });

        it(`is not publicly accessible and ${enhancedVpcRouting ? "routes" : "does not route (dev: no Glue endpoint to pay for)"} COPY, UNLOAD and Spectrum traffic through the VPC`, () => {
            assert.equal(workgroup().inputs["publiclyAccessible"], false);
            assert.equal(workgroup().inputs["enhancedVpcRouting"], enhancedVpcRouting);
        });

        it("requires SSL, logs user activity and pins every parameter AWS reports, so previews show no drift", () => {
            const parameters = Object.fromEntries(
                (workgroup().inputs["configParameters"] as { parameterKey: string; parameterValue: string }[]).map((p) => [
                    p.parameterKey,
                    p.parameterValue,
                ]),
            );
            assert.equal(parameters["require_ssl"], "true");
            assert.equal(parameters["enable_user_activity_logging"], "true");
            assert.deepEqual(Object.keys(parameters).sort(), [
                "auto_mv",
                "datestyle",
                "enable_case_sensitive_identifier",
                "enable_user_activity_logging",
                "max_query_execution_time",
                "query_group",
                "require_ssl",
                "search_path",
                "use_fips_ssl",
            ]);
        });

        it("runs in the three private subnets", () => {
            const subnets = workgroup().inputs["subnetIds"] as string[];
            assert.equal(new Set(subnets).size, 3);
            assert.deepEqual(subnets, planOf(stack).outputs["privateSubnetIds"]);
        });

        it(`takes base ${capacity.base} and maximum ${capacity.max} RPUs from the profile`, () => {
            assert.equal(workgroup().inputs["baseCapacity"], capacity.base);
            assert.equal(workgroup().inputs["maxCapacity"], capacity.max);
        });

        it("admits 5439 only from the client security group, never from a CIDR", () => {
            const workgroupGroup = group("-warehouse-workgroup");
            const clients = group("-warehouse-clients");
            assert.deepEqual(workgroup().inputs["securityGroupIds"], [workgroupGroup.outputs["id"]]);
            const ingress = rulesOf("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", workgroupGroup);
            assert.deepEqual(
                ingress.map((rule) => [
                    rule.inputs["ipProtocol"],
                    rule.inputs["fromPort"],
                    rule.inputs["toPort"],
                    rule.inputs["referencedSecurityGroupId"],
                ]),
                [["tcp", 5439, 5439, clients.outputs["id"]]],
            );
            for (const rule of ingress) assert.equal(rule.inputs["cidrIpv4"] ?? rule.inputs["cidrIpv6"], undefined);
            assert.deepEqual(
                ofType(resources(), "aws:ec2/securityGroup:SecurityGroup").filter((g) => g.inputs["ingress"] !== undefined),
                [],
            );
        });

        it("lets clients reach only the workgroup on 5439", () => {
            const clients = group("-warehouse-clients");
            const egress = rulesOf("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", clients);
            assert.deepEqual(
                egress.map((rule) => [rule.inputs["fromPort"], rule.inputs["toPort"], rule.inputs["referencedSecurityGroupId"]]),
                [[5439, 5439, group("-warehouse-workgroup").outputs["id"]]],
            );
            assert.deepEqual(rulesOf("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", clients), []);
        });

        it(`sends the workgroup's traffic only over HTTPS to S3's gateway endpoint and the interface endpoints (Glue catalog for Spectrum)`, () => {
            const egress = rulesOf("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", group("-warehouse-workgroup"));
            for (const rule of egress) {
                assert.deepEqual([rule.inputs["ipProtocol"], rule.inputs["fromPort"], rule.inputs["toPort"]], ["tcp", 443, 443], rule.name);
                assert.equal(rule.inputs["cidrIpv4"], undefined, rule.name);
            }
            const endpoints = ofType(resources(), "aws:ec2/securityGroup:SecurityGroup").find((g) => g.name.endsWith("-network-endpoints"));
            assert.equal(
                endpoints !== undefined,
                enhancedVpcRouting,
                "interface endpoints exactly where the warehouse routes through the VPC",
            );
            assert.deepEqual(
                egress.map((rule) => rule.inputs["prefixListId"] ?? rule.inputs["referencedSecurityGroupId"]),
                ["pl-6da54004", ...(endpoints ? [endpoints.outputs["id"]] : [])],
            );
        });

        it("trusts Redshift with the Spectrum role and makes it the namespace's default", () => {
            const role = spectrumRole();
            const trust = document(role.inputs["assumeRolePolicy"]);
            assert.deepEqual(trust.flatMap((statement) => list(statement.Principal?.Service ?? [])).sort(), [
                "redshift-serverless.amazonaws.com",
                "redshift.amazonaws.com",
            ]);
            assert.ok(trust.every((statement) => statement.Action === "sts:AssumeRole"));
            assert.equal(namespace().inputs["defaultIamRoleArn"], role.outputs["arn"]);
            assert.deepEqual(namespace().inputs["iamRoles"], [role.outputs["arn"]]);
        });

        it("scopes the Spectrum role to the gold bucket, the gold catalog database and the data-lake key, nothing else", () => {
            const policies = ofType(resources(), "aws:iam/rolePolicy:RolePolicy").filter(
                (p) => p.inputs["role"] === spectrumRole().outputs["name"],
            );
            assert.equal(policies.length, 1);
            assert.deepEqual(
                ofType(resources(), "aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter(
                    (a) => a.inputs["role"] === spectrumRole().outputs["name"],
                ),
                [],
            );
            const statements = document(policies[0].inputs["policy"]);
            const gold = (planOf(stack).outputs["buckets"] as Record<string, string>)["gold"];
            const glue = `arn:aws:glue:eu-west-1:111111111111`;
            const database = `lakehouse_${stack}_gold`;
            const resourcesOf = statements.flatMap((s) => list(s.Resource));
            assert.ok(!resourcesOf.includes("*"));
            assert.deepEqual(
                [...new Set(resourcesOf)].sort(),
                [
                    `arn:aws:s3:::${gold}`,
                    `arn:aws:s3:::${gold}/*`,
                    `${glue}:catalog`,
                    `${glue}:database/${database}`,
                    `${glue}:table/${database}/*`,
                    keyArn("data-lake"),
                ].sort(),
            );
            for (const statement of statements) {
                assert.equal(statement.Effect, "Allow");
                for (const action of list(statement.Action))
                    assert.match(action, /^(s3:(Get|List)|glue:(Get|BatchGet)|kms:Decrypt$)/, action);
            }
            const kms = statements.find((s) => list(s.Action).includes("kms:Decrypt"));
            assert.deepEqual(kms?.Condition, {
                StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" },
            });
        });

        it(`exports connection, user and user-activity logs to log groups encrypted with the logs key and kept ${logRetention} days`, () => {
            const namespaceName = namespace().inputs["namespaceName"] as string;
            assert.deepEqual(namespace().inputs["logExports"], ["connectionlog", "userlog", "useractivitylog"]);
            const groups = ["connectionlog", "userlog", "useractivitylog"].map((log) =>
                one(resources(), "aws:cloudwatch/logGroup:LogGroup", `-warehouse-${log}`),
            );
            assert.deepEqual(
                groups.map((g) => g.inputs["name"]),
                ["connectionlog", "userlog", "useractivitylog"].map((log) => `/aws/redshift/${namespaceName}/${log}`),
            );
            for (const g of groups) {
                assert.equal(g.inputs["kmsKeyId"], keyArn("logs"), g.name);
                assert.equal(g.inputs["retentionInDays"], logRetention, g.name);
                assert.ok(
                    namespace().dependencies.includes(g.urn),
                    `the namespace waits for ${g.name}, so Redshift never creates it unencrypted`,
                );
            }
        });

        it(`limits RPU-hours per day (${limits.daily}) and week (${limits.weekly}) with breach action ${breachAction}`, () => {
            const usageLimits = ofType(resources(), "aws:redshiftserverless/usageLimit:UsageLimit");
            assert.deepEqual(
                usageLimits.map((limit) => [
                    limit.inputs["period"],
                    limit.inputs["amount"],
                    limit.inputs["breachAction"],
                    limit.inputs["usageType"],
                ]),
                [
                    ["daily", limits.daily, breachAction, "serverless-compute"],
                    ["weekly", limits.weekly, breachAction, "serverless-compute"],
                ],
            );
            for (const limit of usageLimits) assert.equal(limit.inputs["resourceArn"], workgroup().outputs["arn"]);
        });

        it("alarms to the alert topic at 80% of each usage limit, on the metric Redshift Serverless publishes for that limit", () => {
            const topic = one(resources(), "aws:sns/topic:Topic", "-alerts").outputs["arn"];
            for (const [period, amount] of [
                ["daily", limits.daily],
                ["weekly", limits.weekly],
            ] as const) {
                const limit = one(resources(), "aws:redshiftserverless/usageLimit:UsageLimit", `-${period}-rpu-hours`);
                const alarm = one(resources(), "aws:cloudwatch/metricAlarm:MetricAlarm", `-warehouse-${period}-usage`);
                assert.equal(alarm.inputs["namespace"], "AWS/Redshift-Serverless");
                assert.equal(alarm.inputs["metricName"], "UsageLimitConsumed");
                assert.deepEqual(alarm.inputs["dimensions"], {
                    UsageLimitId: limit.outputs["id"],
                    UsageType: "SERVERLESS_COMPUTE",
                    Workgroup: workgroup().inputs["workgroupName"],
                });
                assert.equal(alarm.inputs["treatMissingData"], "ignore");
                assert.equal(alarm.inputs["comparisonOperator"], "GreaterThanOrEqualToThreshold");
                assert.equal(alarm.inputs["threshold"], amount * 0.8);
                assert.deepEqual(alarm.inputs["alarmActions"], [topic]);
            }
        });

        it(
            retained
                ? "protects and retains the namespace: Pulumi never deletes it, the documented delete takes a final snapshot"
                : "lets a dev stack delete its namespace",
            () => {
                assert.equal(namespace().protect, retained);
                assert.equal(namespace().retainOnDelete, retained);
                for (const log of ["connectionlog", "userlog", "useractivitylog"]) {
                    assert.equal(one(resources(), "aws:cloudwatch/logGroup:LogGroup", `-warehouse-${log}`).retainOnDelete, retained);
                }
            },
        );
    });
}

describe("changing Redshift Serverless capacity", () => {
    const prodConfig = (
        parse(fs.readFileSync(path.join(__dirname, "..", "..", "Pulumi.prod.yaml"), "utf8")) as { config: Record<string, unknown> }
    ).config;

    it("a capacity change in the stack file plans as an update of the workgroup's capacity and nothing else", () => {
        const changed = planOfStackFile("prod", {
            ...prodConfig,
            "lakehouse:redshiftBaseCapacity": 64,
            "lakehouse:redshiftMaxCapacity": 256,
        });
        assert.equal(changed.kind, "plan");
        if (changed.kind !== "plan") return;
        const before = new Map(planOf("prod").resources.map((resource) => [resource.urn, resource]));
        const after = new Map(changed.resources.map((resource) => [resource.urn, resource]));
        assert.deepEqual(
            [...after.keys()].sort(),
            [...before.keys()].sort(),
            "no resource is created, deleted or replaced under a new URN",
        );

        const differing = [...after.values()].filter(
            (resource) => JSON.stringify(resource.inputs) !== JSON.stringify(before.get(resource.urn)?.inputs),
        );
        assert.deepEqual(
            differing.map((resource) => resource.type),
            ["aws:redshiftserverless/workgroup:Workgroup"],
        );
        const [workgroup] = differing;
        const previous = before.get(workgroup.urn)?.inputs ?? {};
        const changedKeys = Object.keys({ ...previous, ...workgroup.inputs }).filter(
            (key) => JSON.stringify(previous[key]) !== JSON.stringify(workgroup.inputs[key]),
        );
        assert.deepEqual(changedKeys.sort(), ["baseCapacity", "maxCapacity"]);
        assert.deepEqual([workgroup.inputs["baseCapacity"], workgroup.inputs["maxCapacity"]], [64, 256]);
    });
});

describe("Redshift Serverless egress in a stack with NAT and no Glue endpoint", () => {
    it("reaches the Glue Data Catalog over HTTPS through NAT, since Spectrum's catalog calls leave the VPC there", () => {
        const result = planOfStackFile("staging", {
            "aws:region": "eu-west-1",
            "lakehouse:environment": "staging",
            "lakehouse:owner": "team",
            "lakehouse:costCenter": "cc-1",
            "lakehouse:pipelineEnabled": false,
            "lakehouse:natGateways": "Single",
            "lakehouse:interfaceEndpoints": [],
        });
        assert.equal(result.kind, "plan");
        if (result.kind !== "plan") return;
        const workgroupGroup = one(result.resources, "aws:ec2/securityGroup:SecurityGroup", "-warehouse-workgroup");
        const egress = ofType(result.resources, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").filter(
            (rule) => rule.inputs["securityGroupId"] === workgroupGroup.outputs["id"],
        );
        assert.deepEqual(
            egress.map((rule) => [rule.inputs["fromPort"], rule.inputs["prefixListId"] ?? rule.inputs["cidrIpv4"]]),
            [
                [443, "pl-6da54004"],
                [443, "0.0.0.0/0"],
            ],
        );
    });
});
