import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { isTrue, valueAt } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** A QuickSight data source never disables SSL (sslProperties.disableSsl is false or unset). */
export function dataSourceUsesSsl(resource: RuleResource): string[] {
    if (resource.type !== "aws:quicksight/dataSource:DataSource") return [];
    const subject = resourceLabel(resource);
    switch (isTrue(valueAt(resource.props, "sslProperties", "disableSsl"))) {
        case "no":
            return [];
        case "yes":
            return [`${subject} must connect over SSL, but sslProperties.disableSsl is true.`];
        case "unknown":
            return [`${subject} must connect over SSL; sslProperties.disableSsl is unknown during preview, so it cannot be verified.`];
    }
}

export const rule = resourceRule(
    {
        name: "quicksight-data-source-uses-ssl",
        service: "quicksight",
        severity: "high",
        description: "QuickSight data sources never disable SSL.",
        why: "Disabling SSL sends warehouse credentials and query results in clear text.",
        remediation: "Remove sslProperties.disableSsl or set it to false.",
        resourceTypes: ["aws:quicksight/dataSource:DataSource"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    dataSourceUsesSsl,
);
