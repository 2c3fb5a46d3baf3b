import { strict as assert } from "node:assert";
import { ResourceNames } from "../../lib/naming/resource-names";

const validBucketName = /^(?!xn--)(?!.*-s3alias$)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

describe("resource names", () => {
    it("bucket names are valid S3 names for any project and a 40-character stack name", () => {
        const names = new ResourceNames("Lakehouse_Platform.Analytics", "feature_" + "x".repeat(32), "123456789012", "eu-west-1");
        for (const purpose of ["landing", "athena-results", "access-logs"]) {
            const name = names.bucket(purpose);
            assert.match(name, validBucketName, name);
            assert.ok(name.length <= 63, `${name} is ${name.length} characters`);
        }
    });

    it("bucket names differ between accounts so two accounts can deploy the same stack", () => {
        const a = new ResourceNames("lakehouse", "prod", "111111111111", "eu-west-1").bucket("gold");
        const b = new ResourceNames("lakehouse", "prod", "222222222222", "eu-west-1").bucket("gold");
        assert.notEqual(a, b);
    });

    it("shortened names stay distinct per purpose", () => {
        const names = new ResourceNames("p".repeat(50), "s".repeat(40), "123456789012", "eu-west-1");
        assert.notEqual(names.bucket("landing"), names.bucket("bronze"));
        assert.notEqual(names.resource("bronze", 32), names.resource("silver", 32));
        assert.ok(names.resource("bronze", 32).length <= 32);
    });
});
