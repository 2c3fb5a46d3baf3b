import * as assert from "node:assert/strict";
import { check } from "../../harness";
import { all, bucketFixture } from "./fixture";

const RULE = "s3-bucket-has-access-logging";

describe(RULE, () => {
    it("Compliance: a BucketLogging to the log bucket passes, and the log bucket itself is the destination", () => {
        const fixture = bucketFixture();
        assert.deepEqual(check(RULE, [fixture.logs, ...all(fixture)]), []);
    });

    it("Noncompliance 1: a bucket without BucketLogging is reported", () => {
        const fixture = bucketFixture();
        const found = check(RULE, [fixture.logs, ...all(fixture).filter((r) => r !== fixture.settings.logging)]);
        assert.equal(found.length, 2);
        assert.match(found[0].message, /must send server access logs/);
    });
});
