import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { isTrue } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** A Redshift Serverless namespace lets AWS manage the admin password (manageAdminPassword) and sets none inline. */
export function namespaceAdminPasswordIsManagedByAws(resource: RuleResource): string[] {
    if (resource.type !== "aws:redshiftserverless/namespace:Namespace") return [];
    const subject = resourceLabel(resource);
    const findings: string[] = [];
    for (const property of ["adminUserPassword", "adminUserPasswordWo"]) {
        if (resource.props[property] !== undefined && resource.props[property] !== null) {
            findings.push(`${subject} must not set ${property}; let AWS manage the admin password in Secrets Manager instead.`);
        }
    }
    const managed = isTrue(resource.props.manageAdminPassword);
    if (managed !== "yes") {
        findings.push(
            `${subject} must set manageAdminPassword to true${managed === "unknown" ? "; it is unknown during preview, so it cannot be verified" : ""}.`,
        );
    }
    return findings;
}

export const rule = resourceRule(
    {
        name: "redshift-serverless-namespace-admin-password-is-managed-by-aws",
        service: "redshift-serverless",
        severity: "critical",
        description: "Redshift Serverless namespaces let AWS manage the admin password and set none inline.",
        why: "An inline password is stored in Pulumi state and never rotates.",
        remediation: "Set manageAdminPassword: true and remove adminUserPassword.",
        resourceTypes: ["aws:redshiftserverless/namespace:Namespace"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    namespaceAdminPasswordIsManagedByAws,
);
