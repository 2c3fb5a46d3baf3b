import * as assert from "node:assert/strict";
import { check, resource } from "../../harness";

const RULE = "iam-policy-attachments-have-a-single-manager";
const role = (inputs: Record<string, unknown> = {}) =>
    resource("aws:iam/role:Role", "etl", { name: "etl-role", assumeRolePolicy: "{}", ...inputs });
const rolePolicy = resource("aws:iam/rolePolicy:RolePolicy", "etl-inline", {
    role: "etl-role",
    name: "read",
    policy: "{}",
});
const attachment = resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "etl-attach", {
    role: "etl-role",
    policyArn: "arn:aws:iam::123456789012:policy/read",
});

describe(RULE, () => {
    it("Compliance: additive RolePolicy and RolePolicyAttachment pass", () => {
        assert.deepEqual(check(RULE, [role(), rolePolicy, attachment]), []);
    });

    it("Compliance: an exclusive manager listing the additive ones passes", () => {
        const exclusive = resource("aws:iam/rolePoliciesExclusive:RolePoliciesExclusive", "etl-exclusive", {
            roleName: "etl-role",
            policyNames: ["read"],
        });
        assert.deepEqual(check(RULE, [role(), rolePolicy, exclusive]), []);
    });

    it("Noncompliance 1: inlinePolicies together with a RolePolicy is reported", () => {
        const found = check(RULE, [role({ inlinePolicies: [{ name: "x", policy: "{}" }] }), rolePolicy]);
        assert.equal(found.length, 1);
        assert.match(found[0].message, /must not combine inlinePolicies/);
    });

    it("Noncompliance 2: managedPolicyArns together with RolePolicyAttachment is reported", () => {
        const found = check(RULE, [role({ managedPolicyArns: ["arn:aws:iam::123456789012:policy/x"] }), attachment]);
        assert.equal(found.length, 1);
    });

    it("Noncompliance 3: an exclusive manager that does not list an attachment is reported", () => {
        const exclusive = resource("aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive", "etl-excl", {
            roleName: "etl-role",
            policyArns: ["arn:aws:iam::123456789012:policy/other"],
        });
        assert.match(check(RULE, [role(), attachment, exclusive])[0].message, /will remove/);
    });

    it("Noncompliance 4: PolicyAttachment is reported", () => {
        const legacy = resource("aws:iam/policyAttachment:PolicyAttachment", "legacy", {
            roles: ["etl-role"],
            policyArn: "arn:x",
        });
        assert.equal(check(RULE, [role(), legacy]).length, 1);
    });
});
