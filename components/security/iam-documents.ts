/** The shapes of the IAM policy documents the components build, and the trust policy most roles share. */

export type PolicyStatement = Record<string, unknown>;
export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: PolicyStatement[];
}

/** A trust policy letting one AWS service assume the role, for this account's resources only. */
export function serviceTrustPolicy(service: string, accountId: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: service },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceAccount": accountId } },
            },
        ],
    };
}
