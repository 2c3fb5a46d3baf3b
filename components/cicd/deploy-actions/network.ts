import type { ResourceTypeActions } from "../deploy-scopes";
import { ec2Describe } from "./helpers";

/** What `pulumi up` calls for each type of this domain (see deploy-actions/index.ts). The VPC (awsx), security groups and their rules, endpoints, flow logs. */
export const networkActions: Readonly<Record<string, ResourceTypeActions>> = {
    // The VPC, subnets, route tables and routes, internet gateway, NAT gateways with their
    // Elastic IPs and the S3 gateway endpoint that awsx creates.
    "awsx:ec2:Vpc": {
        networkCreation: [
            "ec2:CreateVpc",
            "ec2:CreateSubnet",
            "ec2:CreateRouteTable",
            "ec2:CreateInternetGateway",
            "ec2:AllocateAddress",
            "ec2:CreateNatGateway",
            "ec2:CreateVpcEndpoint",
        ],
        networkTagsOnCreation: ["ec2:CreateTags"],
        network: [
            "ec2:DeleteVpc",
            "ec2:ModifyVpcAttribute",
            "ec2:CreateSubnet",
            "ec2:DeleteSubnet",
            "ec2:ModifySubnetAttribute",
            "ec2:CreateRouteTable",
            "ec2:DeleteRouteTable",
            "ec2:CreateRoute",
            "ec2:ReplaceRoute",
            "ec2:DeleteRoute",
            "ec2:AssociateRouteTable",
            "ec2:DisassociateRouteTable",
            "ec2:AttachInternetGateway",
            "ec2:DetachInternetGateway",
            "ec2:DeleteInternetGateway",
            "ec2:ReleaseAddress",
            "ec2:DisassociateAddress",
            "ec2:CreateNatGateway",
            "ec2:DeleteNatGateway",
            "ec2:CreateVpcEndpoint",
            "ec2:ModifyVpcEndpoint",
            "ec2:DeleteVpcEndpoints",
            "ec2:CreateTags",
            "ec2:DeleteTags",
            "ec2:DescribeVpcAttribute",
        ],
        // Deleting a subnet waits for its network interfaces to go.
        unscopable: ec2Describe(
            "AvailabilityZones",
            "Vpcs",
            "Subnets",
            "RouteTables",
            "InternetGateways",
            "Addresses",
            "AddressesAttribute",
            "NatGateways",
            "VpcEndpoints",
            "PrefixLists",
            "NetworkAcls",
            "SecurityGroups",
            "NetworkInterfaces",
        ),
    },
    // The provider removes the default allow-all egress rule of a new group.
    "aws:ec2/securityGroup:SecurityGroup": {
        networkCreation: ["ec2:CreateSecurityGroup"],
        networkTagsOnCreation: ["ec2:CreateTags"],
        network: [
            "ec2:CreateSecurityGroup",
            "ec2:DeleteSecurityGroup",
            "ec2:RevokeSecurityGroupEgress",
            "ec2:CreateTags",
            "ec2:DeleteTags",
        ],
        unscopable: ec2Describe("SecurityGroups", "NetworkInterfaces"),
    },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
        networkCreation: ["ec2:AuthorizeSecurityGroupIngress"],
        networkTagsOnCreation: ["ec2:CreateTags"],
        network: [
            "ec2:AuthorizeSecurityGroupIngress",
            "ec2:RevokeSecurityGroupIngress",
            "ec2:ModifySecurityGroupRules",
            "ec2:CreateTags",
            "ec2:DeleteTags",
        ],
        unscopable: ec2Describe("SecurityGroupRules"),
    },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {
        networkCreation: ["ec2:AuthorizeSecurityGroupEgress"],
        networkTagsOnCreation: ["ec2:CreateTags"],
        network: [
            "ec2:AuthorizeSecurityGroupEgress",
            "ec2:RevokeSecurityGroupEgress",
            "ec2:ModifySecurityGroupRules",
            "ec2:CreateTags",
            "ec2:DeleteTags",
        ],
        unscopable: ec2Describe("SecurityGroupRules"),
    },
    "aws:ec2/vpcEndpoint:VpcEndpoint": {
        networkCreation: ["ec2:CreateVpcEndpoint"],
        networkTagsOnCreation: ["ec2:CreateTags"],
        network: ["ec2:CreateVpcEndpoint", "ec2:ModifyVpcEndpoint", "ec2:DeleteVpcEndpoints", "ec2:CreateTags", "ec2:DeleteTags"],
        unscopable: ec2Describe("VpcEndpoints", "PrefixLists", "NetworkInterfaces"),
    },
    "aws:ec2/flowLog:FlowLog": {
        networkCreation: ["ec2:CreateFlowLogs"],
        networkTagsOnCreation: ["ec2:CreateTags"],
        network: ["ec2:CreateFlowLogs", "ec2:DeleteFlowLogs", "ec2:CreateTags", "ec2:DeleteTags"],
        unscopable: ec2Describe("FlowLogs"),
    },
};
