import * as assert from "node:assert/strict";
import { check, policyJson, UNKNOWN } from "../../harness";
import { all, bucketFixture, tlsDeny } from "./fixture";

const RULE = "s3-bucket-policy-requires-tls";

describe(RULE, () => {
    it("Compliance: a Deny on aws:SecureTransport false passes", () => {
        assert.deepEqual(check(RULE, all(bucketFixture())), []);
    });

    it("Noncompliance 1: no bucket policy is reported", () => {
        const fixture = bucketFixture();
        assert.match(
            check(
                RULE,
                all(fixture).filter((r) => r !== fixture.settings.policy),
            )[0].message,
            /but it has no policy/,
        );
    });

    it("Noncompliance 2: a policy without the TLS deny is reported", () => {
        const fixture = bucketFixture();
        fixture.settings.policy.inputs.policy = policyJson([{ ...tlsDeny, Condition: { Bool: { "aws:SecureTransport": "true" } } }]);
        assert.match(check(RULE, all(fixture))[0].message, /has no such statement/);
    });

    it("Noncompliance 3: a policy unknown during preview cannot be verified", () => {
        const fixture = bucketFixture();
        fixture.settings.policy.inputs.policy = UNKNOWN;
        assert.match(check(RULE, all(fixture))[0].message, /cannot be verified/);
    });
});
