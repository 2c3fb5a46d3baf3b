import * as assert from "node:assert/strict";
import { check } from "../../harness";
import { all, bucketFixture } from "./fixture";

const RULE = "s3-bucket-blocks-all-public-access";

describe(RULE, () => {
    it("Compliance: all four flags true passes", () => {
        assert.deepEqual(check(RULE, all(bucketFixture())), []);
    });

    it("Noncompliance 1: a missing public access block is reported", () => {
        const fixture = bucketFixture();
        assert.match(
            check(
                RULE,
                all(fixture).filter((r) => r !== fixture.settings.publicAccessBlock),
            )[0].message,
            /has none/,
        );
    });

    it("Noncompliance 2: one flag false is reported by name", () => {
        const fixture = bucketFixture();
        fixture.settings.publicAccessBlock.inputs.restrictPublicBuckets = false;
        assert.match(check(RULE, all(fixture))[0].message, /restrictPublicBuckets is not true/);
    });
});
