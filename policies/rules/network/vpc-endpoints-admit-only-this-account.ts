import { MANDATORY_EVERYWHERE, resourceRule } from "../../framework/policy-factory";
import { awsxEndpointPolicies, conditionKeys, parsePolicyDocument, uninspectableDocument } from "../../framework/iam-policy-document";
import type { PropertyValue } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { RuleResource } from "../../framework/rule-types";

/** Condition keys that confine an endpoint to one account's (or organization's) principals or resources. */
const PERIMETER_KEYS = ["aws:principalaccount", "aws:resourceaccount", "s3:resourceaccount", "aws:principalorgid", "aws:resourceorgid"];

function findings(subject: string, where: string, value: PropertyValue | undefined): string[] {
    const document = parsePolicyDocument(value);
    if (document.kind === "absent") {
        return [
            `${subject} must have an endpoint policy limited to this account, but ${where} is not set, so the endpoint allows everything.`,
        ];
    }
    const blocked = uninspectableDocument(subject, where, document, "limit its endpoint policy to this account");
    if (blocked) return [blocked];
    if (document.kind !== "parsed") return [];
    return document.statements
        .filter((statement) => statement.effect === "Allow" && !conditionKeys(statement).some((key) => PERIMETER_KEYS.includes(key)))
        .map(
            (statement) =>
                `${subject} must allow only this account's principals or resources, but statement ${statement.label} of ${where} ` +
                "has no aws:PrincipalAccount, aws:ResourceAccount or s3:ResourceAccount condition.",
        );
}

/** Every VPC endpoint has a policy whose Allow statements are confined to an account or organization. */
export function vpcEndpointsAdmitOnlyThisAccount(resource: RuleResource): string[] {
    const subject = resourceLabel(resource);
    if (resource.type === "aws:ec2/vpcEndpoint:VpcEndpoint") return findings(subject, "its policy", resource.props.policy);
    return awsxEndpointPolicies(resource).flatMap(({ where, value }) => findings(subject, where, value));
}

export const rule = resourceRule(
    {
        name: "network-vpc-endpoints-admit-only-this-account",
        service: "network",
        severity: "medium",
        description:
            "Every VPC endpoint, awsx's included, has a policy whose Allow statements are confined to this account's principals or resources.",
        why: "An endpoint without a policy allows every call to the service, so anything in the VPC can reach other accounts' resources through it (a data exfiltration path).",
        remediation:
            "Set the endpoint's policy with aws:PrincipalAccount and aws:ResourceAccount (s3:ResourceAccount for S3) conditions naming the account.",
        resourceTypes: ["aws:ec2/vpcEndpoint:VpcEndpoint", "awsx:ec2:Vpc"],
        enforcement: MANDATORY_EVERYWHERE,
    },
    vpcEndpointsAdmitOnlyThisAccount,
);
