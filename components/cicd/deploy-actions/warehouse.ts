import type { ResourceTypeActions } from "../deploy-scopes";
import { ec2Describe } from "./helpers";

/** What `pulumi up` calls for each type of this domain (see deploy-actions/index.ts). Redshift Serverless and the warehouse-schema function. */
export const warehouseActions: Readonly<Record<string, ResourceTypeActions>> = {
    // Creating a namespace with a managed admin password and a customer-managed key makes Redshift
    // create the secret and key grants with the caller's permissions (dependent actions in the
    // Service Authorization Reference). The workgroup's VPC placement is checked with EC2 reads.
    "aws:redshiftserverless/namespace:Namespace": {
        warehouseCreation: ["redshift-serverless:CreateNamespace", "redshift-serverless:TagResource"],
        warehouse: [
            "redshift-serverless:GetNamespace",
            "redshift-serverless:UpdateNamespace",
            "redshift-serverless:DeleteNamespace",
            "redshift-serverless:ListTagsForResource",
            "redshift-serverless:TagResource",
            "redshift-serverless:UntagResource",
        ],
        warehouseAdminSecret: [
            "secretsmanager:CreateSecret",
            "secretsmanager:DescribeSecret",
            "secretsmanager:UpdateSecret",
            "secretsmanager:RotateSecret",
            "secretsmanager:DeleteSecret",
            "secretsmanager:TagResource",
        ],
        stackKeysThroughServices: ["kms:CreateGrant", "kms:RetireGrant", "kms:DescribeKey", "kms:Decrypt", "kms:GenerateDataKey"],
        unscopable: ["secretsmanager:GetRandomPassword"],
    },
    "aws:redshiftserverless/workgroup:Workgroup": {
        warehouseCreation: ["redshift-serverless:CreateWorkgroup", "redshift-serverless:TagResource"],
        warehouse: [
            "redshift-serverless:GetWorkgroup",
            "redshift-serverless:UpdateWorkgroup",
            "redshift-serverless:DeleteWorkgroup",
            "redshift-serverless:ListTagsForResource",
            "redshift-serverless:TagResource",
            "redshift-serverless:UntagResource",
        ],
        network: ["ec2:DescribeVpcAttribute"],
        unscopable: ec2Describe(
            "AccountAttributes",
            "AvailabilityZones",
            "Vpcs",
            "Subnets",
            "SecurityGroups",
            "InternetGateways",
            "Addresses",
            "NetworkInterfaces",
        ),
    },
    // Usage limits have no ARN of their own.
    "aws:redshiftserverless/usageLimit:UsageLimit": {
        unscopable: [
            "redshift-serverless:CreateUsageLimit",
            "redshift-serverless:GetUsageLimit",
            "redshift-serverless:UpdateUsageLimit",
            "redshift-serverless:DeleteUsageLimit",
        ],
    },
    "aws:lambda/function:Function": {
        functions: [
            "lambda:CreateFunction",
            "lambda:GetFunction",
            "lambda:GetFunctionCodeSigningConfig",
            "lambda:ListVersionsByFunction",
            "lambda:UpdateFunctionCode",
            "lambda:UpdateFunctionConfiguration",
            "lambda:DeleteFunction",
            "lambda:TagResource",
            "lambda:UntagResource",
        ],
    },
    // The deployment invokes the warehouse-schema function once per schema change.
    "aws:lambda/invocation:Invocation": { functions: ["lambda:InvokeFunction"] },
};
