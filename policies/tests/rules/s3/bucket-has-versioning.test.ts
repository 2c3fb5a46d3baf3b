import * as assert from "node:assert/strict";
import { check } from "../../harness";
import { all, bucketFixture } from "./fixture";

const RULE = "s3-bucket-has-versioning";

describe(RULE, () => {
    it("Compliance: status Enabled passes", () => {
        assert.deepEqual(check(RULE, all(bucketFixture())), []);
    });

    it("Noncompliance 1: no versioning resource is reported", () => {
        const fixture = bucketFixture();
        assert.match(
            check(
                RULE,
                all(fixture).filter((r) => r !== fixture.settings.versioning),
            )[0].message,
            /no BucketVersioning/,
        );
    });

    it("Noncompliance 2: Suspended is reported", () => {
        const fixture = bucketFixture();
        fixture.settings.versioning.inputs.versioningConfiguration = { status: "Suspended" };
        assert.match(check(RULE, all(fixture))[0].message, /"Suspended"/);
    });
});
