import type { StackContext } from "../stack-context";

/** The shapes of the IAM policy documents the components build, and the trust policies of service roles. */

export type PolicyStatement = Record<string, unknown>;
export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: PolicyStatement[];
}

/** The AWS services this platform's roles are assumed by. */
export type TrustedService =
    | "codebuild.amazonaws.com"
    | "codepipeline.amazonaws.com"
    | "events.amazonaws.com"
    | "glue.amazonaws.com"
    | "lambda.amazonaws.com"
    | "quicksight.amazonaws.com"
    | "redshift.amazonaws.com"
    | "redshift-serverless.amazonaws.com"
    | "vpc-flow-logs.amazonaws.com";

/** Where a stack's roles may be assumed from: this account, and resources named with the stack's prefix. */
export type TrustScope = Pick<StackContext, "accountId" | "arn" | "names">;

type Condition = Record<string, Record<string, string>>;

/**
 * Confused-deputy conditions for the services AWS documents as sending `aws:SourceAccount` (and
 * `aws:SourceArn`) when they assume a role. IAM evaluates a condition on a key the request lacks as
 * false, so a condition on a service that does not send it locks the service out; those services
 * get none, and `iam:PassRole` with `iam:PassedToService` (the deployer's policy) is their control.
 */
const sourceConditions: Readonly<Record<TrustedService, ((scope: TrustScope) => Condition) | undefined>> = {
    // CodeBuild, "Cross-service confused deputy prevention": aws:SourceArn is the project's ARN.
    "codebuild.amazonaws.com": (s) => ({
        StringEquals: { "aws:SourceAccount": s.accountId },
        ArnLike: { "aws:SourceArn": s.arn.regional("codebuild", `project/${s.names.prefix}-*`) },
    }),
    // EventBridge, "Cross-service confused deputy prevention": aws:SourceArn is the rule's ARN.
    "events.amazonaws.com": (s) => ({
        StringEquals: { "aws:SourceAccount": s.accountId },
        ArnLike: { "aws:SourceArn": s.arn.regional("events", `rule/${s.names.prefix}-*`) },
    }),
    // Amazon VPC, "IAM role for publishing flow logs to CloudWatch Logs": the source ARN is the flow log's.
    "vpc-flow-logs.amazonaws.com": (s) => ({
        StringEquals: { "aws:SourceAccount": s.accountId },
        ArnLike: { "aws:SourceArn": s.arn.regional("ec2", "vpc-flow-log/*") },
    }),
    // Amazon Redshift, "Cross-service confused deputy prevention" shows aws:SourceAccount for both
    // principals; its aws:SourceArn examples name a cluster or a workgroup, not the namespace the
    // role is attached to, so only the account is pinned.
    "redshift.amazonaws.com": (s) => ({ StringEquals: { "aws:SourceAccount": s.accountId } }),
    "redshift-serverless.amazonaws.com": (s) => ({ StringEquals: { "aws:SourceAccount": s.accountId } }),
    // No AWS statement that these send the source keys on sts:AssumeRole.
    "codepipeline.amazonaws.com": undefined,
    "glue.amazonaws.com": undefined,
    "lambda.amazonaws.com": undefined,
    "quicksight.amazonaws.com": undefined,
};

/** A trust policy letting these AWS services assume the role, each pinned to this stack where AWS documents how. */
export function serviceTrustPolicy(services: TrustedService | readonly TrustedService[], scope: TrustScope): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: (typeof services === "string" ? [services] : services).map((service) => {
            const condition = sourceConditions[service]?.(scope);
            return {
                Effect: "Allow",
                Principal: { Service: service },
                Action: "sts:AssumeRole",
                ...(condition ? { Condition: condition } : {}),
            };
        }),
    };
}
