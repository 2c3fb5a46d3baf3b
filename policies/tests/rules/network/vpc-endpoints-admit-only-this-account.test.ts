import * as assert from "node:assert/strict";
import { check, resource, variant } from "../../harness";

const RULE = "network-vpc-endpoints-admit-only-this-account";
const policy = (condition: Record<string, Record<string, string>> | undefined): string =>
    JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: "*", Action: "glue:*", Resource: "*", ...(condition ? { Condition: condition } : {}) }],
    });
const endpoint = resource("aws:ec2/vpcEndpoint:VpcEndpoint", "network-glue", {
    serviceName: "com.amazonaws.eu-west-1.glue",
    vpcEndpointType: "Interface",
    policy: policy({ StringEquals: { "aws:PrincipalAccount": "111111111111", "aws:ResourceAccount": "111111111111" } }),
});
const vpc = resource(
    "awsx:ec2:Vpc",
    "network-vpc",
    {
        vpcEndpointSpecs: [
            {
                serviceName: "com.amazonaws.eu-west-1.s3",
                vpcEndpointType: "Gateway",
                policy: policy({ StringEquals: { "s3:ResourceAccount": "111111111111" } }),
            },
        ],
    },
    { custom: false },
);

describe(RULE, () => {
    it("Compliance: interface and gateway endpoints confined to the account pass", () => {
        assert.deepEqual(check(RULE, [endpoint, vpc]), []);
    });

    it("Noncompliance 1: an interface endpoint without a policy (full access) is reported", () => {
        const found = check(RULE, [variant(endpoint, (r) => delete r.inputs.policy)]);
        assert.match(found[0].message, /must have an endpoint policy limited to this account, but its policy is not set/);
    });

    it("Noncompliance 2: an endpoint policy that allows any account is reported", () => {
        const found = check(RULE, [variant(endpoint, (r) => (r.inputs.policy = policy(undefined)))]);
        assert.match(found[0].message, /has no aws:PrincipalAccount, aws:ResourceAccount or s3:ResourceAccount condition/);
    });

    it("Noncompliance 3: awsx's S3 gateway endpoint without a policy is reported", () => {
        const found = check(RULE, [variant(vpc, (r) => delete (r.inputs.vpcEndpointSpecs as Record<string, unknown>[])[0].policy)]);
        assert.match(found[0].message, /the policy of vpcEndpointSpecs\[0\] is not set/);
    });
});
