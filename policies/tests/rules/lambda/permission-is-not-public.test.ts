import * as assert from "node:assert/strict";
import { check, resource } from "../../harness";

const RULE = "lambda-permission-is-not-public";
const permission = (principal: string) =>
    resource("aws:lambda/permission:Permission", "alert-invoke", {
        action: "lambda:InvokeFunction",
        function: "alert",
        principal,
    });

describe(RULE, () => {
    it("Compliance: a service principal passes", () => {
        assert.deepEqual(check(RULE, [permission("events.amazonaws.com")]), []);
    });

    it("Noncompliance 1: * is reported", () => {
        assert.match(check(RULE, [permission("*")])[0].message, /must not let everyone invoke the function/);
    });
});
