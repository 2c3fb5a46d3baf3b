import * as assert from "node:assert/strict";
import { check, resource } from "../../harness";

const RULE = "logs-log-group-has-retention";
const group = (retentionInDays: unknown) => resource("aws:cloudwatch/logGroup:LogGroup", "etl-logs", { retentionInDays });

describe(RULE, () => {
    it("Compliance: a retention at the configured minimum passes", () => {
        assert.deepEqual(check(RULE, [group(365)], { [RULE]: { minimumRetentionDays: 365 } }), []);
    });

    it("Noncompliance 1: no retention (kept forever) is reported", () => {
        assert.match(check(RULE, [group(undefined)])[0].message, /kept forever/);
    });

    it("Noncompliance 2: shorter than the configured minimum is reported", () => {
        assert.match(
            check(RULE, [group(14)], { [RULE]: { minimumRetentionDays: 365 } })[0].message,
            /at least 365 days, but retentionInDays is 14/,
        );
    });
});
