import * as assert from "node:assert/strict";
import { check, resource, UNKNOWN } from "../../harness";

const RULE = "lambda-environment-has-no-secrets";
const fn = (variables: Record<string, unknown>) =>
    resource("aws:lambda/function:Function", "ingest", { environment: { variables: { STAGE: "prod", ...variables } } });

describe(RULE, () => {
    it("Compliance: a secret ARN reference passes", () => {
        assert.deepEqual(
            check(RULE, [fn({ API_TOKEN_SECRET_ARN: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:x", TABLE: UNKNOWN })]),
            [],
        );
    });

    it("Noncompliance 1: a token in plain text is reported", () => {
        assert.match(check(RULE, [fn({ API_TOKEN: "abc123" })])[0].message, /API_TOKEN holds a credential in plain text/);
    });

    it("Noncompliance 2: variables unknown during preview cannot be verified", () => {
        const found = check(RULE, [resource("aws:lambda/function:Function", "ingest", { environment: { variables: UNKNOWN } })]);
        assert.match(found[0].message, /cannot be verified/);
    });
});
