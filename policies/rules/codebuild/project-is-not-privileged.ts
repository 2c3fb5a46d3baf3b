import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { isTrue, valueAt } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** A CodeBuild project does not run in privileged mode (needed only for Docker builds, which require an exemption). */
export function projectIsNotPrivileged(resource: RuleResource): string[] {
    if (resource.type !== "aws:codebuild/project:Project") return [];
    const subject = resourceLabel(resource);
    switch (isTrue(valueAt(resource.props, "environment", "privilegedMode"))) {
        case "no":
            return [];
        case "yes":
            return [`${subject} must not run in privileged mode, but environment.privilegedMode is true.`];
        case "unknown":
            return [
                `${subject} must not run in privileged mode; environment.privilegedMode is unknown during preview, so it cannot be verified.`,
            ];
    }
}

export const rule = resourceRule(
    {
        name: "codebuild-project-is-not-privileged",
        service: "codebuild",
        severity: "high",
        description: "CodeBuild projects do not run in privileged mode unless exempted.",
        why: "Privileged mode gives the build root on the host and access to the Docker daemon.",
        remediation: "Set environment.privilegedMode: false, or exempt the project with the reason (Docker image builds).",
        resourceTypes: ["aws:codebuild/project:Project"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    projectIsNotPrivileged,
);
