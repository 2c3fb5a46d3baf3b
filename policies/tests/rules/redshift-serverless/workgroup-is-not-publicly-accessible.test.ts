import * as assert from "node:assert/strict";
import { check, resource, UNKNOWN } from "../../harness";

const RULE = "redshift-serverless-workgroup-is-not-publicly-accessible";
const workgroup = (publiclyAccessible: unknown) =>
    resource("aws:redshiftserverless/workgroup:Workgroup", "warehouse", { namespaceName: "wh", publiclyAccessible });

describe(RULE, () => {
    it("Compliance: false (and unset) passes", () => {
        assert.deepEqual(check(RULE, [workgroup(false), workgroup(undefined)]), []);
    });

    it("Noncompliance 1: publicly accessible is reported", () => {
        assert.match(check(RULE, [workgroup(true)])[0].message, /must not be publicly accessible, but publiclyAccessible is true/);
    });

    it("Noncompliance 2: unknown during preview is a mandatory violation", () => {
        const found = check(RULE, [workgroup(UNKNOWN)]);
        assert.equal(found[0].enforcement, "mandatory");
        assert.match(found[0].message, /cannot be verified/);
    });
});
