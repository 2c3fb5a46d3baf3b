import { strict as assert } from "node:assert";
import {
    checkCatalogReachable,
    checkQuickSightPrincipals,
    checkLayerLifecycle,
    checkRedshiftCapacity,
    checkScheduleExpression,
    parseIpv4Cidr,
} from "../../config/rules";

describe("AWS constraints checked before deploy", () => {
    it("accepts the Redshift Serverless base capacities AWS offers", () => {
        for (const base of [4, 8, 16, 512]) assert.deepEqual(checkRedshiftCapacity(base, 512, "eu-west-1"), [], `base ${base}`);
        assert.deepEqual(checkRedshiftCapacity(1024, 1024, "us-east-1"), []);
    });

    it("rejects base capacities between the allowed steps", () => {
        for (const base of [0, 6, 12, 520])
            assert.equal(checkRedshiftCapacity(base, 1024, "us-east-1")[0]?.[0], "redshiftBaseCapacity", `base ${base}`);
    });

    it("accepts a lifecycle that tiers to Standard-IA at 30 days and Glacier 30 days later", () => {
        assert.deepEqual(checkLayerLifecycle("bronze", 30, 60, 365), []);
        assert.deepEqual(checkLayerLifecycle("bronze", 0, 1, 0), []);
    });

    it("silver and gold (Iceberg) may tier data files to Standard-IA, but never to Glacier or expire them", () => {
        assert.deepEqual(checkLayerLifecycle("silver", 90, 0, 0), []);
        assert.deepEqual(
            checkLayerLifecycle("gold", 90, 180, 0).map(([key]) => key),
            ["goldTransitionToGlacierDays"],
        );
        assert.deepEqual(
            checkLayerLifecycle("silver", 0, 0, 400).map(([key]) => key),
            ["silverExpirationDays"],
        );
        assert.deepEqual(checkLayerLifecycle("bronze", 30, 90, 400), []);
    });

    it("QuickSight needs at least one principal, or its assets open for nobody", () => {
        assert.deepEqual(checkQuickSightPrincipals(false, []), []);
        assert.deepEqual(checkQuickSightPrincipals(true, ["arn:aws:quicksight:eu-west-1:111111111111:group/default/readers"]), []);
        assert.deepEqual(
            checkQuickSightPrincipals(true, []).map(([key]) => key),
            ["quicksightPrincipals"],
        );
    });

    it("Redshift Spectrum must reach the Glue Data Catalog: a glue endpoint or NAT when its traffic is routed through the VPC", () => {
        assert.deepEqual(checkCatalogReachable("None", ["glue"], true), []);
        assert.deepEqual(checkCatalogReachable("Single", [], true), []);
        assert.deepEqual(
            checkCatalogReachable("None", ["kms"], true).map(([key]) => key),
            ["interfaceEndpoints"],
        );
    });

    it("Redshift without enhanced VPC routing reaches the Glue Data Catalog over the AWS network, needing neither endpoint nor NAT", () => {
        assert.deepEqual(checkCatalogReachable("None", [], false), []);
    });

    it("accepts EventBridge cron and rate expressions and rejects five-field crons", () => {
        assert.deepEqual(checkScheduleExpression("s", "cron(0 3 * * ? *)"), []);
        assert.deepEqual(checkScheduleExpression("s", "rate(6 hours)"), []);
        assert.equal(checkScheduleExpression("s", "rate(1 hours)").length, 1);
        assert.equal(checkScheduleExpression("s", "cron(0 3 * * *)").length, 1);
        assert.equal(checkScheduleExpression("s", "cron(0 3 * * MON *)").length, 1);
    });

    it("parses only canonical IPv4 CIDR blocks", () => {
        assert.deepEqual(parseIpv4Cidr("10.40.0.0/16"), { address: 0x0a280000, prefix: 16 });
        assert.equal(parseIpv4Cidr("10.40.0.0/33"), undefined);
        assert.equal(parseIpv4Cidr("256.0.0.0/8"), undefined);
        assert.equal(parseIpv4Cidr("10.40.1.0/16"), undefined);
    });
});
