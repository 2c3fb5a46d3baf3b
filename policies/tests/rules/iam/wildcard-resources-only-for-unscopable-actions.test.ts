import * as assert from "node:assert/strict";
import { check, policyJson, resource } from "../../harness";

const RULE = "iam-wildcard-resources-only-for-unscopable-actions";
const scoped = { Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::gold/*"] };
const unscopable = { Effect: "Allow", Action: ["cloudwatch:PutMetricData", "xray:PutTraceSegments"], Resource: "*" };
const policy = (statements: Record<string, unknown>[]) => resource("aws:iam/policy:Policy", "etl", { policy: policyJson(statements) });

describe(RULE, () => {
    it("Compliance: scoped resources and * for unscopable actions pass", () => {
        assert.deepEqual(check(RULE, [policy([scoped, unscopable])]), []);
    });

    it("Noncompliance 1: a scopable action on * is reported once per action", () => {
        const found = check(RULE, [policy([{ ...unscopable, Action: ["s3:GetObject", "s3:PutObject", "cloudwatch:PutMetricData"] }])]);
        assert.equal(found.length, 2);
        assert.match(found[0].message, /may use Resource "\*" only for actions AWS cannot scope.*"s3:GetObject"/);
    });

    it("Noncompliance 2: an account-wide ARN wildcard counts as *", () => {
        const found = check(RULE, [policy([{ ...scoped, Resource: "arn:aws:s3:::*" }])]);
        assert.equal(found.length, 1);
    });

    it("Noncompliance 3: NotResource is reported", () => {
        const found = check(RULE, [policy([{ Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::x" }])]);
        assert.match(found[0].message, /NotResource/);
    });

    it("Noncompliance 4: the unscopable list comes from config and replaces the default", () => {
        const config = { [RULE]: { unscopableActions: [{ action: "s3:GetObject", reason: "test-only reason text" }] } };
        assert.deepEqual(check(RULE, [policy([{ ...scoped, Resource: "*" }])], config), []);
        assert.equal(check(RULE, [policy([unscopable])], config).length, 2);
    });
});
