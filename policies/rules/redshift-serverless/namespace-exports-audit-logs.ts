import { ADVISORY_IN_DEV, resourceRule } from "../../framework/policy-factory";
import { isUnknown, listAt } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

export const AUDIT_LOGS = ["userlog", "connectionlog", "useractivitylog"] as const;

/** A Redshift Serverless namespace exports the user, connection and user-activity audit logs. */
export function namespaceExportsAuditLogs(resource: RuleResource): string[] {
    if (resource.type !== "aws:redshiftserverless/namespace:Namespace") return [];
    const subject = resourceLabel(resource);
    const logExports = resource.props.logExports;
    if (isUnknown(logExports))
        return [`${subject} must export its audit logs; logExports is unknown during preview, so it cannot be verified.`];
    const listed = listAt(logExports) ?? [];
    const missing = AUDIT_LOGS.filter((log) => !listed.includes(log));
    return missing.length === 0
        ? []
        : [
              `${subject} must export the audit logs ${AUDIT_LOGS.join(", ")} in logExports, but ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing.`,
          ];
}

export const rule = resourceRule(
    {
        name: "redshift-serverless-namespace-exports-audit-logs",
        service: "redshift-serverless",
        severity: "medium",
        description: "Redshift Serverless namespaces export the userlog, connectionlog and useractivitylog audit logs.",
        why: "Audit logs record who connected and what they ran against warehouse data.",
        remediation: 'Set logExports to ["userlog", "connectionlog", "useractivitylog"].',
        resourceTypes: ["aws:redshiftserverless/namespace:Namespace"],
        enforcement: ADVISORY_IN_DEV,
    },
    namespaceExportsAuditLogs,
);
