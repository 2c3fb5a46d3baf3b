import * as assert from "node:assert/strict";
import { check, KEY_ARN, keyResource, resource, UNKNOWN, variant } from "../../harness";

const RULE = "glue-security-configuration-encrypts-everything-with-kms";
const happy = resource("aws:glue/securityConfiguration:SecurityConfiguration", "etl-security", {
    encryptionConfiguration: {
        s3Encryption: { s3EncryptionMode: "SSE-KMS", kmsKeyArn: KEY_ARN },
        cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn: KEY_ARN },
        jobBookmarksEncryption: { jobBookmarksEncryptionMode: "CSE-KMS", kmsKeyArn: KEY_ARN },
    },
});
type Blocks = Record<string, Record<string, unknown>>;
const blocks = (r: typeof happy) => r.inputs.encryptionConfiguration as Blocks;

describe(RULE, () => {
    it("Compliance: all three targets with SSE-KMS/CSE-KMS and a key pass", () => {
        assert.deepEqual(check(RULE, [happy]), []);
    });

    it("Compliance: unknown key ARNs from a key of this stack pass", () => {
        const key = keyResource();
        const unknown = variant(happy, (r) => Object.values(blocks(r)).forEach((b) => (b.kmsKeyArn = UNKNOWN)));
        unknown.propertyDependencies = { encryptionConfiguration: [key.urn] };
        assert.deepEqual(check(RULE, [key, unknown]), []);
    });

    it("Noncompliance 1: S3 encryption DISABLED is reported", () => {
        const found = check(RULE, [variant(happy, (r) => (blocks(r).s3Encryption = { s3EncryptionMode: "DISABLED" }))]);
        assert.equal(found.length, 1);
        assert.match(found[0].message, /job output in S3 with SSE-KMS, but s3EncryptionMode is "DISABLED"/);
    });

    it("Noncompliance 2: job bookmarks without a key are reported", () => {
        const found = check(RULE, [variant(happy, (r) => delete blocks(r).jobBookmarksEncryption.kmsKeyArn)]);
        assert.match(found[0].message, /job bookmarks with a customer-managed KMS key, but no key is set/);
    });

    it("Noncompliance 3: CloudWatch encryption missing is reported", () => {
        assert.equal(check(RULE, [variant(happy, (r) => delete blocks(r).cloudwatchEncryption)]).length, 1);
    });
});
