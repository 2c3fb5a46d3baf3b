import * as assert from "node:assert/strict";
import { check, policyJson, resource } from "../../harness";

const RULE = "eventbridge-bus-policy-is-not-open";
const put = {
    Sid: "OrgPut",
    Effect: "Allow",
    Principal: "*",
    Action: "events:PutEvents",
    Resource: "*",
    Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
};
const busPolicy = (statement: Record<string, unknown>) =>
    resource("aws:cloudwatch/eventBusPolicy:EventBusPolicy", "bus-policy", {
        eventBusName: "lake",
        policy: policyJson([statement]),
    });

describe(RULE, () => {
    it("Compliance: * under an organisation condition passes", () => {
        assert.deepEqual(check(RULE, [busPolicy(put)]), []);
    });

    it("Noncompliance 1: an unconditioned * is reported", () => {
        assert.match(check(RULE, [busPolicy({ ...put, Condition: undefined })])[0].message, /must not let everyone use the bus/);
    });
});
