import * as assert from "node:assert/strict";
import { check, resource } from "../../harness";

const RULE = "data-protection-prod-data-resources-are-retained";
const table = (extra = {}) => resource("aws:dynamodb/table:Table", "errors", { hashKey: "id" }, extra);

describe(RULE, () => {
    it("Compliance: protected or retained resources pass in prod", () => {
        assert.deepEqual(check(RULE, [table({ protect: true }), table({ retainOnDelete: true })]), []);
    });

    it("Compliance: the rule does not apply in dev", () => {
        assert.deepEqual(check(RULE, [table()], { [RULE]: { environment: "dev" } }), []);
    });

    it("Noncompliance 1: an unprotected data resource in prod is reported", () => {
        assert.match(check(RULE, [table()])[0].message, /dynamodb Table "errors" holds data in prod and must be protected or retained/);
    });
});
