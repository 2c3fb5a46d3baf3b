import { strict as assert } from "node:assert";
import { ConfigValidationError, resolveConfig, type ConfigProblem } from "../../config";

const base: Record<string, string> = {
    "aws:region": "eu-west-1",
    "lakehouse:environment": "prod",
    "lakehouse:owner": "data-platform",
    "lakehouse:costCenter": "cc-4711",
    "lakehouse:pipelineConnectionArn": "arn:aws:codeconnections:eu-west-1:111111111111:connection/0b7e7c4e-5f0a-4c1e-9d2a-3c6f1e2d4a5b",
    "lakehouse:pipelineRepository": "example-org/lakehouse-platform",
    "lakehouse:quicksightPrincipals": JSON.stringify(["arn:aws:quicksight:eu-west-1:111111111111:group/default/lakehouse-readers"]),
};

function problemsFor(overrides: Record<string, string | undefined>): ConfigProblem[] {
    const values = Object.fromEntries(
        Object.entries({ ...base, ...overrides }).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    try {
        resolveConfig({ project: "lakehouse", stack: "test", values });
    } catch (error) {
        assert.ok(error instanceof ConfigValidationError, `expected a ConfigValidationError, got ${String(error)}`);
        return [...error.problems];
    }
    return [];
}

function assertRejected(overrides: Record<string, string | undefined>, key: string, messagePart: RegExp): void {
    const problems = problemsFor(overrides);
    const match = problems.find((problem) => problem.key === key);
    assert.ok(match, `expected a problem at ${key}, got ${JSON.stringify(problems)}`);
    assert.match(match.message, messagePart);
}

describe("stack config", () => {
    it("a minimal prod stack resolves with the prod profile's defaults", () => {
        const config = resolveConfig({ project: "lakehouse", stack: "prod", values: base });
        assert.equal(config.environment, "prod");
        assert.equal(config.protection.retainOnDelete, true);
        assert.equal(config.protection.kmsDeletionWindowDays, 30);
        assert.equal(config.protection.logRetentionDays, 365);
        assert.equal(config.network.natGateways, "None");
        assert.equal(config.etl.executionClass, "STANDARD");
        assert.deepEqual(config.tags, { environment: "prod", owner: "data-platform", "cost-center": "cc-4711", project: "lakehouse" });
    });

    it("a dev stack gets the dev profile: no NAT, FLEX, short retention, data not retained", () => {
        const config = resolveConfig({ project: "lakehouse", stack: "dev", values: { ...base, "lakehouse:environment": "dev" } });
        assert.equal(config.network.natGateways, "None");
        assert.equal(config.etl.executionClass, "FLEX");
        assert.equal(config.protection.logRetentionDays, 14);
        assert.equal(config.protection.kmsDeletionWindowDays, 7);
        assert.equal(config.protection.retainOnDelete, false);
    });

    it("a stack file value overrides the profile default", () => {
        const config = resolveConfig({ project: "lakehouse", stack: "prod", values: { ...base, "lakehouse:logRetentionDays": "731" } });
        assert.equal(config.protection.logRetentionDays, 731);
    });

    it("every problem is reported at once, each under its key path", () => {
        const problems = problemsFor({
            "lakehouse:owner": undefined,
            "lakehouse:glueNumberOfWorkers": "many",
            "lakehouse:alertEmails": JSON.stringify(["ops@example.com", "not-an-email"]),
            "lakehouse:bucketSize": "3",
        });
        assert.deepEqual(problems.map((problem) => problem.key).sort(), [
            "lakehouse:alertEmails[1]",
            "lakehouse:bucketSize",
            "lakehouse:glueNumberOfWorkers",
            "lakehouse:owner",
        ]);
    });

    describe("rejects broken stack files with the key that is wrong", () => {
        const cases: [string, Record<string, string | undefined>, string, RegExp][] = [
            [
                "an unknown key, suggesting the closest one",
                { "lakehouse:glueWorkerTyp": "G.1X" },
                "lakehouse:glueWorkerTyp",
                /did you mean lakehouse:glueWorkerType/,
            ],
            ["an unknown environment", { "lakehouse:environment": "qa" }, "lakehouse:environment", /dev|staging|prod/],
            ["a missing required tag value", { "lakehouse:costCenter": undefined }, "lakehouse:costCenter", /required/],
            [
                "a non-integer where an integer is expected",
                { "lakehouse:kmsDeletionWindowDays": "seven" },
                "lakehouse:kmsDeletionWindowDays",
                /integer/,
            ],
            [
                "a KMS deletion window outside 7-30 days",
                { "lakehouse:kmsDeletionWindowDays": "3" },
                "lakehouse:kmsDeletionWindowDays",
                />=7|7/,
            ],
            [
                "a log retention CloudWatch does not accept",
                { "lakehouse:logRetentionDays": "100" },
                "lakehouse:logRetentionDays",
                /CloudWatch Logs accepts/,
            ],
            ["an invalid email", { "lakehouse:alertEmails": '["oncall-at-example.com"]' }, "lakehouse:alertEmails[0]", /email/i],
            ["an invalid CIDR", { "lakehouse:vpcCidr": "10.40.0.1/16" }, "lakehouse:vpcCidr", /host bits zero/],
            ["a VPC smaller than three AZs need", { "lakehouse:vpcCidr": "10.40.0.0/24" }, "lakehouse:vpcCidr", /\/16 to \/20/],
            [
                "Standard-IA before 30 days",
                { "lakehouse:landingTransitionToIaDays": "10" },
                "lakehouse:landingTransitionToIaDays",
                /no earlier than 30 days/,
            ],
            [
                "Glacier less than 30 days after Standard-IA",
                { "lakehouse:landingTransitionToGlacierDays": "45" },
                "lakehouse:landingTransitionToGlacierDays",
                /at least 60/,
            ],
            [
                "expiration before the last transition",
                { "lakehouse:quarantineExpirationDays": "20" },
                "lakehouse:quarantineExpirationDays",
                /later than the last transition/,
            ],
            [
                "Glue FLEX with a G.4X worker",
                { "lakehouse:glueExecutionClass": "FLEX", "lakehouse:glueWorkerType": "G.4X" },
                "lakehouse:glueExecutionClass",
                /G.1X or G.2X/,
            ],
            [
                "a Redshift base capacity AWS does not offer",
                { "lakehouse:redshiftBaseCapacity": "12" },
                "lakehouse:redshiftBaseCapacity",
                /multiple of 8/,
            ],
            [
                "a 1024 RPU base where the region lacks it",
                { "aws:region": "ap-south-1", "lakehouse:redshiftBaseCapacity": "1024", "lakehouse:redshiftMaxCapacity": "1024" },
                "lakehouse:redshiftBaseCapacity",
                /only in/,
            ],
            [
                "a Redshift max capacity below the base",
                { "lakehouse:redshiftMaxCapacity": "16" },
                "lakehouse:redshiftMaxCapacity",
                /below redshiftBaseCapacity/,
            ],
            [
                "an Athena cutoff below AWS's 10 MB minimum",
                { "lakehouse:athenaBytesScannedCutoff": "1000" },
                "lakehouse:athenaBytesScannedCutoff",
                />=10485760|10485760/,
            ],
            [
                "a malformed schedule",
                { "lakehouse:etlFallbackSchedule": "cron(0 3 * * *)" },
                "lakehouse:etlFallbackSchedule",
                /EventBridge schedule/,
            ],
            [
                "a boolean that is not true or false",
                { "lakehouse:quicksightEnabled": "yes" },
                "lakehouse:quicksightEnabled",
                /true or false/,
            ],
            ["a list that is not a list", { "lakehouse:interfaceEndpoints": "glue" }, "lakehouse:interfaceEndpoints", /list/],
            [
                "an interface endpoint service we do not support",
                { "lakehouse:interfaceEndpoints": '["glue","ec2"]' },
                "lakehouse:interfaceEndpoints[1]",
                /athena|glue/,
            ],
            ["a region name that is not one", { "aws:region": "europe" }, "aws:region", /not an AWS region/],
            [
                "prod destroying data on delete",
                { "lakehouse:retainDataOnDelete": "false" },
                "lakehouse:retainDataOnDelete",
                /prod stacks must retain/,
            ],
            [
                "a weekly usage limit below the daily one",
                { "lakehouse:redshiftDailyRpuHoursLimit": "50", "lakehouse:redshiftWeeklyRpuHoursLimit": "40" },
                "lakehouse:redshiftWeeklyRpuHoursLimit",
                /below redshiftDailyRpuHoursLimit 50/,
            ],
            [
                "a Snowflake principal without its external id",
                { "lakehouse:snowflakeIamUserArn": "arn:aws:iam::222222222222:user/abc1-s-v2st0000" },
                "lakehouse:snowflakeExternalId",
                /external id/,
            ],
            [
                "a QuickSight principal that is not a group or user ARN",
                { "lakehouse:quicksightPrincipals": '["arn:aws:iam::111111111111:role/analyst"]' },
                "lakehouse:quicksightPrincipals[0]",
                /QuickSight group or user ARN/,
            ],
            [
                "a refresh time that is not HH:MM",
                { "lakehouse:quicksightRefreshTimeOfDay": "5am" },
                "lakehouse:quicksightRefreshTimeOfDay",
                /HH:MM/,
            ],
            [
                "a pipeline without its source connection",
                { "lakehouse:pipelineConnectionArn": undefined },
                "lakehouse:pipelineConnectionArn",
                /required while pipelineEnabled/,
            ],
            [
                "a connection ARN of another service",
                { "lakehouse:pipelineConnectionArn": "arn:aws:codecommit:eu-west-1:111111111111:lakehouse" },
                "lakehouse:pipelineConnectionArn",
                /CodeConnections/,
            ],
        ];
        for (const [what, overrides, key, message] of cases) {
            it(`rejects ${what} at ${key}`, () => assertRejected(overrides, key, message));
        }
    });
});
