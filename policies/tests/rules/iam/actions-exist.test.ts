import * as assert from "node:assert/strict";
import { check, policyJson, resource, UNKNOWN } from "../../harness";

const RULE = "iam-actions-exist";
const read = { Sid: "ReadGold", Effect: "Allow", Action: ["s3:GetObject", "s3:List*"], Resource: "arn:aws:s3:::gold/*" };
const policy = (statement: Record<string, unknown>) => resource("aws:iam/policy:Policy", "etl", { policy: policyJson([statement]) });

describe(RULE, () => {
    it("Compliance: real actions and patterns that match real actions pass", () => {
        assert.deepEqual(check(RULE, [policy(read)]), []);
    });

    it("Compliance: actions of a role's trust policy and of a bucket policy are real", () => {
        const trust = { Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "glue.amazonaws.com" } };
        const role = resource("aws:iam/role:Role", "etl", { assumeRolePolicy: policyJson([trust]) });
        const denyInsecure = {
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: "arn:aws:s3:::gold/*",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        };
        const bucketPolicy = resource("aws:s3/bucketPolicy:BucketPolicy", "gold", { bucket: "gold", policy: policyJson([denyInsecure]) });
        assert.deepEqual(check(RULE, [role, bucketPolicy]), []);
    });

    it("Noncompliance 1: an action that does not exist is reported with the closest real action", () => {
        const found = check(RULE, [policy({ ...read, Action: ["s3:GetObjects"] })]);
        assert.equal(found.length, 1);
        assert.match(found[0].message, /must name only actions that exist, but Action "s3:GetObjects" in statement ReadGold/);
        assert.match(found[0].message, /did you mean "s3:GetObject"\?/);
    });

    it("Noncompliance 2: a service that does not exist is reported", () => {
        const found = check(RULE, [policy({ ...read, Action: ["s4:GetObject"] })]);
        assert.match(found[0].message, /"s4:GetObject" .* names no service/);
    });

    it("Noncompliance 3: a pattern that matches no action is reported", () => {
        const found = check(RULE, [policy({ ...read, Action: ["s3:Fetch*"] })]);
        assert.match(found[0].message, /"s3:Fetch\*" .* matches no action/);
    });

    it("Noncompliance 4: a NotAction entry in a Deny statement is checked too", () => {
        const found = check(RULE, [policy({ Effect: "Deny", NotAction: ["iam:PassRoles"], Resource: "*" })]);
        assert.match(found[0].message, /NotAction "iam:PassRoles"/);
    });

    it("Noncompliance 5: a misspelt action in a KMS key policy is reported", () => {
        const statement = { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:Decrypts", Resource: "*" };
        const key = resource("aws:kms/key:Key", "data", { enableKeyRotation: true, policy: policyJson([statement]) });
        assert.match(check(RULE, [key])[0].message, /"kms:Decrypts" .*did you mean "kms:Decrypt"/);
    });

    it("Noncompliance 6: an action unknown during preview cannot be verified", () => {
        const doc = { Version: "2012-10-17", Statement: [{ ...read, Action: [UNKNOWN] }] };
        const found = check(RULE, [resource("aws:iam/policy:Policy", "etl", { policy: doc })]);
        assert.match(found[0].message, /unknown during preview, so it cannot be verified/);
    });
});
