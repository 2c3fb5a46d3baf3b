import * as assert from "node:assert/strict";
import { check, KEY_ARN, policyJson, resource, UNKNOWN } from "../../harness";

const RULE = "iam-condition-keys-are-supported";
const ACCOUNT = "111111111111";
// Condition keys from the Service Authorization Reference: s3:prefix is a key of s3:ListBucket.
const listPrefix = {
    Sid: "ListQueryResults",
    Effect: "Allow",
    Action: ["s3:ListBucket"],
    Resource: "arn:aws:s3:::results",
    Condition: { StringLike: { "s3:prefix": ["analytics/", "analytics/*"] } },
};
const policy = (statements: Record<string, unknown>[]) =>
    resource("aws:iam/policy:Policy", "quicksight", { policy: policyJson(statements) });

describe(RULE, () => {
    it("Compliance: s3:prefix on s3:ListBucket, aws:ResourceTag on KMS keys and a global key pass", () => {
        const taggedKeys = {
            Effect: "Allow",
            Action: ["kms:DescribeKey"],
            Resource: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/*`,
            Condition: { StringEquals: { "aws:ResourceTag/project": "lakehouse", "aws:RequestedRegion": "eu-west-1" } },
        };
        assert.deepEqual(check(RULE, [policy([listPrefix, taggedKeys])]), []);
    });

    it("Compliance: kms:EncryptionContext:aws:logs:arn on kms:Decrypt in a key policy", () => {
        const logs = {
            Effect: "Allow",
            Principal: { Service: "logs.eu-west-1.amazonaws.com" },
            Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resource: "*",
            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:*` } },
        };
        const key = resource("aws:kms/key:Key", "logs", { enableKeyRotation: true, policy: policyJson([logs]) });
        assert.deepEqual(check(RULE, [key]), []);
    });

    it("Compliance: sts:ExternalId and aws:SourceAccount in a trust policy", () => {
        const trust = {
            Effect: "Allow",
            Principal: { Service: "quicksight.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "sts:ExternalId": "lakehouse", "aws:SourceAccount": ACCOUNT } },
        };
        assert.deepEqual(check(RULE, [resource("aws:iam/role:Role", "quicksight", { assumeRolePolicy: policyJson([trust]) })]), []);
    });

    it("Compliance: an unsupported key under IfExists or a negated operator does not stop the grant", () => {
        const ifExists = {
            ...listPrefix,
            Action: ["s3:ListBucketMultipartUploads"],
            Condition: { StringLikeIfExists: { "s3:prefix": "a/" } },
        };
        const negated = { ...listPrefix, Action: ["s3:ListBucketMultipartUploads"], Condition: { StringNotLike: { "s3:prefix": "b/" } } };
        assert.deepEqual(check(RULE, [policy([ifExists, negated])]), []);
    });

    it("Noncompliance 1: s3:prefix on s3:ListBucketMultipartUploads grants that action nothing", () => {
        const found = check(RULE, [policy([{ ...listPrefix, Action: ["s3:ListBucket", "s3:ListBucketMultipartUploads"] }])]);
        assert.equal(found.length, 1);
        assert.match(
            found[0].message,
            /statement ListQueryResults of its policy requires "s3:prefix" \(StringLike\) and "s3:ListBucketMultipartUploads" does not support it/,
        );
    });

    it("Noncompliance 2: a pattern none of whose actions supports the key is reported", () => {
        const found = check(RULE, [policy([{ ...listPrefix, Action: ["s3:ListBucketM*"] }])]);
        assert.match(found[0].message, /none of the actions "s3:ListBucketM\*" matches supports it/);
    });

    it("Noncompliance 3: aws:ResourceTag on an action with no resource and no tag key is reported", () => {
        const found = check(RULE, [
            policy([
                {
                    Effect: "Allow",
                    Action: ["kms:ListAliases"],
                    Resource: "*",
                    Condition: { StringEquals: { "aws:ResourceTag/project": "x" } },
                },
            ]),
        ]);
        assert.match(found[0].message, /"aws:ResourceTag\/project" \(StringEquals\) and "kms:ListAliases" does not support it/);
    });

    it("Noncompliance 4: a key that does not exist is reported in a Deny statement too", () => {
        const deny = {
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: ["arn:aws:s3:::results", "arn:aws:s3:::results/*"],
            Condition: { Bool: { "aws:SecureTransports": "false" } },
        };
        const found = check(RULE, [
            resource("aws:s3/bucketPolicy:BucketPolicy", "results", { bucket: "results", policy: policyJson([deny]) }),
        ]);
        assert.equal(found.length, 1);
        assert.match(found[0].message, /uses "aws:SecureTransports" \(Bool\), which is no condition key of the IAM reference/);
    });

    it("Noncompliance 5: kms:ViaService on an S3 action is reported", () => {
        const found = check(RULE, [
            policy([
                {
                    ...listPrefix,
                    Resource: ["arn:aws:s3:::results", KEY_ARN],
                    Condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } },
                },
            ]),
        ]);
        assert.match(found[0].message, /"kms:ViaService" \(StringEquals\) and "s3:ListBucket" does not support it/);
    });

    it("Noncompliance 6: a condition unknown during preview cannot be verified", () => {
        const doc = { Version: "2012-10-17", Statement: [{ ...listPrefix, Condition: UNKNOWN }] };
        const found = check(RULE, [resource("aws:iam/policy:Policy", "quicksight", { policy: doc })]);
        assert.match(
            found[0].message,
            /the Condition of statement ListQueryResults of its policy is unknown during preview, so it cannot be verified/,
        );
    });
});
