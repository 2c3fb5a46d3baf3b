import * as assert from "node:assert/strict";
import { check, resource } from "../../harness";

const RULE = "network-vpc-has-flow-logs";
const vpc = resource("awsx:ec2:Vpc", "network-vpc", { cidrBlock: "10.0.0.0/16", numberOfAvailabilityZones: 3 }, { custom: false });
const flowLog = resource(
    "aws:ec2/flowLog:FlowLog",
    "network-flow-logs",
    { vpcId: "vpc-123", trafficType: "ALL" },
    {
        dependencies: [vpc.urn],
        propertyDependencies: { vpcId: [vpc.urn] },
    },
);

describe(RULE, () => {
    it("Compliance: a FlowLog on the awsx VPC passes", () => {
        assert.deepEqual(check(RULE, [vpc, flowLog]), []);
    });

    it("Compliance: in a real preview the child aws:ec2/vpc:Vpc is covered by the component's flow log", () => {
        const child = resource("aws:ec2/vpc:Vpc", "network-vpc", { cidrBlock: "10.0.0.0/16" }, { parent: vpc.urn, id: "vpc-123" });
        assert.deepEqual(check(RULE, [vpc, child, flowLog]), []);
    });

    it("Noncompliance 1: an awsx VPC without a flow log is reported", () => {
        assert.match(check(RULE, [vpc])[0].message, /ec2 Vpc "network-vpc" must have VPC flow logs/);
    });

    it("Noncompliance 2: a plain VPC without a flow log is reported", () => {
        assert.equal(check(RULE, [resource("aws:ec2/vpc:Vpc", "legacy", { cidrBlock: "10.1.0.0/16" })]).length, 1);
    });
});
