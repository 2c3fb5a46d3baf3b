import * as assert from "node:assert/strict";
import { customerManagedKeyCases } from "../../customer-managed-key-cases";
import { check, KEY_ARN, resource } from "../../harness";

const RULE = "athena-workgroup-results-are-encrypted-with-a-customer-managed-key";
const workgroup = (key: unknown, extra = {}, encryptionOption = "SSE_KMS") =>
    resource(
        "aws:athena/workgroup:Workgroup",
        "analysts",
        {
            configuration: {
                resultConfiguration: {
                    outputLocation: "s3://results/",
                    encryptionConfiguration: { encryptionOption, ...(key === undefined ? {} : { kmsKeyArn: key }) },
                },
            },
        },
        extra,
    );

describe(RULE, () => {
    customerManagedKeyCases(RULE, workgroup, "configuration");

    it("Noncompliance 4: SSE_S3 is reported", () => {
        assert.match(check(RULE, [workgroup(KEY_ARN, {}, "SSE_S3")])[0].message, /SSE_KMS or CSE_KMS, but encryptionOption is SSE_S3/);
    });
});
