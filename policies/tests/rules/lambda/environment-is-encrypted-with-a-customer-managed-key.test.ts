import * as assert from "node:assert/strict";
import { customerManagedKeyCases } from "../../customer-managed-key-cases";
import { check, resource } from "../../harness";

const RULE = "lambda-environment-is-encrypted-with-a-customer-managed-key";
const fn = (key: unknown, extra = {}) =>
    resource("aws:lambda/function:Function", "ingest", { environment: { variables: { STAGE: "prod" } }, kmsKeyArn: key }, extra);

describe(RULE, () => {
    customerManagedKeyCases(RULE, fn, "kmsKeyArn");

    it("Compliance: a function without environment variables needs no key", () => {
        assert.deepEqual(check(RULE, [resource("aws:lambda/function:Function", "ingest", {})]), []);
    });
});
