import * as assert from "node:assert/strict";
import { check, resource } from "../../harness";

const RULE = "athena-workgroup-enforces-its-configuration";
const workgroup = (enforceWorkgroupConfiguration: unknown) =>
    resource("aws:athena/workgroup:Workgroup", "analysts", { configuration: { enforceWorkgroupConfiguration } });

describe(RULE, () => {
    it("Compliance: true (and the AWS default) passes", () => {
        assert.deepEqual(check(RULE, [workgroup(true), workgroup(undefined)]), []);
    });

    it("Noncompliance 1: false is reported", () => {
        assert.match(check(RULE, [workgroup(false)])[0].message, /enforceWorkgroupConfiguration to true, but it is false/);
    });
});
