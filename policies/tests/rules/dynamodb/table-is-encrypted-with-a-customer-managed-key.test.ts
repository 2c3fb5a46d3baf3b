import * as assert from "node:assert/strict";
import { customerManagedKeyCases } from "../../customer-managed-key-cases";
import { check, KEY_ARN, resource } from "../../harness";

const RULE = "dynamodb-table-is-encrypted-with-a-customer-managed-key";
const table = (key: unknown, extra = {}, enabled = true) =>
    resource(
        "aws:dynamodb/table:Table",
        "errors",
        { serverSideEncryption: { enabled, ...(key === undefined ? {} : { kmsKeyArn: key }) } },
        extra,
    );

describe(RULE, () => {
    customerManagedKeyCases(RULE, table, "serverSideEncryption");

    it("Noncompliance 4: a key with encryption disabled is reported (DynamoDB then uses an AWS-owned key)", () => {
        assert.equal(check(RULE, [table(KEY_ARN, {}, false)]).length, 1);
    });
});
