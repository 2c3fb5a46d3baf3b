import * as assert from "node:assert/strict";
import { check, resource, UNKNOWN } from "../../harness";

const RULE = "glue-connection-has-no-plaintext-password";
const connection = (connectionProperties: unknown) => resource("aws:glue/connection:Connection", "warehouse", { connectionProperties });

describe(RULE, () => {
    it("Compliance: SECRET_ID passes", () => {
        assert.deepEqual(check(RULE, [connection({ JDBC_CONNECTION_URL: "jdbc:redshift://x", SECRET_ID: "warehouse" })]), []);
    });

    it("Noncompliance 1: PASSWORD is reported", () => {
        const found = check(RULE, [connection({ JDBC_CONNECTION_URL: "jdbc:redshift://x", USERNAME: "admin", PASSWORD: "hunter2" })]);
        assert.match(found[0].message, /glue Connection "warehouse" must not hold a plain-text PASSWORD/);
    });

    it("Noncompliance 2: properties unknown during preview cannot be verified", () => {
        assert.match(check(RULE, [connection(UNKNOWN)])[0].message, /cannot be verified/);
    });
});
