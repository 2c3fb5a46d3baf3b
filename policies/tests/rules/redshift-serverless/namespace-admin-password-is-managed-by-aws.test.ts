import * as assert from "node:assert/strict";
import { check, resource } from "../../harness";

const RULE = "redshift-serverless-namespace-admin-password-is-managed-by-aws";
const namespace = (inputs: Record<string, unknown>) =>
    resource("aws:redshiftserverless/namespace:Namespace", "warehouse", {
        namespaceName: "wh",
        manageAdminPassword: true,
        ...inputs,
    });

describe(RULE, () => {
    it("Compliance: manageAdminPassword passes", () => {
        assert.deepEqual(check(RULE, [namespace({})]), []);
    });

    it("Noncompliance 1: an inline admin password is reported", () => {
        const found = check(RULE, [namespace({ manageAdminPassword: undefined, adminUserPassword: "S3cret!" })]);
        assert.equal(found.length, 2);
        assert.match(found[0].message, /must not set adminUserPassword/);
    });

    it("Noncompliance 2: manageAdminPassword unset is reported", () => {
        assert.match(check(RULE, [namespace({ manageAdminPassword: false })])[0].message, /manageAdminPassword to true/);
    });
});
