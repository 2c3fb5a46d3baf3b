import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { isPropertyMap, listAt, valueAt } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";
import { plaintextSecretReason } from "../../framework/secret-detection";

/** CodeBuild environment variables of type PLAINTEXT carry no credential; use SECRETS_MANAGER or PARAMETER_STORE. */
export function environmentHasNoPlaintextCredentials(resource: RuleResource): string[] {
    if (resource.type !== "aws:codebuild/project:Project") return [];
    const subject = resourceLabel(resource);
    return (listAt(valueAt(resource.props, "environment", "environmentVariables")) ?? [])
        .filter(isPropertyMap)
        .filter((variable) => variable.type === undefined || variable.type === "PLAINTEXT")
        .flatMap((variable) => {
            const name = typeof variable.name === "string" ? variable.name : "(unnamed)";
            const reason = plaintextSecretReason(name, variable.value);
            return reason
                ? [
                      `${subject} must not pass credentials as PLAINTEXT environment variables, but ${reason}; use type SECRETS_MANAGER or PARAMETER_STORE.`,
                  ]
                : [];
        });
}

export const rule = resourceRule(
    {
        name: "codebuild-environment-has-no-plaintext-credentials",
        service: "codebuild",
        severity: "critical",
        description: "CodeBuild PLAINTEXT environment variables carry no credentials.",
        why: "Plain-text variables are visible in the console, API and state.",
        remediation: "Use environment variables of type SECRETS_MANAGER or PARAMETER_STORE.",
        resourceTypes: ["aws:codebuild/project:Project"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    environmentHasNoPlaintextCredentials,
);
