/**
 * IAM policy documents arrive as JSON strings (the usual Pulumi input) or as objects. This
 * module normalises both: Action/Resource/Principal may each be a string or a list, and
 * statements may use NotAction/NotResource/NotPrincipal.
 */
import {
    isPropertyMap,
    isUnknown,
    listAt,
    mapAt,
    toPropertyMap,
    UnknownValue,
    type PropertyMap,
    type PropertyValue,
} from "./property-values";
import type { RuleResource } from "./rule-types";

export type ListEntry = string | UnknownValue;

export interface PrincipalEntry {
    /** `*` for the bare wildcard principal, else AWS, Service, Federated or CanonicalUser. */
    readonly kind: string;
    readonly value: ListEntry;
}

export interface Statement {
    /** `Sid` when present, else `#<position>` (1-based). */
    readonly label: string;
    readonly effect: string;
    readonly actions?: ListEntry[];
    readonly notActions?: ListEntry[];
    readonly resources?: ListEntry[];
    readonly notResources?: ListEntry[];
    readonly principals?: PrincipalEntry[];
    readonly notPrincipals?: PrincipalEntry[];
    readonly condition?: PropertyMap;
    /** True when the whole Condition is unknown during preview (a document given as an object). */
    readonly conditionUnknown: boolean;
}

export type PolicyDocument =
    | { readonly kind: "absent" }
    | { readonly kind: "unknown" }
    | { readonly kind: "invalid"; readonly problem: string }
    | { readonly kind: "parsed"; readonly statements: Statement[] };

function entries(value: PropertyValue | undefined): ListEntry[] | undefined {
    if (value === undefined || value === null) return undefined;
    const items = Array.isArray(value) ? value : [value];
    return items.flatMap((item): ListEntry[] => (typeof item === "string" || isUnknown(item) ? [item] : []));
}

function principals(value: PropertyValue | undefined): PrincipalEntry[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (value === "*") return [{ kind: "*", value: "*" }];
    if (isUnknown(value)) return [{ kind: "unknown", value }];
    if (!isPropertyMap(value)) return [];
    return Object.entries(value).flatMap(([kind, items]) => (entries(items) ?? []).map((entry) => ({ kind, value: entry })));
}

function statementOf(raw: PropertyMap, position: number): Statement {
    const sid = raw.Sid;
    return {
        label: typeof sid === "string" && sid !== "" ? sid : `#${position}`,
        effect: typeof raw.Effect === "string" ? raw.Effect : "",
        actions: entries(raw.Action),
        notActions: entries(raw.NotAction),
        resources: entries(raw.Resource),
        notResources: entries(raw.NotResource),
        principals: principals(raw.Principal),
        notPrincipals: principals(raw.NotPrincipal),
        condition: mapAt(raw, "Condition"),
        conditionUnknown: isUnknown(raw.Condition),
    };
}

export function parsePolicyDocument(value: PropertyValue | undefined): PolicyDocument {
    if (value === undefined || value === null || value === "") return { kind: "absent" };
    if (isUnknown(value)) return { kind: "unknown" };
    let document: PropertyMap;
    if (typeof value === "string") {
        try {
            document = toPropertyMap(JSON.parse(value) as unknown);
        } catch (error) {
            return { kind: "invalid", problem: `it is not valid JSON (${(error as Error).message})` };
        }
    } else if (isPropertyMap(value)) {
        document = value;
    } else {
        return { kind: "invalid", problem: "it is neither a JSON string nor an object" };
    }
    const raw = document.Statement;
    if (isUnknown(raw)) return { kind: "unknown" };
    const list = listAt(document, "Statement") ?? (isPropertyMap(raw) ? [raw] : undefined);
    if (!list) return { kind: "invalid", problem: "it has no Statement" };
    return {
        kind: "parsed",
        statements: list.filter(isPropertyMap).map((item, index) => statementOf(item, index + 1)),
    };
}

