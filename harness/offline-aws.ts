/**
 * What the offline plan answers in place of AWS: provider function results and the outputs a
 * created resource would have. Values are shaped like AWS's (ARNs, ids), with a fixed
 * placeholder account so documents are reproducible.
 */
import { createHash } from "node:crypto";

export const offlineAccountId = "111111111111";

/** A UUID-shaped id derived from a name, for services that identify resources by UUID. */
function uuidFor(value: string): string {
    const hex = createHash("sha256").update(value).digest("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function callResult(token: string, inputs: Record<string, unknown>, region: string): Record<string, unknown> {
    switch (token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return {
                accountId: offlineAccountId,
                arn: `arn:aws:iam::${offlineAccountId}:user/offline-plan`,
                userId: "AIDAOFFLINEPLAN",
                id: offlineAccountId,
            };
        case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" };
        case "aws:index/getRegion:getRegion":
            return { name: region, region, endpoint: `ec2.${region}.amazonaws.com`, description: region, id: region };
        case "aws:index/getAvailabilityZones:getAvailabilityZones":
            return { names: ["a", "b", "c"].map((zone) => `${region}${zone}`), zoneIds: [1, 2, 3].map((n) => `az${n}`), id: region };
        case "aws:ec2/getPrefixList:getPrefixList":
            return { id: "pl-6da54004", prefixListId: "pl-6da54004", name: inputs["name"], cidrBlocks: ["52.218.0.0/17"], region };
        default:
            throw new Error(`the offline plan has no answer for ${token}(${JSON.stringify(inputs)}); add one to harness/offline-aws.ts`);
    }
}

function service(type: string): string {
    return type.split(":")[1]?.split("/")[0] ?? "unknown";
}

/** Outputs AWS would report for a created resource, on top of its inputs. */
export function resourceOutputs(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    region: string,
): { id: string; state: Record<string, unknown> } {
    const account = offlineAccountId;
    const str = (key: string): string | undefined => (typeof inputs[key] === "string" ? (inputs[key] as string) : undefined);
    switch (type) {
        case "aws:s3/bucket:Bucket": {
            const bucket = str("bucket") ?? name;
            return {
                id: bucket,
                state: { bucket, arn: `arn:aws:s3:::${bucket}`, bucketRegionalDomainName: `${bucket}.s3.${region}.amazonaws.com`, region },
            };
        }
        case "aws:kms/key:Key": {
            const keyId = `mrk-${name}`;
            return { id: keyId, state: { keyId, arn: `arn:aws:kms:${region}:${account}:key/${keyId}` } };
        }
        case "aws:cloudwatch/logGroup:LogGroup": {
            const groupName = str("name") ?? name;
            return { id: groupName, state: { name: groupName, arn: `arn:aws:logs:${region}:${account}:log-group:${groupName}` } };
        }
        case "aws:iam/role:Role": {
            const roleName = str("name") ?? name;
            return {
                id: roleName,
                state: { name: roleName, arn: `arn:aws:iam::${account}:role/${roleName}`, uniqueId: `AROA${roleName.length}` },
            };
        }
        case "aws:iam/policy:Policy": {
            const policyName = str("name") ?? name;
            return {
                id: `arn:aws:iam::${account}:policy/${policyName}`,
                state: { name: policyName, arn: `arn:aws:iam::${account}:policy/${policyName}` },
            };
        }
        case "aws:secretsmanager/secret:Secret": {
            // Secrets Manager's ARN is `secret:` + the name + a hyphen and six random characters; policies name it so.
            const secretName = str("name") ?? name;
            const id = `${name}-id`;
            return { id, state: { id, arn: `arn:aws:secretsmanager:${region}:${account}:secret:${secretName}-Ab12Cd`, name: secretName } };
        }
        case "aws:redshiftserverless/namespace:Namespace": {
            const namespaceName = str("namespaceName") ?? name;
            const namespaceId = uuidFor(`namespace:${namespaceName}`);
            return {
                id: namespaceName,
                state: {
                    namespaceId,
                    arn: `arn:aws:redshift-serverless:${region}:${account}:namespace/${namespaceId}`,
                    adminPasswordSecretArn: `arn:aws:secretsmanager:${region}:${account}:secret:redshift!${namespaceName}-${str("adminUsername") ?? "admin"}-Xk3p9Q`,
                },
            };
        }
        case "aws:redshiftserverless/workgroup:Workgroup": {
            const workgroupName = str("workgroupName") ?? name;
            const workgroupId = uuidFor(`workgroup:${workgroupName}`);
            return {
                id: workgroupName,
                state: {
                    workgroupId,
                    arn: `arn:aws:redshift-serverless:${region}:${account}:workgroup/${workgroupId}`,
                    endpoints: [
                        {
                            address: `${workgroupName}.${account}.${region}.redshift-serverless.amazonaws.com`,
                            port: typeof inputs["port"] === "number" ? inputs["port"] : 5439,
                            vpcEndpoints: [],
                        },
                    ],
                },
            };
        }
        case "awsx:ec2:Vpc": {
            const subnets = (tier: string) => [1, 2, 3].map((n) => `subnet-${tier}${n}`);
            const isolated = JSON.stringify(inputs["natGateways"] ?? {}).includes('"None"');
            return {
                id: "",
                state: {
                    vpcId: `vpc-${name}`,
                    privateSubnetIds: isolated ? [] : subnets("private"),
                    publicSubnetIds: isolated ? [] : subnets("public"),
                    isolatedSubnetIds: isolated ? subnets("isolated") : [],
                },
            };
        }
        default: {
            const id = `${name}-id`;
            return { id, state: { id, arn: `arn:aws:${service(type)}:${region}:${account}:${name}`, name: str("name") ?? name } };
        }
    }
}
