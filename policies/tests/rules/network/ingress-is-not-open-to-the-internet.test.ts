import * as assert from "node:assert/strict";
import { check, resource } from "../../harness";

const RULE = "network-ingress-is-not-open-to-the-internet";
const ingress = (cidrIpv4: string) =>
    resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "https-in", {
        securityGroupId: "sg-1",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv4,
    });

describe(RULE, () => {
    it("Compliance: the VPC CIDR passes", () => {
        assert.deepEqual(check(RULE, [ingress("10.0.0.0/16")]), []);
    });

    it("Noncompliance 1: 0.0.0.0/0 on an ingress rule resource is reported", () => {
        assert.match(check(RULE, [ingress("0.0.0.0/0")])[0].message, /must not admit 0\.0\.0\.0\/0 \(the whole Internet\).*port 443/);
    });

    it("Noncompliance 2: ::/0 in inline security group ingress is reported once per rule", () => {
        const group = resource("aws:ec2/securityGroup:SecurityGroup", "endpoints", {
            ingress: [
                { protocol: "tcp", fromPort: 22, toPort: 22, ipv6CidrBlocks: ["::/0"] },
                { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] },
            ],
        });
        assert.equal(check(RULE, [group]).length, 1);
    });

    it("Noncompliance 3: a SecurityGroupRule of type ingress is reported", () => {
        const rule = resource("aws:ec2/securityGroupRule:SecurityGroupRule", "ssh", {
            type: "ingress",
            fromPort: 22,
            toPort: 22,
            protocol: "tcp",
            cidrBlocks: ["0.0.0.0/0"],
            securityGroupId: "sg-1",
        });
        assert.equal(check(RULE, [rule]).length, 1);
    });
});
