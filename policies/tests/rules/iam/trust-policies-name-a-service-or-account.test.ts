import * as assert from "node:assert/strict";
import { check, policyJson, resource, UNKNOWN } from "../../harness";

const RULE = "iam-trust-policies-name-a-service-or-account";
const trust = { Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "glue.amazonaws.com" } };
const role = (statement: Record<string, unknown>) => resource("aws:iam/role:Role", "etl", { assumeRolePolicy: policyJson([statement]) });

describe(RULE, () => {
    it("Compliance: a service principal passes", () => {
        assert.deepEqual(check(RULE, [role(trust)]), []);
    });

    it("Compliance: a specific account passes", () => {
        assert.deepEqual(check(RULE, [role({ ...trust, Principal: { AWS: "arn:aws:iam::123456789012:root" } })]), []);
    });

    it("Noncompliance 1: Principal * is reported", () => {
        const found = check(RULE, [role({ ...trust, Principal: "*" })]);
        assert.equal(found.length, 1);
        assert.match(found[0].message, /iam Role "etl" must trust only a named service or account/);
    });

    it("Noncompliance 2: AWS * is reported", () => {
        assert.equal(check(RULE, [role({ ...trust, Principal: { AWS: ["*"] } })]).length, 1);
    });

    it("Noncompliance 3: an unknown trust policy cannot be verified", () => {
        const found = check(RULE, [resource("aws:iam/role:Role", "etl", { assumeRolePolicy: UNKNOWN })]);
        assert.match(found[0].message, /cannot be verified/);
    });
});
