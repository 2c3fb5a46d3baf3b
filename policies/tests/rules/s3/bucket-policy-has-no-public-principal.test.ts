import * as assert from "node:assert/strict";
import { check, policyJson } from "../../harness";
import { all, bucketFixture, tlsDeny } from "./fixture";

const RULE = "s3-bucket-policy-has-no-public-principal";
const read = {
    Sid: "Read",
    Effect: "Allow",
    Principal: "*",
    Action: "s3:GetObject",
    Resource: "arn:aws:s3:::gold-bucket/*",
};

describe(RULE, () => {
    it("Compliance: Deny statements and conditioned * pass", () => {
        const fixture = bucketFixture();
        fixture.settings.policy.inputs.policy = policyJson([
            tlsDeny,
            { ...read, Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } } },
        ]);
        assert.deepEqual(check(RULE, all(fixture)), []);
    });

    it("Noncompliance 1: an unconditioned * Allow is reported", () => {
        const fixture = bucketFixture();
        fixture.settings.policy.inputs.policy = policyJson([tlsDeny, read]);
        assert.match(check(RULE, all(fixture))[0].message, /statement Read of its bucket policy allows the "\*" principal/);
    });
});
