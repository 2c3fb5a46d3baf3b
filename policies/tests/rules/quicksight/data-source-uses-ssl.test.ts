import * as assert from "node:assert/strict";
import { check, resource } from "../../harness";

const RULE = "quicksight-data-source-uses-ssl";
const source = (sslProperties: unknown) =>
    resource("aws:quicksight/dataSource:DataSource", "warehouse", {
        dataSourceId: "wh",
        type: "REDSHIFT",
        sslProperties,
    });

describe(RULE, () => {
    it("Compliance: SSL on (or unset) passes", () => {
        assert.deepEqual(check(RULE, [source({ disableSsl: false }), source(undefined)]), []);
    });

    it("Noncompliance 1: disableSsl true is reported", () => {
        assert.match(check(RULE, [source({ disableSsl: true })])[0].message, /must connect over SSL/);
    });
});
