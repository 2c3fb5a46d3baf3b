import * as assert from "node:assert/strict";
import { check, resource } from "../../harness";

const RULE = "codebuild-environment-has-no-plaintext-credentials";
const project = (variable: Record<string, unknown>) =>
    resource("aws:codebuild/project:Project", "build", {
        environment: { environmentVariables: [{ name: "STACK", value: "prod" }, variable] },
    });

describe(RULE, () => {
    it("Compliance: secrets referenced through SECRETS_MANAGER pass", () => {
        assert.deepEqual(check(RULE, [project({ name: "PULUMI_ACCESS_TOKEN", type: "SECRETS_MANAGER", value: "ci/pulumi-token" })]), []);
    });

    it("Noncompliance 1: a PLAINTEXT token is reported", () => {
        assert.match(
            check(RULE, [project({ name: "PULUMI_ACCESS_TOKEN", value: "pul-123" })])[0].message,
            /PULUMI_ACCESS_TOKEN holds a credential in plain text/,
        );
    });

    it("Noncompliance 2: an AWS access key value is reported whatever its name", () => {
        assert.equal(check(RULE, [project({ name: "X", type: "PLAINTEXT", value: "AKIAABCDEFGHIJKLMNOP" })]).length, 1);
    });
});
