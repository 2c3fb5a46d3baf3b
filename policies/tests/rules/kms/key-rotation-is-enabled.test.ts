import * as assert from "node:assert/strict";
import { check, keyResource, UNKNOWN } from "../../harness";

const RULE = "kms-key-rotation-is-enabled";

describe(RULE, () => {
    it("Compliance: rotation on passes", () => {
        assert.deepEqual(check(RULE, [keyResource()]), []);
    });

    it("Compliance: asymmetric keys are not applicable", () => {
        assert.deepEqual(
            check(RULE, [
                keyResource("sign", {
                    enableKeyRotation: false,
                    customerMasterKeySpec: "RSA_2048",
                    keyUsage: "SIGN_VERIFY",
                }),
            ]),
            [],
        );
    });

    it("Noncompliance 1: rotation off is reported", () => {
        const found = check(RULE, [keyResource("data-key", { enableKeyRotation: false })]);
        assert.equal(found.length, 1);
        assert.match(found[0].message, /kms Key "data-key" must set enableKeyRotation to true, but it is false/);
    });

    it("Noncompliance 2: rotation not set is reported", () => {
        assert.equal(check(RULE, [keyResource("data-key", { enableKeyRotation: undefined })]).length, 1);
    });

    it("Noncompliance 3: rotation unknown during preview is a mandatory violation, not a silent pass", () => {
        const found = check(RULE, [keyResource("data-key", { enableKeyRotation: UNKNOWN })]);
        assert.equal(found[0].enforcement, "mandatory");
        assert.match(found[0].message, /cannot be verified/);
    });
});
