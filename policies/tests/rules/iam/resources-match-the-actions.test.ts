import * as assert from "node:assert/strict";
import { check, KEY_ARN, policyJson, resource, UNKNOWN } from "../../harness";

const RULE = "iam-resources-match-the-actions";
const ACCOUNT = "111111111111";
// Resource types from the Service Authorization Reference: s3:GetObject takes an object, s3:ListBucket a bucket.
const readObjects = { Sid: "ReadGold", Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::gold/*"] };
const listBucket = { Sid: "ListGold", Effect: "Allow", Action: ["s3:ListBucket"], Resource: "arn:aws:s3:::gold" };
const readCatalog = {
    Sid: "ReadCatalog",
    Effect: "Allow",
    Action: ["glue:GetDatabase", "glue:GetTable"],
    Resource: [
        `arn:aws:glue:eu-west-1:${ACCOUNT}:catalog`,
        `arn:aws:glue:eu-west-1:${ACCOUNT}:database/gold`,
        `arn:aws:glue:eu-west-1:${ACCOUNT}:table/gold/*`,
    ],
};
const policy = (statements: Record<string, unknown>[]) => resource("aws:iam/policy:Policy", "etl", { policy: policyJson(statements) });
const bucketPolicy = (statement: Record<string, unknown>) =>
    resource("aws:s3/bucketPolicy:BucketPolicy", "gold", { bucket: "gold", policy: policyJson([statement]) });

describe(RULE, () => {
    it("Compliance: objects for object actions, buckets for bucket actions, catalog, database and table for Glue reads", () => {
        assert.deepEqual(check(RULE, [policy([readObjects, listBucket, readCatalog])]), []);
    });

    it("Compliance: Resource * is left to iam-wildcard-resources-only-for-unscopable-actions", () => {
        assert.deepEqual(check(RULE, [policy([{ ...readObjects, Resource: "*" }])]), []);
    });

    it("Compliance: log streams under a log group's :* ARN, and logs:DescribeLogGroups on log-group:*", () => {
        const logs = {
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/aws/glue/jobs:*`,
        };
        // CloudWatch Logs authorises DescribeLogGroups on arn:aws:logs:<region>:<account>:log-group::log-stream:.
        const find = { Effect: "Allow", Action: ["logs:DescribeLogGroups"], Resource: `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:*` };
        assert.deepEqual(check(RULE, [policy([logs, find])]), []);
    });

    it("Compliance: a key policy's * is the key itself, and a bucket policy's ARNs match its actions", () => {
        const keyStatement = { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" };
        const key = resource("aws:kms/key:Key", "data", { enableKeyRotation: true, policy: policyJson([keyStatement]) });
        const read = {
            Effect: "Allow",
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/reader` },
            Action: ["s3:GetObject", "s3:ListBucket"],
            Resource: ["arn:aws:s3:::gold", "arn:aws:s3:::gold/*"],
        };
        assert.deepEqual(check(RULE, [key, bucketPolicy(read)]), []);
    });

    it("Noncompliance 1: s3:GetObject on the bucket ARN only grants nothing", () => {
        const found = check(RULE, [policy([{ ...readObjects, Resource: "arn:aws:s3:::gold" }])]);
        assert.equal(found.length, 2);
        assert.match(
            found[0].message,
            /statement ReadGold .* "s3:GetObject" has no resource of a type it accepts \(accesspointobject, object/,
        );
        assert.match(found[1].message, /the resource "arn:aws:s3:::gold" is of no type its actions accept/);
    });

    it("Noncompliance 2: a resource no action of the statement accepts is reported", () => {
        const found = check(RULE, [policy([{ ...readObjects, Resource: ["arn:aws:s3:::gold/*", KEY_ARN] }])]);
        assert.equal(found.length, 1);
        assert.match(
            found[0].message,
            /the resource "arn:aws:kms:.*" is of no type its actions accept \(s3:GetObject: accesspointobject, object/,
        );
    });

    it("Noncompliance 3: an action AWS authorises only on * grants nothing on named resources", () => {
        const found = check(RULE, [
            policy([{ Effect: "Allow", Action: ["ec2:DescribeVpcs"], Resource: `arn:aws:ec2:eu-west-1:${ACCOUNT}:vpc/vpc-1` }]),
        ]);
        assert.match(found[0].message, /"ec2:DescribeVpcs" is authorised only on Resource "\*"/);
    });

    it("Noncompliance 4: a bucket policy that allows s3:GetObject on the bucket ARN only is reported", () => {
        const read = {
            Effect: "Allow",
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/reader` },
            Action: "s3:GetObject",
            Resource: "arn:aws:s3:::gold",
        };
        const found = check(RULE, [bucketPolicy(read)]);
        assert.ok(found.some((finding) => /"s3:GetObject" has no resource of a type it accepts/.test(finding.message)));
    });

    it("Noncompliance 5: a resource unknown during preview cannot be verified", () => {
        const doc = { Version: "2012-10-17", Statement: [{ ...readObjects, Resource: [UNKNOWN] }] };
        const found = check(RULE, [resource("aws:iam/policy:Policy", "etl", { policy: doc })]);
        assert.equal(found.length, 1);
        assert.match(
            found[0].message,
            /a resource in statement ReadGold of its policy is unknown during preview, so it cannot be verified/,
        );
    });
});
