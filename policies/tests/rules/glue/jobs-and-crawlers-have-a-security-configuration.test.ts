import * as assert from "node:assert/strict";
import { check, resource, UNKNOWN } from "../../harness";

const RULE = "glue-jobs-and-crawlers-have-a-security-configuration";
const securityConfig = resource("aws:glue/securityConfiguration:SecurityConfiguration", "etl-security", {
    name: "etl-security",
});
const job = (securityConfiguration: unknown, extra = {}) =>
    resource("aws:glue/job:Job", "silver", { roleArn: "arn:aws:iam::123456789012:role/etl", securityConfiguration }, extra);

describe(RULE, () => {
    it("Compliance: a named security configuration passes", () => {
        assert.deepEqual(check(RULE, [securityConfig, job("etl-security")]), []);
    });

    it("Compliance: an unknown name from a security configuration of this stack passes", () => {
        const unknown = job(UNKNOWN, {
            dependencies: [securityConfig.urn],
            propertyDependencies: { securityConfiguration: [securityConfig.urn] },
        });
        assert.deepEqual(check(RULE, [securityConfig, unknown]), []);
    });

    it("Noncompliance 1: a job without one is reported", () => {
        assert.match(check(RULE, [job(undefined)])[0].message, /glue Job "silver" must name a Glue security configuration/);
    });

    it("Noncompliance 2: a crawler without one is reported", () => {
        assert.equal(check(RULE, [resource("aws:glue/crawler:Crawler", "raw", { databaseName: "bronze" })]).length, 1);
    });

    it("Noncompliance 3: an unknown name not from this stack cannot be verified", () => {
        assert.match(check(RULE, [job(UNKNOWN, { propertyDependencies: { securityConfiguration: [] } })])[0].message, /cannot be verified/);
    });
});
