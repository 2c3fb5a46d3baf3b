import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { checkAllowStatements, iamPatternMatches, type Statement } from "../../framework/iam-policy-document";
import { isPropertyMap, isUnknown, type PropertyMap } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleConfigSpec, RuleResource } from "../../framework/rule-types";

export interface UnscopableAction {
    readonly action: string;
    readonly reason: string;
}

export interface WildcardResourceConfig {
    readonly unscopableActions: readonly UnscopableAction[];
}

/**
 * Actions for which AWS offers no resource-level permission, so `"Resource": "*"` is the only
 * way to grant them (Service Authorization Reference, "Resource types" column empty).
 */
export const DEFAULT_UNSCOPABLE_ACTIONS: readonly UnscopableAction[] = [
    {
        action: "cloudwatch:PutMetricData",
        reason: "CloudWatch metrics have no ARN; scope with the cloudwatch:namespace condition instead.",
    },
    { action: "xray:PutTraceSegments", reason: "X-Ray trace submission has no resource-level permission." },
    { action: "xray:PutTelemetryRecords", reason: "X-Ray telemetry submission has no resource-level permission." },
    {
        action: "ec2:DescribeNetworkInterfaces",
        reason: "EC2 Describe calls do not support resource-level permissions (Lambda and Glue in a VPC need it).",
    },
    { action: "ec2:DescribeVpcs", reason: "EC2 Describe calls do not support resource-level permissions." },
    { action: "ec2:DescribeSubnets", reason: "EC2 Describe calls do not support resource-level permissions." },
    { action: "ec2:DescribeSecurityGroups", reason: "EC2 Describe calls do not support resource-level permissions." },
    { action: "ec2:DescribeVpcEndpoints", reason: "EC2 Describe calls do not support resource-level permissions." },
    { action: "ec2:DescribeRouteTables", reason: "EC2 Describe calls do not support resource-level permissions." },
    { action: "kms:ListAliases", reason: "Listing KMS aliases has no resource-level permission." },
    { action: "s3:ListAllMyBuckets", reason: "Listing the account's buckets has no resource-level permission." },
    { action: "glue:GetSecurityConfiguration", reason: "Glue security configurations have no ARN." },
    { action: "glue:GetSecurityConfigurations", reason: "Glue security configurations have no ARN." },
    {
        action: "redshift-data:DescribeStatement",
        reason: "Data API statements are scoped to their caller, not by ARN.",
    },
    {
        action: "redshift-data:GetStatementResult",
        reason: "Data API statements are scoped to their caller, not by ARN.",
    },
    { action: "redshift-data:CancelStatement", reason: "Data API statements are scoped to their caller, not by ARN." },
    { action: "redshift-data:ListStatements", reason: "Data API statements are scoped to their caller, not by ARN." },
    {
        action: "lakeformation:GetDataAccess",
        reason: "Lake Formation credential vending has no resource-level permission.",
    },
    {
        action: "secretsmanager:GetRandomPassword",
        reason: "Password generation touches no secret, so it has no resource.",
    },
    {
        action: "sts:GetCallerIdentity",
        reason: "Identity lookup has no resource and needs no permission to be scoped.",
    },
    { action: "athena:ListWorkGroups", reason: "Listing Athena workgroups has no resource-level permission." },
    { action: "codebuild:ListProjects", reason: "Listing CodeBuild projects has no resource-level permission." },
    { action: "logs:DescribeLogGroups", reason: "Listing log groups across the account is only grantable on *." },
    {
        action: "kms:CreateKey",
        reason: "A key has no ARN before it exists; scope the grant with aws:RequestTag conditions instead.",
    },
    { action: "glue:CreateSecurityConfiguration", reason: "Glue security configurations have no ARN." },
    { action: "glue:DeleteSecurityConfiguration", reason: "Glue security configurations have no ARN." },
    ...[
        "DescribeAvailabilityZones",
        "DescribeAddresses",
        "DescribeAddressesAttribute",
        "DescribeInternetGateways",
        "DescribeNatGateways",
        "DescribeNetworkAcls",
        "DescribePrefixLists",
        "DescribeSecurityGroupRules",
        "DescribeFlowLogs",
        "DescribeVpcAttribute",
        "DescribeAccountAttributes",
    ].map((name) => ({ action: `ec2:${name}`, reason: "EC2 Describe calls do not support resource-level permissions." })),
    ...["CreateUsageLimit", "GetUsageLimit", "UpdateUsageLimit", "DeleteUsageLimit"].map((name) => ({
        action: `redshift-serverless:${name}`,
        reason: "Redshift Serverless usage limits have no resource type; the limit names its workgroup in the request.",
    })),
    ...["Unsubscribe", "GetSubscriptionAttributes", "SetSubscriptionAttributes"].map((name) => ({
        action: `sns:${name}`,
        reason: "SNS authorizes subscription calls other than Subscribe without a resource; a subscription ARN cannot be named.",
    })),
];

