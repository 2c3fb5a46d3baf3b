import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { describeValue, isPropertyMap, isUnknown, listAt, type PropertyValue } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

const OPEN = ["0.0.0.0/0", "::/0"];

function openCidrs(...lists: (PropertyValue | undefined)[]): string[] {
    return lists
        .flatMap((list) => listAt(list) ?? (list === undefined ? [] : [list]))
        .filter((c): c is string => typeof c === "string" && OPEN.includes(c));
}

function ports(rule: { fromPort?: PropertyValue; toPort?: PropertyValue }): string {
    return rule.fromPort === rule.toPort
        ? `port ${describeValue(rule.fromPort)}`
        : `ports ${describeValue(rule.fromPort)}-${describeValue(rule.toPort)}`;
}

/** No security group ingress (inline, SecurityGroupRule or SecurityGroupIngressRule) admits 0.0.0.0/0 or ::/0. */
export function ingressIsNotOpenToTheInternet(resource: RuleResource): string[] {
    const subject = resourceLabel(resource);
    const say = (cidr: string, where: string) => `${subject} must not admit ${cidr} (the whole Internet), but ${where} does.`;
    switch (resource.type) {
        case "aws:ec2/securityGroup:SecurityGroup": {
            const ingress = resource.props.ingress;
            if (isUnknown(ingress))
                return [`${subject} must not admit the whole Internet; its ingress is unknown during preview, so it cannot be verified.`];
            return (listAt(ingress) ?? [])
                .filter(isPropertyMap)
                .flatMap((rule, index) =>
                    openCidrs(rule.cidrBlocks, rule.ipv6CidrBlocks).map((cidr) => say(cidr, `ingress rule #${index + 1} (${ports(rule)})`)),
                );
        }
        case "aws:ec2/securityGroupRule:SecurityGroupRule":
            if (resource.props.type !== "ingress") return [];
            return openCidrs(resource.props.cidrBlocks, resource.props.ipv6CidrBlocks).map((cidr) =>
                say(cidr, `the rule (${ports(resource.props)})`),
            );
        case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule":
            return openCidrs(resource.props.cidrIpv4, resource.props.cidrIpv6).map((cidr) =>
                say(cidr, `the rule (${ports(resource.props)})`),
            );
        default:
            return [];
    }
}

export const rule = resourceRule(
    {
        name: "network-ingress-is-not-open-to-the-internet",
        service: "network",
        severity: "critical",
        description: "No security group ingress admits 0.0.0.0/0 or ::/0.",
        why: "The lakehouse has no public endpoints; open ingress exposes the VPC to the Internet.",
        remediation: "Restrict ingress to the VPC CIDR or to security groups.",
        resourceTypes: [
            "aws:ec2/securityGroup:SecurityGroup",
            "aws:ec2/securityGroupRule:SecurityGroupRule",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        ],
        enforcement: MANDATORY_EVERYWHERE,
    },
    ingressIsNotOpenToTheInternet,
);
