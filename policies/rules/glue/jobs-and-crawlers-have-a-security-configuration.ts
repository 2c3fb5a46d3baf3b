import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import { isPresentString } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { StackViolation } from "../../framework/rule-types";
import type { StackGraph } from "../../framework/stack-graph";

const SECURITY_CONFIGURATION = "aws:glue/securityConfiguration:SecurityConfiguration";

/**
 * Every Glue job and crawler names a security configuration. A name unknown during preview is
 * accepted when it comes from a security configuration of this stack.
 */
export function jobsAndCrawlersHaveASecurityConfiguration(stack: StackGraph): StackViolation[] {
    return stack.ofType("aws:glue/job:Job", "aws:glue/crawler:Crawler").flatMap((resource) => {
        const subject = resourceLabel(resource);
        const value = resource.props.securityConfiguration;
        switch (isPresentString(value)) {
            case "yes":
                return [];
            case "no":
                return [
                    {
                        urn: resource.urn,
                        message: `${subject} must name a Glue security configuration in securityConfiguration, but none is set.`,
                    },
                ];
            case "unknown": {
                const fromStack = stack.sourcesOf(resource, "securityConfiguration").some((s) => s.type === SECURITY_CONFIGURATION);
                return fromStack
                    ? []
                    : [
                          {
                              urn: resource.urn,
                              message: `${subject} must name a Glue security configuration; securityConfiguration is unknown during preview and does not come from one of this stack, so it cannot be verified.`,
                          },
                      ];
            }
        }
    });
}

export const rule = stackRule(
    {
        name: "glue-jobs-and-crawlers-have-a-security-configuration",
        service: "glue",
        severity: "high",
        description: "Every Glue job and crawler names a security configuration.",
        why: "Without one, Glue writes job output, logs and bookmarks unencrypted or with AWS-owned keys.",
        remediation: "Set securityConfiguration to the name of the stack's aws.glue.SecurityConfiguration.",
        resourceTypes: ["aws:glue/crawler:Crawler", "aws:glue/job:Job", "aws:glue/securityConfiguration:SecurityConfiguration"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    jobsAndCrawlersHaveASecurityConfiguration,
);
