/**
 * Each priced resource type, on hand-built resources. Expected figures are AWS's published prices
 * (eu-west-1 unless named) multiplied out by hand, so a wrong table entry or formula fails here.
 */
import { strict as assert } from "node:assert";
import { monthlyOf, planned, priceOf, usageWith } from "./fixtures";

const vpc = (strategy: string) => planned("awsx:ec2:Vpc", "vpc", { numberOfAvailabilityZones: 3, natGateways: { strategy } });
const endpoint = (subnets: number) =>
    planned("aws:ec2/vpcEndpoint:VpcEndpoint", "glue-endpoint", {
        serviceName: "com.amazonaws.eu-west-1.glue",
        vpcEndpointType: "Interface",
        subnetIds: Array.from({ length: subnets }, (_, index) => `subnet-${index}`),
    });

describe("cost of the network", () => {
    it("charges a Single NAT gateway 730 hours at $0.048 plus its public IPv4 address at $0.005 an hour", () => {
        const report = priceOf([vpc("Single")]);
        assert.deepEqual(monthlyOf(report, "NAT gateways"), [35.04]);
        assert.deepEqual(monthlyOf(report, "NAT gateway public IPv4"), [3.65]);
    });

    it("charges one NAT gateway per AZ for OnePerAz, and data through NAT at $0.048 a GB", () => {
        const report = priceOf([vpc("OnePerAz")], usageWith({ network: { natGbPerDay: 10, endpointGbPerDay: 0 } }));
        assert.deepEqual(monthlyOf(report, "NAT gateways"), [105.12]);
        assert.deepEqual(monthlyOf(report, "NAT data processing"), [14.6]);
    });

    it("charges nothing for a VPC without NAT gateways (its S3 gateway endpoint is free)", () => {
        assert.equal(priceOf([vpc("None")]).totals.total, 0);
    });

    it("charges an interface endpoint per AZ-hour: 3 AZs $24.09 in eu-west-1, $21.90 in us-east-1, one AZ $8.03", () => {
        assert.deepEqual(monthlyOf(priceOf([endpoint(3)]), "interface endpoint glue"), [24.09]);
        assert.deepEqual(monthlyOf(priceOf([endpoint(3)], usageWith(), "us-east-1"), "interface endpoint glue"), [21.9]);
        assert.deepEqual(monthlyOf(priceOf([endpoint(1)]), "interface endpoint glue"), [8.03]);
    });

    it("charges nothing for a gateway endpoint", () => {
        const gateway = planned("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", {
            vpcEndpointType: "Gateway",
            serviceName: "com.amazonaws.eu-west-1.s3",
        });
        assert.equal(priceOf([gateway]).lines.length, 0);
    });
});

describe("cost of keys and secrets", () => {
    const key = (inputs: Record<string, unknown>) => planned("aws:kms/key:Key", "key", inputs);
    const keyMonthly = (inputs: Record<string, unknown>, monthsDeployed: number): number =>
        priceOf([key(inputs)], usageWith({ monthsDeployed })).totals.total;

    it("charges a KMS key $1 a month, plus $1 for each of its first two rotations and nothing for later ones", () => {
        const yearly = { enableKeyRotation: true, rotationPeriodInDays: 365 };
        assert.equal(keyMonthly(yearly, 6), 1);
        assert.equal(keyMonthly(yearly, 12), 2);
        assert.equal(keyMonthly(yearly, 24), 3);
        assert.equal(keyMonthly(yearly, 60), 3);
        assert.equal(keyMonthly({ enableKeyRotation: false }, 60), 1);
    });

    it("counts rotations from the key's rotation period", () => {
        assert.equal(keyMonthly({ enableKeyRotation: true, rotationPeriodInDays: 2560 }, 60), 1);
    });

    it("charges a secret $0.40 a month, and the secret Redshift keeps for a managed admin password too", () => {
        const report = priceOf([
            planned("aws:secretsmanager/secret:Secret", "secret"),
            planned("aws:redshiftserverless/namespace:Namespace", "namespace", { manageAdminPassword: true }),
        ]);
        assert.deepEqual(monthlyOf(report, "secret"), [0.4]);
        assert.deepEqual(monthlyOf(report, "AWS-managed admin secret"), [0.4]);
    });
});

