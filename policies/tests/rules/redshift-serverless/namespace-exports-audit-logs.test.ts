import * as assert from "node:assert/strict";
import { check, resource } from "../../harness";

const RULE = "redshift-serverless-namespace-exports-audit-logs";
const namespace = (logExports: unknown) => resource("aws:redshiftserverless/namespace:Namespace", "warehouse", { logExports });

describe(RULE, () => {
    it("Compliance: all three audit logs pass", () => {
        assert.deepEqual(check(RULE, [namespace(["userlog", "connectionlog", "useractivitylog"])]), []);
    });

    it("Noncompliance 1: a missing log is named", () => {
        assert.match(check(RULE, [namespace(["userlog", "connectionlog"])])[0].message, /useractivitylog is missing/);
    });

    it("Noncompliance 2: no exports is reported", () => {
        assert.equal(check(RULE, [namespace(undefined)]).length, 1);
    });
});
