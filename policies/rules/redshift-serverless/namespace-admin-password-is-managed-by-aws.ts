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
