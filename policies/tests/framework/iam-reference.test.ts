/**
 * Expected values are read off AWS's Service Authorization Reference (the resource types table and
 * the actions table of each service), not off the module.
 */
import * as assert from "node:assert/strict";
import {
    actionsMatching,
    actionSupportsConditionKey,
    closestAction,
    conditionKeyExists,
    iamDataVersion,
    isGlobalConditionKey,
    isWildcardOnly,
    needsWildcardResource,
    resourceTypesNamedBy,
    serviceExists,
    type ReferenceAction,
} from "../../framework/iam-reference";

const ACCOUNT = "111111111111";

function action(name: string): ReferenceAction {
    const [found, ...more] = actionsMatching(name);
    assert.ok(found && more.length === 0, `exactly one action named ${name}`);
    return found;
}

describe("iam-reference", () => {
    describe("ARN formats", () => {
        it("an S3 object pattern names an object, not a bucket", () => {
            assert.deepEqual(resourceTypesNamedBy("s3", "arn:aws:s3:::bucket/prefix/*"), ["object"]);
        });

        it("an S3 bucket ARN names a bucket, not an object", () => {
            assert.deepEqual(resourceTypesNamedBy("s3", "arn:aws:s3:::bucket"), ["bucket"]);
        });

        it("a bucket name prefix with a wildcard names buckets and their objects", () => {
            assert.deepEqual(resourceTypesNamedBy("s3", "arn:aws:s3:::lakehouse-*").sort(), ["bucket", "object"]);
        });

        it("the account's Data Catalog is the Glue rootcatalog, a database and a table are their own types", () => {
            assert.deepEqual(resourceTypesNamedBy("glue", `arn:aws:glue:eu-west-1:${ACCOUNT}:catalog`), ["rootcatalog"]);
            assert.deepEqual(resourceTypesNamedBy("glue", `arn:aws:glue:eu-west-1:${ACCOUNT}:database/gold`), ["database"]);
            assert.deepEqual(resourceTypesNamedBy("glue", `arn:aws:glue:eu-west-1:${ACCOUNT}:table/gold/*`), ["table"]);
        });

        it("a KMS key ARN names a key and an alias ARN an alias", () => {
            assert.deepEqual(resourceTypesNamedBy("kms", `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`), [
                "key",
            ]);
            assert.deepEqual(resourceTypesNamedBy("kms", `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/lakehouse-data`), ["alias"]);
        });

        it("a log group with the trailing :* names the log group and its streams", () => {
            const named = resourceTypesNamedBy("logs", `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/aws/lambda/loader:*`);
            assert.deepEqual(named.sort(), ["log-group", "log-stream"]);
        });

        it("a log group without the trailing :* names only the log group", () => {
            assert.deepEqual(resourceTypesNamedBy("logs", `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/aws/lambda/loader`), ["log-group"]);
        });

        it("a secret name with a wildcard for the random suffix names a secret", () => {
            const named = resourceTypesNamedBy("secretsmanager", `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:lakehouse/source-*`);
            assert.deepEqual(
                named.map((name) => name.toLowerCase()),
                ["secret"],
            );
        });

        it("an ARN of another service names no resource type", () => {
            assert.deepEqual(resourceTypesNamedBy("s3", `arn:aws:kms:eu-west-1:${ACCOUNT}:key/abc`), []);
        });
    });

    describe("actions", () => {
        it("matches action names case-insensitively and with wildcards", () => {
            assert.equal(action("S3:getobject").action, "s3:GetObject");
            const names = actionsMatching("s3:ListBucket*").map((found) => found.action);
            assert.ok(names.includes("s3:ListBucket") && names.includes("s3:ListBucketMultipartUploads"), names.join(", "));
        });

        it("finds no action for a name AWS does not define", () => {
            assert.deepEqual(actionsMatching("s3:GetObjects"), []);
            assert.equal(serviceExists("s3"), true);
            assert.equal(serviceExists("s4"), false);
        });

        it("suggests the nearest real action for a misspelt one", () => {
            assert.equal(closestAction("s3:GetObjects"), "s3:GetObject");
        });

        it("knows the wildcard-only actions: ec2:DescribeVpcs is, ec2:DescribeVpcAttribute takes a vpc", () => {
            assert.equal(isWildcardOnly(action("ec2:DescribeVpcs")), true);
            assert.equal(isWildcardOnly(action("ec2:DescribeVpcAttribute")), false);
            assert.deepEqual(
                action("ec2:DescribeVpcAttribute").resourceTypes.map((type) => type.name),
                ["vpc"],
            );
        });

        it("cloudwatch:PutMetricData to a namespace is granted on *, though the reference lists an optional dataset", () => {
            assert.equal(needsWildcardResource(action("cloudwatch:PutMetricData")), true);
            assert.equal(needsWildcardResource(action("logs:TagResource")), false);
        });
    });

    describe("condition keys", () => {
        const bucket = ["arn:aws:s3:::bucket"];

        it("s3:prefix is a key of s3:ListBucket but not of s3:ListBucketMultipartUploads", () => {
            assert.equal(actionSupportsConditionKey(action("s3:ListBucket"), "s3:prefix", bucket), true);
            assert.equal(actionSupportsConditionKey(action("s3:ListBucketMultipartUploads"), "s3:prefix", bucket), false);
        });

        it("a key with a variable matches any suffix: kms:EncryptionContext:aws:logs:arn on kms:Decrypt", () => {
            const key = [`arn:aws:kms:eu-west-1:${ACCOUNT}:key/abc`];
            assert.equal(actionSupportsConditionKey(action("kms:Decrypt"), "kms:EncryptionContext:aws:logs:arn", key), true);
        });

        it("a resource type's keys count where the statement names that type: aws:ResourceTag on a KMS key", () => {
            const key = [`arn:aws:kms:eu-west-1:${ACCOUNT}:key/*`];
            assert.equal(actionSupportsConditionKey(action("kms:DescribeKey"), "aws:ResourceTag/project", key), true);
        });

        it("keys written with <key> or /tag-key match any suffix: s3:ExistingObjectTag/<key>, secretsmanager:ResourceTag/tag-key", () => {
            assert.equal(
                actionSupportsConditionKey(action("s3:GetObject"), "s3:ExistingObjectTag/classification", ["arn:aws:s3:::b/*"]),
                true,
            );
            const secret = [`arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:lakehouse/source-*`];
            assert.equal(
                actionSupportsConditionKey(action("secretsmanager:GetSecretValue"), "secretsmanager:ResourceTag/team", secret),
                true,
            );
        });

        it("sts:ExternalId is a key of sts:AssumeRole", () => {
            assert.equal(actionSupportsConditionKey(action("sts:AssumeRole"), "sts:ExternalId", []), true);
        });

        it("aws:SourceAccount and aws:PrincipalTag/team are global, aws:ResourceTag/team is not", () => {
            assert.equal(isGlobalConditionKey("aws:SourceAccount"), true);
            assert.equal(isGlobalConditionKey("aws:PrincipalTag/team"), true);
            assert.equal(isGlobalConditionKey("aws:ResourceTag/team"), false);
        });

        it("knows which keys exist", () => {
            assert.equal(conditionKeyExists("s3:prefix"), true);
            assert.equal(conditionKeyExists("aws:ResourceTag/team"), true);
            assert.equal(conditionKeyExists("s3:prefixes"), false);
        });
    });

    it("names the version of the reference data", () => {
        assert.match(iamDataVersion, /^\d+\.\d+\.\d+$/);
    });
});
