import * as assert from "node:assert/strict";
import { check, resource } from "../../harness";

const RULE = "redshift-serverless-workgroup-requires-ssl";
const workgroup = (value: string) =>
    resource("aws:redshiftserverless/workgroup:Workgroup", "warehouse", {
        configParameters: [
            { parameterKey: "enable_user_activity_logging", parameterValue: "true" },
            { parameterKey: "require_ssl", parameterValue: value },
        ],
    });

describe(RULE, () => {
    it("Compliance: require_ssl true passes", () => {
        assert.deepEqual(check(RULE, [workgroup("true")]), []);
    });

    it("Noncompliance 1: require_ssl false is reported", () => {
        assert.match(check(RULE, [workgroup("false")])[0].message, /require_ssl to "true", but it is "false"/);
    });

    it("Noncompliance 2: no config parameters is reported", () => {
        assert.equal(check(RULE, [resource("aws:redshiftserverless/workgroup:Workgroup", "w", {})]).length, 1);
    });
});
