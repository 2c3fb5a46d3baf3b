import * as assert from "node:assert/strict";
import { check, resource } from "../../harness";

const RULE = "secretsmanager-secret-has-rotation";
const secret = resource(
    "aws:secretsmanager/secret:Secret",
    "warehouse-admin",
    { name: "wh-admin" },
    { id: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:wh-admin" },
);
const rotation = (rotationEnabled: unknown) =>
    resource("aws:secretsmanager/secretRotation:SecretRotation", "warehouse-admin-rotation", {
        secretId: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:wh-admin",
        rotationEnabled,
        rotationRules: { automaticallyAfterDays: 30 },
    });

describe(RULE, () => {
    it("Compliance: a SecretRotation for the secret passes", () => {
        assert.deepEqual(check(RULE, [secret, rotation(true)]), []);
    });

    it("Noncompliance 1: a secret without rotation is reported", () => {
        assert.match(check(RULE, [secret])[0].message, /must be rotated by an aws\.secretsmanager\.SecretRotation/);
    });

    it("Noncompliance 2: a disabled rotation does not count", () => {
        assert.equal(check(RULE, [secret, rotation(false)]).length, 1);
    });

    it("Noncompliance 3: an exemption with its reason keeps the finding visible but advisory", () => {
        const config = {
            [RULE]: {
                exemptions: [{ resource: secret.urn, reason: "Vendor API token; the vendor rotates it quarterly." }],
            },
        };
        const found = check(RULE, [secret], config);
        assert.equal(found[0].enforcement, "advisory");
        assert.ok(found[0].exempted);
    });
});
