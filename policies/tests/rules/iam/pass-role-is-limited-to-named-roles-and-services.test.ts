import * as assert from "node:assert/strict";
import { check, policyJson, resource, UNKNOWN } from "../../harness";

const RULE = "iam-pass-role-is-limited-to-named-roles-and-services";
const passRole = {
    Effect: "Allow",
    Action: "iam:PassRole",
    Resource: "arn:aws:iam::123456789012:role/glue-etl",
    Condition: { StringEquals: { "iam:PassedToService": "glue.amazonaws.com" } },
};
const policy = (statement: Record<string, unknown>) => resource("aws:iam/policy:Policy", "deployer", { policy: policyJson([statement]) });

describe(RULE, () => {
    it("Compliance: a named role with iam:PassedToService passes", () => {
        assert.deepEqual(check(RULE, [policy(passRole)]), []);
    });

    it("Compliance: the ARN of a role created in the same update (unknown) is a named role", () => {
        const doc = { Version: "2012-10-17", Statement: [{ ...passRole, Resource: [UNKNOWN] }] };
        assert.deepEqual(check(RULE, [resource("aws:iam/policy:Policy", "deployer", { policy: doc })]), []);
    });

    it("Noncompliance 1: PassRole on * is reported", () => {
        const found = check(RULE, [policy({ ...passRole, Resource: "*" })]);
        assert.equal(found.length, 1);
        assert.match(found[0].message, /only on named roles.*"\*"/);
    });

    it("Noncompliance 2: a missing iam:PassedToService condition is reported", () => {
        const found = check(RULE, [policy({ ...passRole, Condition: undefined })]);
        assert.match(found[0].message, /iam:PassedToService/);
    });

    it("Noncompliance 3: iam:* also grants PassRole and is checked", () => {
        const found = check(RULE, [policy({ ...passRole, Action: "iam:*", Resource: "arn:aws:iam::123456789012:role/*" })]);
        assert.equal(found.length, 1);
    });
});
