import * as assert from "node:assert/strict";
import { check, policyJson, resource, UNKNOWN } from "../../harness";

const RULE = "iam-wildcard-resources-only-for-unscopable-actions";
const scoped = { Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::gold/*"] };
// The Service Authorization Reference lists these actions without a resource type, but for
// cloudwatch:PutMetricData, which CloudWatch's documentation grants on * under cloudwatch:namespace.
const unscopable = {
    Sid: "Unscopable",
    Effect: "Allow",
    Action: ["cloudwatch:PutMetricData", "xray:PutTraceSegments", "ec2:DescribeVpcs", "kms:ListAliases"],
    Resource: "*",
};
const policy = (statements: Record<string, unknown>[]) => resource("aws:iam/policy:Policy", "etl", { policy: policyJson(statements) });

describe(RULE, () => {
    it("Compliance: scoped resources and * for actions the reference lists without a resource type pass", () => {
        assert.deepEqual(check(RULE, [policy([scoped, unscopable])]), []);
    });

    it("Noncompliance 1: a scopable action on * is reported once per action", () => {
        const found = check(RULE, [policy([{ ...unscopable, Action: ["s3:GetObject", "s3:PutObject", "cloudwatch:PutMetricData"] }])]);
        assert.equal(found.length, 2);
        assert.match(found[0].message, /may use Resource "\*" only for actions AWS cannot scope.*"s3:GetObject"/);
    });

    it("Noncompliance 2: ec2:DescribeVpcAttribute on * is reported because it takes a vpc", () => {
        const found = check(RULE, [policy([{ ...unscopable, Action: ["ec2:DescribeVpcs", "ec2:DescribeVpcAttribute"] }])]);
        assert.equal(found.length, 1);
        assert.match(found[0].message, /statement Unscopable .* allows "ec2:DescribeVpcAttribute" on it, which .* lets you scope to vpc;/);
    });

    it("Noncompliance 3: an account-wide ARN wildcard counts as *", () => {
        const found = check(RULE, [policy([{ ...scoped, Resource: "arn:aws:s3:::*" }])]);
        assert.equal(found.length, 1);
    });

    it("Noncompliance 4: NotResource is reported", () => {
        const found = check(RULE, [policy([{ Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::x" }])]);
        assert.match(found[0].message, /NotResource/);
    });

    it("Noncompliance 5: an action pattern on * is reported even when it matches only unscopable actions", () => {
        const found = check(RULE, [policy([{ ...unscopable, Action: ["xray:PutTrace*"] }])]);
        assert.match(found[0].message, /"xray:PutTrace\*" on it; name the actions/);
    });

    it("Noncompliance 6: an action the reference does not list is not taken as unscopable", () => {
        const found = check(RULE, [policy([{ ...unscopable, Action: ["ec2:DescribeVpcz"] }])]);
        assert.match(found[0].message, /"ec2:DescribeVpcz" on it, which the IAM reference .* does not list/);
    });

    it("Noncompliance 7: an action unknown during preview on * cannot be verified", () => {
        const doc = { Version: "2012-10-17", Statement: [{ ...unscopable, Action: [UNKNOWN] }] };
        const found = check(RULE, [resource("aws:iam/policy:Policy", "etl", { policy: doc })]);
        assert.match(found[0].message, /unknown during preview, so it cannot be verified/);
    });
});