describe("cost of the warehouse", () => {
    const workgroup = planned("aws:redshiftserverless/workgroup:Workgroup", "workgroup", { baseCapacity: 8 }, { arn: "arn:workgroup" });
    const limit = planned("aws:redshiftserverless/usageLimit:UsageLimit", "daily", {
        resourceArn: "arn:workgroup",
        period: "daily",
        usageType: "serverless-compute",
        amount: 8,
    });

    it("charges Redshift Serverless RPU-hours at $0.40 and nothing while idle", () => {
        const busy = priceOf([workgroup], usageWith({ warehouse: { rpuHoursPerDay: 10, storageGb: 0, snapshotGb: 0 } }));
        assert.deepEqual(monthlyOf(busy, "compute"), [121.67]);
        assert.deepEqual(monthlyOf(priceOf([workgroup]), "compute"), [0]);
    });

    it("caps RPU-hours at the workgroup's daily usage limit", () => {
        const capped = priceOf([workgroup, limit], usageWith({ warehouse: { rpuHoursPerDay: 10, storageGb: 0, snapshotGb: 0 } }));
        assert.deepEqual(monthlyOf(capped, "compute"), [97.33]);
    });

    it("charges managed storage and snapshots at $0.024 a GB-month", () => {
        const namespace = planned("aws:redshiftserverless/namespace:Namespace", "namespace");
        const report = priceOf([namespace], usageWith({ warehouse: { rpuHoursPerDay: 0, storageGb: 100, snapshotGb: 50 } }));
        assert.deepEqual(monthlyOf(report, "managed storage"), [2.4]);
        assert.deepEqual(monthlyOf(report, "snapshots"), [1.2]);
    });
});

describe("cost of Glue jobs", () => {
    const sparkJob = (workerType: string, executionClass: string) =>
        planned("aws:glue/job:Job", "etl-bronze", {
            name: "lakehouse-test-bronze",
            command: { name: "glueetl" },
            workerType,
            numberOfWorkers: 10,
            executionClass,
        });
    const hourADay = usageWith({ glue: { runsPerDay: 1, jobs: { bronze: { minutesPerRun: 60 } } } });

    it("charges STANDARD at $0.44 and FLEX at $0.29 a DPU-hour (10 G.1X workers, an hour a day)", () => {
        assert.equal(priceOf([sparkJob("G.1X", "STANDARD")], hourADay).totals.total, 133.83);
        assert.equal(priceOf([sparkJob("G.1X", "FLEX")], hourADay).totals.total, 88.21);
    });

    it("counts a G.2X worker as 2 DPUs", () => {
        assert.equal(priceOf([sparkJob("G.2X", "STANDARD")], hourADay).totals.total, 267.67);
    });

    it("prices an auto-scaling job at its average workers when the usage gives them", () => {
        const job = planned("aws:glue/job:Job", "etl-bronze", {
            name: "lakehouse-test-bronze",
            command: { name: "glueetl" },
            workerType: "G.1X",
            numberOfWorkers: 10,
            defaultArguments: { "--enable-auto-scaling": "true" },
        });
        const usage = usageWith({ glue: { runsPerDay: 1, jobs: { bronze: { minutesPerRun: 60, averageWorkers: 5 } } } });
        assert.equal(priceOf([job], usage).totals.total, 66.92);
    });

    it("bills a Python shell job of 0.0625 DPU at least one minute a run", () => {
        const shell = planned("aws:glue/job:Job", "etl-load", {
            name: "lakehouse-test-warehouse-load",
            command: { name: "pythonshell" },
            maxCapacity: 0.0625,
        });
        const usage = usageWith({ glue: { runsPerDay: 100, jobs: { "warehouse-load": { minutesPerRun: 0.25 } } } });
        // 100 runs × 30.4167 days × 1 min × 0.0625 DPU / 60 × $0.44
        assert.equal(priceOf([shell], usage).totals.total, 1.39);
    });

    it("lists a streaming job as not priced", () => {
        const streaming = planned("aws:glue/job:Job", "stream", { name: "s", command: { name: "gluestreaming" } });
        assert.equal(priceOf([streaming]).notPriced.length, 1);
    });
});

