import * as assert from "node:assert/strict";
import { check, policyJson, resource } from "../../harness";

const RULE = "iam-statements-do-not-grant-administrator-access";
const policy = (statement: Record<string, unknown>) => resource("aws:iam/policy:Policy", "p", { policy: policyJson([statement]) });

describe(RULE, () => {
    it("Compliance: a scoped statement passes", () => {
        assert.deepEqual(check(RULE, [policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" })]), []);
    });

    it("Noncompliance 1: * on * is reported as critical", () => {
        const found = check(RULE, [policy({ Effect: "Allow", Action: "*", Resource: "*" })]);
        assert.equal(found.length, 1);
        assert.equal(found[0].severity, "critical");
        assert.match(found[0].message, /must not grant administrator access/);
    });

    it("Noncompliance 2: NotAction on * is reported", () => {
        assert.equal(check(RULE, [policy({ Effect: "Allow", NotAction: "iam:*", Resource: ["*"] })]).length, 1);
    });
});