/** Case-insensitive IAM wildcard match (`*` any run, `?` one character). */
export function iamPatternMatches(pattern: string, value: string): boolean {
    const source = pattern
        .split("")
        .map((char) => (char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
        .join("");
    return new RegExp(`^${source}$`, "i").test(value);
}

/** True when the statement's Allow could grant `action` (Action pattern or NotAction not covering it). */
export function statementAllowsAction(statement: Statement, action: string): boolean {
    if (statement.effect !== "Allow") return false;
    if (statement.actions) return statement.actions.some((a) => typeof a === "string" && iamPatternMatches(a, action));
    if (statement.notActions) {
        return !statement.notActions.some((a) => typeof a === "string" && iamPatternMatches(a, action));
    }
    return false;
}

/** Condition keys used anywhere in the statement, lower-cased (e.g. `aws:securetransport`). */
export function conditionKeys(statement: Statement): string[] {
    if (!statement.condition) return [];
    return Object.values(statement.condition).flatMap((block) =>
        isPropertyMap(block) ? Object.keys(block).map((key) => key.toLowerCase()) : [],
    );
}

/** Values of one condition key across operators, e.g. all `aws:SecureTransport` values. */
export function conditionValues(statement: Statement, operatorPattern: RegExp, key: string): PropertyValue[] {
    if (!statement.condition) return [];
    return Object.entries(statement.condition).flatMap(([operator, block]) => {
        if (!operatorPattern.test(operator) || !isPropertyMap(block)) return [];
        return Object.entries(block).flatMap(([name, value]) =>
            name.toLowerCase() === key.toLowerCase() && value !== undefined ? (Array.isArray(value) ? value : [value]) : [],
        );
    });
}

export const IDENTITY_POLICY_TYPES = [
    "aws:iam/policy:Policy",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/userPolicy:UserPolicy",
    "aws:iam/groupPolicy:GroupPolicy",
    "aws:iam/role:Role",
] as const;

export interface LabelledDocument {
    /** Where the document sits, e.g. `its policy` or `its inline policy "read-gold"`. */
    readonly where: string;
    readonly document: PolicyDocument;
}

/** The identity-based policy documents a resource defines (not trust or resource policies). */
export function identityPolicyDocuments(resource: RuleResource): LabelledDocument[] {
    switch (resource.type) {
        case "aws:iam/policy:Policy":
        case "aws:iam/rolePolicy:RolePolicy":
        case "aws:iam/userPolicy:UserPolicy":
        case "aws:iam/groupPolicy:GroupPolicy":
            return [{ where: "its policy", document: parsePolicyDocument(resource.props.policy) }];
        case "aws:iam/role:Role": {
            const inline = resource.props.inlinePolicies;
            if (isUnknown(inline)) return [{ where: "its inline policies", document: { kind: "unknown" } }];
            return (listAt(inline) ?? []).filter(isPropertyMap).map((policy, index) => ({
                where: `its inline policy "${typeof policy.name === "string" ? policy.name : `#${index + 1}`}"`,
                document: parsePolicyDocument(policy.policy),
            }));
        }
        default:
            return [];
    }
}

/** Identity policies name their resources; trust and resource policies sit on the resource they govern. */
export type DocumentKind = "identity" | "trust" | "resource";

export interface KindedDocument extends LabelledDocument {
    readonly kind: DocumentKind;
}

/** The property holding the resource-based policy of each type that has one. */
const RESOURCE_POLICY_PROPERTIES: Readonly<Record<string, string>> = {
    "aws:s3/bucketPolicy:BucketPolicy": "policy",
    "aws:kms/key:Key": "policy",
    "aws:kms/keyPolicy:KeyPolicy": "policy",
    "aws:sns/topic:Topic": "policy",
    "aws:sns/topicPolicy:TopicPolicy": "policy",
    "aws:sqs/queue:Queue": "policy",
    "aws:sqs/queuePolicy:QueuePolicy": "policy",
    "aws:secretsmanager/secret:Secret": "policy",
    "aws:secretsmanager/secretPolicy:SecretPolicy": "policy",
    "aws:cloudwatch/eventBusPolicy:EventBusPolicy": "policy",
    "aws:glue/resourcePolicy:ResourcePolicy": "policy",
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": "policyDocument",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "policy",
    "aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy": "policy",
};

/** Every type that carries a policy document: identity, trust and resource policies, and awsx VPC endpoint specs. */
export const POLICY_DOCUMENT_TYPES: readonly string[] = [
    ...IDENTITY_POLICY_TYPES,
    ...Object.keys(RESOURCE_POLICY_PROPERTIES),
    "awsx:ec2:Vpc",
];

/** The endpoint policies an awsx VPC declares in its vpcEndpointSpecs, by position. */
export function awsxEndpointPolicies(resource: RuleResource): { where: string; value: PropertyValue | undefined }[] {
    if (resource.type !== "awsx:ec2:Vpc") return [];
    const specs = listAt(resource.props, "vpcEndpointSpecs") ?? [];
    return specs.map((spec, index) => ({
        where: `the policy of vpcEndpointSpecs[${index}]`,
        value: isPropertyMap(spec) ? spec.policy : undefined,
    }));
}

/** Every policy document a resource defines: identity policies, a role's trust policy, a resource policy. */
export function policyDocuments(resource: RuleResource): KindedDocument[] {
    const documents: KindedDocument[] = identityPolicyDocuments(resource).map((labelled) => ({ ...labelled, kind: "identity" }));
    if (resource.type === "aws:iam/role:Role") {
        documents.push({ where: "its trust policy", document: parsePolicyDocument(resource.props.assumeRolePolicy), kind: "trust" });
    }
    const property = RESOURCE_POLICY_PROPERTIES[resource.type] as string | undefined;
    if (property) documents.push({ where: "its policy", document: parsePolicyDocument(resource.props[property]), kind: "resource" });
    for (const { where, value } of awsxEndpointPolicies(resource)) {
        documents.push({ where, document: parsePolicyDocument(value), kind: "resource" });
    }
    return documents.filter((labelled) => labelled.document.kind !== "absent");
}

/** The violation sentence for a document that cannot be inspected, or undefined when it can. */
export function uninspectableDocument(subject: string, where: string, document: PolicyDocument, what: string): string | undefined {
    if (document.kind === "unknown") {
        return `${subject} must ${what}, but ${where} is unknown during preview, so it cannot be verified.`;
    }
    if (document.kind === "invalid") return `${subject} must ${what}, but ${where} cannot be read: ${document.problem}.`;
    return undefined;
}

/**
 * Runs `check` on every Allow statement of every identity policy document of `resource`;
 * a document that cannot be inspected yields one violation stating `requirement`.
 */
export function checkAllowStatements(
    resource: RuleResource,
    subject: string,
    requirement: string,
    check: (where: string, statement: Statement) => string[],
): string[] {
    return identityPolicyDocuments(resource).flatMap(({ where, document }) => {
        const blocked = uninspectableDocument(subject, where, document, requirement);
        if (blocked) return [blocked];
        if (document.kind !== "parsed") return [];
        return document.statements.filter((s) => s.effect === "Allow").flatMap((s) => check(where, s));
    });
}

/**
 * Runs `check` on every statement of every policy document of `resource` (identity, trust and
 * resource policies); a document that cannot be inspected yields one violation stating `requirement`.
 */
export function checkEveryStatement(
    resource: RuleResource,
    subject: string,
    requirement: string,
    check: (document: KindedDocument, statement: Statement) => string[],
): string[] {
    return policyDocuments(resource).flatMap((labelled) => {
        const blocked = uninspectableDocument(subject, labelled.where, labelled.document, requirement);
        if (blocked) return [blocked];
        if (labelled.document.kind !== "parsed") return [];
        return labelled.document.statements.flatMap((s) => check(labelled, s));
    });
}

/** True when a Deny statement refuses requests whose aws:SecureTransport is false. */
export function deniesInsecureTransport(document: PolicyDocument): boolean {
    if (document.kind !== "parsed") return false;
    return document.statements.some(
        (s) =>
            s.effect === "Deny" && conditionValues(s, /^Bool(IfExists)?$/, "aws:SecureTransport").some((v) => v === false || v === "false"),
    );
}