describe("cost of analytics, operations and delivery", () => {
    it("bills Athena at $5 a TB with 10 MB a query at least", () => {
        const workgroup = planned("aws:athena/workgroup:Workgroup", "athena", {
            configuration: { bytesScannedCutoffPerQuery: 1_073_741_824 },
        });
        const report = priceOf([workgroup], usageWith({ athena: { queriesPerDay: 1000, mbScannedPerQuery: 1 } }));
        assert.deepEqual(monthlyOf(report, "Athena data scanned"), [1.45]);
    });

    it("charges a standard alarm $0.10, a high-resolution one $0.30, a metric-math alarm per metric, a dashboard $3", () => {
        const report = priceOf([
            planned("aws:cloudwatch/metricAlarm:MetricAlarm", "standard", { period: 3600 }),
            planned("aws:cloudwatch/metricAlarm:MetricAlarm", "fast", { period: 10 }),
            planned("aws:cloudwatch/metricAlarm:MetricAlarm", "math", {
                metricQueries: [
                    { id: "a", metric: { period: 300 } },
                    { id: "b", metric: { period: 300 } },
                    { id: "e", expression: "a+b" },
                ],
            }),
            planned("aws:cloudwatch/dashboard:Dashboard", "dashboard"),
        ]);
        assert.deepEqual(monthlyOf(report, "alarm"), [0.1, 0.3, 0.2]);
        assert.deepEqual(monthlyOf(report, "dashboard"), [3]);
    });

    it("charges log ingestion at $0.57 a GB and storage at $0.03 a GB-month for the retention kept", () => {
        const group = planned("aws:cloudwatch/logGroup:LogGroup", "logs", { retentionInDays: 30 });
        const report = priceOf([group], usageWith({ logs: { gbPerDay: 1 } }));
        assert.deepEqual(monthlyOf(report, "log ingestion"), [17.34]);
        assert.deepEqual(monthlyOf(report, "log storage"), [0.9]);
    });

    it("charges Lambda $0.20 a million requests and $0.0000133334 a GB-second on arm64", () => {
        const fn = planned("aws:lambda/function:Function", "fn", { memorySize: 1024, architectures: ["arm64"] });
        const report = priceOf([fn], usageWith({ lambda: { invocationsPerMonth: 1_000_000, secondsPerInvocation: 1 } }));
        assert.deepEqual(monthlyOf(report, "Lambda requests"), [0.2]);
        assert.deepEqual(monthlyOf(report, "Lambda duration"), [13.33]);
    });

    it("charges CodeBuild per build minute by compute type and CodePipeline V2 $0.002 an action minute", () => {
        const report = priceOf(
            [
                planned("aws:codebuild/project:Project", "delivery-test", { environment: { computeType: "BUILD_GENERAL1_MEDIUM" } }),
                planned("aws:codepipeline/pipeline:Pipeline", "delivery-pipeline", { pipelineType: "V2" }),
            ],
            usageWith({ pipeline: { runsPerMonth: 10, buildMinutes: { test: 10 } } }),
        );
        assert.deepEqual(monthlyOf(report, "build minutes (BUILD_GENERAL1_MEDIUM)"), [1]);
        assert.deepEqual(monthlyOf(report, "V2 action minutes"), [0.2]);
    });

    it("charges QuickSight $24 an author and $3 a reader, readers from the stack's principals", () => {
        const dataset = planned("aws:quicksight/dataSet:DataSet", "dataset", {
            permissions: [{ principal: "arn:aws:quicksight:eu-west-1:111111111111:group/default/readers" }],
        });
        const report = priceOf([dataset], usageWith({ quicksight: { authors: 2, readersPerGroup: 5, additionalSpiceGb: 0 } }));
        assert.deepEqual(monthlyOf(report, "QuickSight authors"), [48]);
        assert.deepEqual(monthlyOf(report, "QuickSight readers"), [15]);
    });
});

describe("cost of optional services", () => {
    it("charges DynamoDB on-demand writes at $0.7063 a million and provisioned WCUs at $0.000735 an hour", () => {
        const onDemand = planned("aws:dynamodb/table:Table", "table", { billingMode: "PAY_PER_REQUEST" });
        const usage = usageWith({ dynamodb: { writesPerDay: 1_000_000, readsPerDay: 0, storageGb: 0 } });
        assert.deepEqual(monthlyOf(priceOf([onDemand], usage), "on-demand writes"), [21.48]);
        const provisioned = planned("aws:dynamodb/table:Table", "table", {
            billingMode: "PROVISIONED",
            writeCapacity: 10,
            readCapacity: 0,
        });
        assert.deepEqual(monthlyOf(priceOf([provisioned]), "provisioned writes"), [5.37]);
    });

    it("charges EventBridge Scheduler $1 a million invocations", () => {
        const schedule = planned("aws:scheduler/schedule:Schedule", "schedule");
        assert.equal(priceOf([schedule], usageWith({ scheduler: { invocationsPerMonth: 1_000_000 } })).totals.total, 1);
    });

    it("charges an MWAA mw1.small environment every hour", () => {
        const environment = planned("aws:mwaa/environment:Environment", "airflow", { environmentClass: "mw1.small", minWorkers: 1 });
        assert.deepEqual(monthlyOf(priceOf([environment]), "MWAA mw1.small environment"), [401.5]);
    });
});

describe("resources the report cannot price", () => {
    it("lists an unknown resource type as not priced and counts it nowhere", () => {
        const report = priceOf([planned("aws:ec2/instance:Instance", "mystery"), planned("aws:secretsmanager/secret:Secret", "secret")]);
        assert.deepEqual(
            report.notPriced.map((item) => [item.type, item.resource]),
            [["aws:ec2/instance:Instance", "mystery"]],
        );
        assert.equal(report.lines.filter((line) => line.type === "aws:ec2/instance:Instance").length, 0);
        assert.equal(report.totals.total, 0.4);
    });
});
