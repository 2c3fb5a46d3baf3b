import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { isUnknown, mapAt, valueAt } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";
import { plaintextSecretReason } from "../../framework/secret-detection";

/** A Lambda function's environment variables hold no credential; they point at Secrets Manager instead. */
export function environmentHasNoSecrets(resource: RuleResource): string[] {
    if (resource.type !== "aws:lambda/function:Function") return [];
    const subject = resourceLabel(resource);
    const variables = valueAt(resource.props, "environment", "variables");
    if (isUnknown(variables)) {
        return [
            `${subject} must keep secrets out of its environment; environment.variables is unknown during preview, so it cannot be verified.`,
        ];
    }
    return Object.entries(mapAt(variables) ?? {}).flatMap(([name, value]) => {
        const reason = plaintextSecretReason(name, value);
        return reason
            ? [`${subject} must keep secrets out of its environment variables, but ${reason}; pass a Secrets Manager ARN instead.`]
            : [];
    });
}

export const rule = resourceRule(
    {
        name: "lambda-environment-has-no-secrets",
        service: "lambda",
        severity: "critical",
        description: "Lambda environment variables hold no credentials; they reference secrets by ARN.",
        why: "Environment variables are readable by anyone who can read the function's configuration.",
        remediation: "Store the value in Secrets Manager and pass its ARN (e.g. API_TOKEN_SECRET_ARN).",
        resourceTypes: ["aws:lambda/function:Function"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    environmentHasNoSecrets,
);
