import * as assert from "node:assert/strict";
import { check, resource, UNKNOWN } from "../../harness";

const RULE = "lambda-service-permission-is-scoped-by-source-arn";
const permission = (sourceArn: unknown) =>
    resource("aws:lambda/permission:Permission", "alert-invoke", {
        action: "lambda:InvokeFunction",
        function: "alert",
        principal: "events.amazonaws.com",
        sourceArn,
    });

describe(RULE, () => {
    it("Compliance: a sourceArn (known or unknown from a resource of this update) passes", () => {
        assert.deepEqual(check(RULE, [permission("arn:aws:events:eu-west-1:123456789012:rule/glue-failed"), permission(UNKNOWN)]), []);
    });

    it("Noncompliance 1: no sourceArn for a service principal is reported", () => {
        assert.match(
            check(RULE, [permission(undefined)])[0].message,
            /must set sourceArn for the service principal events\.amazonaws\.com/,
        );
    });
});
