import * as assert from "node:assert/strict";
import { check, resource } from "../../harness";

const RULE = "dynamodb-table-has-point-in-time-recovery";
const table = (pointInTimeRecovery: unknown) => resource("aws:dynamodb/table:Table", "errors", { hashKey: "id", pointInTimeRecovery });

describe(RULE, () => {
    it("Compliance: enabled passes", () => {
        assert.deepEqual(check(RULE, [table({ enabled: true })]), []);
    });

    it("Noncompliance 1: disabled is reported", () => {
        assert.match(check(RULE, [table({ enabled: false })])[0].message, /must enable point-in-time recovery/);
    });

    it("Noncompliance 2: unset is reported", () => {
        assert.equal(check(RULE, [table(undefined)]).length, 1);
    });
});
