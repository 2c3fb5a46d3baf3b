import * as assert from "node:assert/strict";
import { check, resource, UNKNOWN, urnOf } from "../../harness";

const RULE = "iam-managed-policies-are-not-administrative";
const attachment = (policyArn: unknown, extra = {}) =>
    resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "etl-attach", { role: "etl", policyArn }, extra);

describe(RULE, () => {
    it("Compliance: a narrow AWS-managed policy passes", () => {
        assert.deepEqual(check(RULE, [attachment("arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole")]), []);
    });

    it("Compliance: an unknown ARN from a policy of this stack passes", () => {
        const own = resource("aws:iam/policy:Policy", "etl-policy", { policy: "{}" });
        const attach = attachment(UNKNOWN, { dependencies: [own.urn], propertyDependencies: { policyArn: [own.urn] } });
        assert.deepEqual(check(RULE, [own, attach]), []);
    });

    it("Noncompliance 1: AdministratorAccess is reported", () => {
        const found = check(RULE, [attachment("arn:aws:iam::aws:policy/AdministratorAccess")]);
        assert.equal(found.length, 1);
        assert.equal(found[0].urn, urnOf("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "etl-attach"));
        assert.match(found[0].message, /AdministratorAccess/);
    });

    it("Noncompliance 2: *FullAccess in managedPolicyArns of a role is reported", () => {
        const role = resource("aws:iam/role:Role", "etl", {
            managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonS3FullAccess", "arn:aws:iam::aws:policy/PowerUserAccess"],
        });
        assert.equal(check(RULE, [role]).length, 2);
    });

    it("Noncompliance 3: an unknown ARN not from this stack cannot be verified", () => {
        const found = check(RULE, [attachment(UNKNOWN, { propertyDependencies: { policyArn: [] }, dependencies: [] })]);
        assert.match(found[0].message, /cannot be verified/);
    });
});
