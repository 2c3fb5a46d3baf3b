import * as assert from "node:assert/strict";
import { check, resource } from "../../harness";

const RULE = "redshift-serverless-workgroup-uses-enhanced-vpc-routing";
const workgroup = (enhancedVpcRouting: unknown) =>
    resource("aws:redshiftserverless/workgroup:Workgroup", "warehouse", { namespaceName: "wh", enhancedVpcRouting });

describe(RULE, () => {
    it("Compliance: true passes", () => {
        assert.deepEqual(check(RULE, [workgroup(true)]), []);
    });

    it("Noncompliance 1: false is reported", () => {
        assert.match(check(RULE, [workgroup(false)])[0].message, /must set enhancedVpcRouting to true, but it is false/);
    });
});
