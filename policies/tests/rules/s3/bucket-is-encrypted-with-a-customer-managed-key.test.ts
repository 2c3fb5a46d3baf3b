import * as assert from "node:assert/strict";
import { check, keyResource, UNKNOWN } from "../../harness";
import { all, bucketFixture } from "./fixture";

const RULE = "s3-bucket-is-encrypted-with-a-customer-managed-key";
const sse = (fixture: ReturnType<typeof bucketFixture>) =>
    fixture.settings.encryption.inputs.rules as { applyServerSideEncryptionByDefault: Record<string, unknown> }[];

describe(RULE, () => {
    it("Compliance: SSE-KMS with a customer-managed key passes", () => {
        assert.deepEqual(check(RULE, all(bucketFixture())), []);
    });

    it("Compliance: a key unknown during preview that comes from a KMS key of this stack passes", () => {
        const fixture = bucketFixture();
        const key = keyResource();
        sse(fixture)[0].applyServerSideEncryptionByDefault.kmsMasterKeyId = UNKNOWN;
        fixture.settings.encryption.propertyDependencies = { bucket: [fixture.bucket.urn], rules: [key.urn] };
        assert.deepEqual(check(RULE, [key, ...all(fixture)]), []);
    });

    it("Noncompliance 1: a bucket without an encryption resource is reported", () => {
        const fixture = bucketFixture();
        const found = check(
            RULE,
            all(fixture).filter((r) => r !== fixture.settings.encryption),
        );
        assert.equal(found.length, 1);
        assert.equal(found[0].urn, fixture.bucket.urn);
        assert.match(found[0].message, /s3 Bucket "gold" must have default encryption.*no BucketServerSideEncryptionConfiguration/);
    });

    it("Noncompliance 2: AES256 is reported", () => {
        const fixture = bucketFixture();
        sse(fixture)[0].applyServerSideEncryptionByDefault = { sseAlgorithm: "AES256" };
        assert.match(check(RULE, all(fixture))[0].message, /sseAlgorithm is "AES256"/);
    });

    it("Noncompliance 3: an unknown key not from this stack cannot be verified", () => {
        const fixture = bucketFixture();
        sse(fixture)[0].applyServerSideEncryptionByDefault.kmsMasterKeyId = UNKNOWN;
        assert.match(check(RULE, all(fixture))[0].message, /cannot be verified/);
    });

    it("Noncompliance 4: the V2 encryption resource is joined too", () => {
        const fixture = bucketFixture();
        fixture.settings.encryption.type = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
        sse(fixture)[0].applyServerSideEncryptionByDefault.kmsMasterKeyId = "alias/aws/s3";
        assert.match(check(RULE, all(fixture))[0].message, /AWS-managed key alias\/aws\/s3/);
    });
});
