import * as assert from "node:assert/strict";
import { check, messages, policyJson, resource, UNKNOWN } from "../../harness";

const RULE = "iam-actions-are-scoped-to-a-service-operation";
const statement = { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "arn:aws:s3:::gold/*" };
const happy = () => resource("aws:iam/policy:Policy", "etl-access", { policy: policyJson([statement]) });

describe(RULE, () => {
    it("Compliance: named actions pass", () => {
        assert.deepEqual(check(RULE, [happy()]), []);
    });

    it("Compliance: Deny statements may use wildcards", () => {
        const doc = policyJson([statement, { Effect: "Deny", Action: "*", Resource: "*" }]);
        assert.deepEqual(check(RULE, [resource("aws:iam/policy:Policy", "p", { policy: doc })]), []);
    });

    it("Noncompliance 1: s3:* is reported", () => {
        const doc = policyJson([{ ...statement, Action: "s3:*" }]);
        const found = check(RULE, [resource("aws:iam/policy:Policy", "etl-access", { policy: doc })]);
        assert.equal(found.length, 1);
        assert.match(found[0].message, /iam Policy "etl-access" must allow only named actions.*"s3:\*"/);
        assert.equal(found[0].enforcement, "mandatory");
    });

    it("Noncompliance 2: one finding per offending action", () => {
        const doc = { Version: "2012-10-17", Statement: [{ ...statement, Action: ["*", "glue:*", "s3:GetObject"] }] };
        const found = check(RULE, [resource("aws:iam/rolePolicy:RolePolicy", "etl", { policy: doc })]);
        assert.equal(found.length, 2);
    });

    it("Noncompliance 3: NotAction in an Allow is reported", () => {
        const doc = policyJson([{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }]);
        assert.match(messages(check(RULE, [resource("aws:iam/userPolicy:UserPolicy", "u", { policy: doc })]))[0], /NotAction/);
    });

    it("Noncompliance 4: a role's inline policy is checked", () => {
        const role = resource("aws:iam/role:Role", "etl", {
            inlinePolicies: [{ name: "inline", policy: policyJson([{ ...statement, Action: "glue:*" }]) }],
        });
        assert.match(messages(check(RULE, [role]))[0], /inline policy "inline"/);
    });

    it("Noncompliance 5: a document unknown during preview cannot be verified and is mandatory", () => {
        const found = check(RULE, [resource("aws:iam/policy:Policy", "etl-access", { policy: UNKNOWN })]);
        assert.equal(found.length, 1);
        assert.equal(found[0].enforcement, "mandatory");
        assert.match(found[0].message, /unknown during preview, so it cannot be verified/);
    });
});
