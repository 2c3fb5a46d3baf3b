import { strict as assert } from "node:assert";
import { requiredTagKeys } from "../../config";
import { isTaggable } from "../../lib/tagging/required-tags";
import { minimalDevStackConfig, ofType, planOf, planOfStackFile } from "./plans";

describe("network", () => {
    for (const stack of ["dev", "prod"]) {
        it(`${stack} has no NAT gateway, since nothing in the VPC needs the Internet: isolated subnets in three AZs`, () => {
            const [vpc] = ofType(planOf(stack).resources, "awsx:ec2:Vpc");
            assert.deepEqual(vpc.inputs["natGateways"], { strategy: "None" });
            assert.equal(vpc.inputs["numberOfAvailabilityZones"], 3);
            assert.deepEqual(vpc.inputs["subnetSpecs"], [{ type: "Isolated", name: "private" }]);
        });
    }

    it("NAT is a deliberate choice: a stack that asks for one NAT gateway gets public and private subnets", () => {
        const result = planOfStackFile("natstack", { ...minimalDevStackConfig, "lakehouse:natGateways": "Single" });
        assert.equal(result.kind, "plan");
        if (result.kind !== "plan") return;
        const [vpc] = ofType(result.resources, "awsx:ec2:Vpc");
        assert.deepEqual(vpc.inputs["natGateways"], { strategy: "Single" });
        assert.deepEqual(vpc.inputs["subnetSpecs"], [
            { type: "Public", name: "public", cidrMask: 24 },
            { type: "Private", name: "private" },
        ]);
    });

    it("every stack has an S3 gateway endpoint limited to this account's buckets, and VPC flow logs to a log group encrypted with the logs key", () => {
        for (const stack of ["dev", "prod"]) {
            const { resources } = planOf(stack);
            const [vpc] = ofType(resources, "awsx:ec2:Vpc");
            const [gateway] = vpc.inputs["vpcEndpointSpecs"] as { serviceName: string; vpcEndpointType: string; policy: string }[];
            assert.deepEqual([gateway.serviceName, gateway.vpcEndpointType], ["com.amazonaws.eu-west-1.s3", "Gateway"]);
            const [statement] = (JSON.parse(gateway.policy) as { Statement: Record<string, unknown>[] }).Statement;
            assert.deepEqual(statement["Condition"], { StringEquals: { "s3:ResourceAccount": "111111111111" } });
            const [flowLog] = ofType(resources, "aws:ec2/flowLog:FlowLog");
            assert.equal(flowLog.inputs["vpcId"], vpc.outputs["vpcId"]);
            const [group] = ofType(resources, "aws:cloudwatch/logGroup:LogGroup").filter(
                (candidate) => candidate.outputs["arn"] === flowLog.inputs["logDestination"],
            );
            const logsKey = ofType(resources, "aws:kms/key:Key").find((key) => key.name.endsWith("-logs"));
            assert.equal(group.inputs["kmsKeyId"], logsKey?.outputs["arn"]);
        }
    });

    it("interface endpoints admit only HTTPS from inside the VPC, and only this account's principals on this account's resources", () => {
        const { resources } = planOf("prod");
        const endpoints = ofType(resources, "aws:ec2/vpcEndpoint:VpcEndpoint");
        assert.deepEqual(
            endpoints.map((endpoint) => endpoint.inputs["serviceName"]),
            ["com.amazonaws.eu-west-1.glue"],
        );
        assert.deepEqual(JSON.parse(endpoints[0].inputs["policy"] as string).Statement[0].Condition, {
            StringEquals: { "aws:PrincipalAccount": "111111111111", "aws:ResourceAccount": "111111111111" },
        });
        const endpointGroup = ofType(resources, "aws:ec2/securityGroup:SecurityGroup").find((group) => group.name.endsWith("-endpoints"));
        const rules = ofType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter(
            (rule) => rule.inputs["securityGroupId"] === endpointGroup?.outputs["id"],
        );
        assert.deepEqual(
            rules.map((rule) => [rule.inputs["fromPort"], rule.inputs["cidrIpv4"]]),
            [[443, "10.40.0.0/16"]],
        );
    });
});

describe("tagging", () => {
    for (const stack of ["dev", "prod"]) {
        it(`every taggable resource in ${stack} carries the required tags`, () => {
            const taggable = planOf(stack).resources.filter((resource) => isTaggable(resource.type));
            assert.ok(taggable.length > 10);
            for (const resource of taggable) {
                const tags = resource.inputs["tags"] as Record<string, string> | undefined;
                for (const key of requiredTagKeys) assert.ok(tags?.[key], `${resource.type} ${resource.name} has tag ${key}`);
                assert.equal(tags?.["environment"], stack);
            }
        });
    }
});

describe("stack files", () => {
    it("a 40-character stack name plans with valid, unique bucket names", () => {
        const stack = "feature-" + "x".repeat(32);
        const result = planOfStackFile(stack, minimalDevStackConfig);
        assert.equal(result.kind, "plan");
        const names =
            result.kind === "plan"
                ? ofType(result.resources, "aws:s3/bucket:Bucket").map((bucket) => bucket.inputs["bucket"] as string)
                : [];
        assert.equal(new Set(names).size, 8);
        for (const name of names) assert.match(name, /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, name);
    });

    it("a misconfigured stack file fails with every error named and no resource registered", () => {
        const result = planOfStackFile("broken", {
            "aws:region": "eu-west-1",
            "lakehouse:environment": "prod",
            "lakehouse:owner": "team",
            "lakehouse:retainDataOnDelete": false,
            "lakehouse:glueExecutionClass": "FLEX",
            "lakehouse:glueWorkerType": "G.8X",
            "lakehouse:natGateway": "None",
            "lakehouse:pipelineEnabled": false,
            "lakehouse:quicksightEnabled": false,
        });
        assert.equal(result.kind, "config-error");
        if (result.kind !== "config-error") return;
        assert.deepEqual(result.problems.map((problem) => problem.key).sort(), [
            "lakehouse:costCenter",
            "lakehouse:glueExecutionClass",
            "lakehouse:natGateway",
            "lakehouse:retainDataOnDelete",
        ]);
        assert.equal(result.registeredResources, 0);
    });
});