const unscopableSchema: PolicyConfigJSONSchema = {
    type: "array",
    description: "Actions AWS cannot scope to a resource, each with the reason (replaces the default list).",
    items: {
        type: "object",
        properties: { action: { type: "string", minLength: 1 }, reason: { type: "string", minLength: 10 } },
        required: ["action", "reason"],
    },
    default: DEFAULT_UNSCOPABLE_ACTIONS.map((entry) => ({ ...entry })),
};

export const wildcardResourceConfig: RuleConfigSpec<WildcardResourceConfig> = {
    properties: { unscopableActions: unscopableSchema },
    read(raw: PropertyMap): WildcardResourceConfig {
        const list = raw.unscopableActions;
        if (!Array.isArray(list)) return { unscopableActions: DEFAULT_UNSCOPABLE_ACTIONS };
        return {
            unscopableActions: list
                .filter(isPropertyMap)
                .flatMap((entry) =>
                    typeof entry.action === "string" && typeof entry.reason === "string"
                        ? [{ action: entry.action, reason: entry.reason }]
                        : [],
                ),
        };
    },
};

/** `*`, or an ARN whose resource part is only `*` (`arn:aws:s3:::*`, `arn:aws:kms:eu-west-1:123456789012:*`). */
export function isWildcardResource(resource: string): boolean {
    return resource === "*" || /^arn:[^:]+:[^:]+:[^:]*:[^:]*:\*$/.test(resource);
}

/** An Allow statement uses `Resource: "*"` only for actions AWS cannot scope, and never NotResource. */
export function wildcardResourcesOnlyForUnscopableActions(resource: RuleResource, config: WildcardResourceConfig): string[] {
    const subject = resourceLabel(resource);
    return checkAllowStatements(resource, subject, "scope its resources", (where, s) =>
        statementFindings(subject, where, s, config.unscopableActions),
    );
}

function statementFindings(subject: string, where: string, statement: Statement, unscopable: readonly UnscopableAction[]): string[] {
    const findings: string[] = [];
    const at = `statement ${statement.label} of ${where}`;
    if (statement.notResources) {
        findings.push(`${subject} must name the resources it allows, but ${at} uses NotResource, which allows every other resource.`);
    }
    const resources = statement.resources ?? [];
    if (resources.some(isUnknown)) {
        findings.push(
            `${subject} must name the resources it allows, but a resource in ${at} is unknown during preview, so it cannot be verified.`,
        );
    }
    const wildcard = resources.find((r): r is string => typeof r === "string" && isWildcardResource(r));
    if (!wildcard) return findings;
    const actions = statement.actions ?? [];
    for (const action of actions) {
        if (typeof action !== "string") continue;
        // Wildcard actions are reported by the action rule; here each is also unscopable-checked literally.
        const allowed = unscopable.some((entry) => iamPatternMatches(entry.action, action) && !/[*?]/.test(action));
        if (!allowed) {
            findings.push(
                `${subject} may use Resource "${wildcard}" only for actions AWS cannot scope, but ${at} allows "${action}" ` +
                    "on it; name the resources instead.",
            );
        }
    }
    return findings;
}
