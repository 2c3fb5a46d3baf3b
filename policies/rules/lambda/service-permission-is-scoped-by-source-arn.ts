import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { isPresentString } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** A Lambda permission for an AWS service principal names the calling resource with sourceArn. */
export function servicePermissionIsScopedBySourceArn(resource: RuleResource): string[] {
    if (resource.type !== "aws:lambda/permission:Permission") return [];
    const principal = resource.props.principal;
    if (typeof principal !== "string" || !/\.amazonaws\.com$/.test(principal)) return [];
    // An unknown sourceArn is the ARN of a resource created in the same update: it is set.
    if (isPresentString(resource.props.sourceArn) !== "no") return [];
    return [
        `${resourceLabel(resource)} must set sourceArn for the service principal ${principal}, so only this stack's resource can invoke the function.`,
    ];
}

export const rule = resourceRule(
    {
        name: "lambda-service-permission-is-scoped-by-source-arn",
        service: "lambda",
        severity: "high",
        description: "Lambda permissions for AWS service principals set sourceArn.",
        why: "Without sourceArn any resource of that service, in any account, can invoke the function (confused deputy).",
        remediation: "Set sourceArn to the ARN of the rule, bucket or topic that invokes the function.",
        resourceTypes: ["aws:lambda/permission:Permission"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    servicePermissionIsScopedBySourceArn,
);
