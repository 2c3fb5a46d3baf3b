import * as assert from "node:assert/strict";
import { check, resource } from "../../harness";

const RULE = "codebuild-project-is-not-privileged";
const project = (privilegedMode: unknown) =>
    resource("aws:codebuild/project:Project", "build", {
        environment: {
            computeType: "BUILD_GENERAL1_SMALL",
            image: "aws/codebuild/standard:7.0",
            type: "LINUX_CONTAINER",
            privilegedMode,
        },
    });

describe(RULE, () => {
    it("Compliance: not privileged passes", () => {
        assert.deepEqual(check(RULE, [project(false)]), []);
    });

    it("Noncompliance 1: privileged mode is reported", () => {
        assert.match(check(RULE, [project(true)])[0].message, /must not run in privileged mode/);
    });

    it("Noncompliance 2: an exemption without a reason makes it mandatory even when the policy is advisory", () => {
        const found = check(RULE, [project(true)], {
            all: "advisory",
            [RULE]: { exemptions: [{ resource: "*::build", reason: "docker" }] },
        });
        assert.equal(found[0].enforcement, "mandatory");
    });
});
