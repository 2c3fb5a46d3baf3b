import * as assert from "node:assert/strict";
import { check, keyResource, policyJson, resource } from "../../harness";

const RULE = "kms-key-policy-grants-nothing-to-everyone";
const root = { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" };

describe(RULE, () => {
    it("Compliance: the account root and a conditioned * pass", () => {
        const conditioned = {
            ...root,
            Principal: { AWS: "*" },
            Condition: { StringEquals: { "kms:CallerAccount": "123456789012" } },
        };
        assert.deepEqual(check(RULE, [keyResource("k", { policy: policyJson([root, conditioned]) })]), []);
    });

    it("Compliance: no policy means the AWS default key policy", () => {
        assert.deepEqual(check(RULE, [keyResource()]), []);
    });

    it("Noncompliance 1: an unconditioned * on a key is reported", () => {
        const found = check(RULE, [keyResource("k", { policy: policyJson([{ ...root, Principal: "*" }]) })]);
        assert.equal(found.length, 1);
        assert.match(found[0].message, /must not allow the "\*" principal without a condition/);
    });

    it("Noncompliance 2: a KeyPolicy resource is checked too", () => {
        const keyPolicy = resource("aws:kms/keyPolicy:KeyPolicy", "kp", {
            keyId: "k",
            policy: policyJson([{ ...root, Principal: { AWS: "*" } }]),
        });
        assert.equal(check(RULE, [keyPolicy]).length, 1);
    });
});
