import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyStatement } from "../../lib/iam/documents";
import type { StackContext } from "../../lib/stack-context";

/** What the boundary document is made from. */
export interface BoundaryScope {
    readonly accountId: string;
    readonly partition: string;
    /** The stack's region: requests to any other region are denied, except to global services. */
    readonly region: string;
    /** Name of the boundary policy. Fixed, so every role can name the ARN before the policy exists. */
    readonly policyName: string;
    /** `<project>-<stack>`: IAM is allowed only on the roles and policies whose names start with it. */
    readonly namePrefix: string;
    /** IAM service prefixes the stack's roles use (deployer and workloads), e.g. `stackServices`. */
    readonly services: readonly string[];
}

export interface PermissionsBoundaryArgs {
    /** The boundary is named after the stack and confines IAM to its names, requests to its region. */
    readonly context: StackContext;
    /** IAM service prefixes the stack's roles use (deployer and workloads), e.g. `stackServices`. */
    readonly services: readonly string[];
}

/** Services whose API lives in one region whatever the stack's region (IAM is served from us-east-1). */
const globalServiceActions = ["iam:*"];

/** IAM actions that create or change a principal's permissions; AWS reports `iam:PermissionsBoundary` for each. */
const permissionChangingActions = [
    "iam:CreateRole",
    "iam:PutRolePermissionsBoundary",
    "iam:PutRolePolicy",
    "iam:DeleteRolePolicy",
    "iam:AttachRolePolicy",
    "iam:DetachRolePolicy",
    "iam:CreateUser",
    "iam:PutUserPermissionsBoundary",
    "iam:PutUserPolicy",
    "iam:DeleteUserPolicy",
    "iam:AttachUserPolicy",
    "iam:DetachUserPolicy",
];

/** `arn:<partition>:iam::<account>:policy/<name>`: computable before the policy exists. */
export function boundaryArn(partition: string, accountId: string, policyName: string): string {
    return `arn:${partition}:iam::${accountId}:policy/${policyName}`;
}

/**
 * The boundary: a ceiling, not a grant. Each role's own policy still decides what it may do;
 * the boundary caps that at the stack's services and takes away the ways out of the cap:
 * - IAM only on this stack's roles and policies, so no principal outside the stack is touched;
 * - no role or user created, and no permissions of one changed, unless it carries this boundary;
 * - the boundary cannot be edited, deleted or removed from a role by a bounded role;
 * - no long-term credentials (access keys, passwords, service-specific credentials), nothing in
 *   Organizations or the account settings;
 * - nothing outside the stack's region but IAM, whose API is global. The workloads (Glue jobs,
 *   the warehouse, CodeBuild, Lambda) call their services in the region the stack runs in.
 */
export function boundaryDocument(args: BoundaryScope): { Version: "2012-10-17"; Statement: PolicyStatement[] } {
    const arn = boundaryArn(args.partition, args.accountId, args.policyName);
    const iamArn = (kind: string): string => `arn:${args.partition}:iam::${args.accountId}:${kind}/${args.namePrefix}-*`;
    const regional = [...new Set(args.services)].filter((service) => service !== "iam").sort();
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "StackServices", Effect: "Allow", Action: regional.map((service) => `${service}:*`), Resource: "*" },
            { Sid: "IamOnStackRolesAndPolicies", Effect: "Allow", Action: "iam:*", Resource: [iamArn("role"), iamArn("policy")] },
            {
                Sid: "NoPrincipalWithoutThisBoundary",
                Effect: "Deny",
                Action: permissionChangingActions,
                Resource: "*",
                Condition: { StringNotEquals: { "iam:PermissionsBoundary": arn } },
            },
            {
                Sid: "NoChangeToThisBoundary",
                Effect: "Deny",
                Action: ["iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicy"],
                Resource: arn,
            },
            {
                Sid: "NoBoundaryRemoval",
                Effect: "Deny",
                Action: ["iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary"],
                Resource: "*",
            },
            {
                Sid: "NoLongTermCredentialsOrAccountAdministration",
                Effect: "Deny",
                Action: [
                    "iam:*AccessKey*",
                    "iam:*LoginProfile",
                    "iam:*ServiceSpecificCredential*",
                    "iam:*SigningCertificate*",
                    "iam:*SSHPublicKey*",
                    "organizations:*",
                    "account:*",
                ],
                Resource: "*",
            },
            {
                Sid: "NoOtherRegion",
                Effect: "Deny",
                NotAction: globalServiceActions,
                Resource: "*",
                Condition: { StringNotEquals: { "aws:RequestedRegion": args.region } },
            },
        ],
    };
}

/**
 * The managed policy every role of the stack carries as its permissions boundary
 * (README "Deployer permissions"). Only an administrator can change it: the boundary denies
 * its own edits to every bounded role, the deployer's included.
 */
export class PermissionsBoundary extends pulumi.ComponentResource {
    /** Known before the policy exists, so roles can be registered with it at any time. */
    readonly arn: string;
    readonly policy: aws.iam.Policy;
    readonly document: pulumi.Output<string>;

    constructor(name: string, args: PermissionsBoundaryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:security:PermissionsBoundary", name, {}, opts);

        const { names, partition, region, accountId } = args.context;
        const scope: BoundaryScope = {
            accountId,
            partition,
            region,
            policyName: names.resource("permissions-boundary"),
            namePrefix: names.prefix,
            services: args.services,
        };
        this.arn = boundaryArn(partition, accountId, scope.policyName);
        this.document = pulumi.output(JSON.stringify(boundaryDocument(scope)));
        this.policy = new aws.iam.Policy(
            name,
            {
                name: scope.policyName,
                path: "/",
                description: "Permissions boundary of every role of this stack: its services, no escalation, one region.",
                policy: this.document,
            },
            { parent: this },
        );

        this.registerOutputs({ arn: this.arn, document: this.document });
    }
}

const roleType = "aws:iam/role:Role";

/** Adds `dependency` to a resource's `dependsOn`, in whichever form the option was given. */
function withDependency(existing: pulumi.ResourceOptions["dependsOn"], dependency: pulumi.Resource): pulumi.ResourceOptions["dependsOn"] {
    if (existing === undefined) return [dependency];
    if (pulumi.Resource.isInstance(existing)) return [existing, dependency];
    if (Array.isArray(existing)) return [...(existing as pulumi.Input<pulumi.Resource>[]), dependency];
    const pending = existing as pulumi.Input<pulumi.Input<pulumi.Resource>[] | pulumi.Resource>;
    return pulumi.output(pending).apply((resolved) => [...(Array.isArray(resolved) ? resolved : [resolved]), dependency]);
}

/**
 * A stack transform that gives every IAM role of the stack, including those packaged
 * components create, the permissions boundary, and makes the role depend on the boundary
 * policy so a first deploy creates the policy before any role names it. A role that sets a
 * different boundary stops the program: silently replacing it would hide that a component
 * wanted other limits, and keeping it would leave a role outside this stack's boundary.
 */
export function permissionsBoundaryTransform(arn: string, policy: pulumi.Resource): pulumi.ResourceTransform {
    const check = (name: string, value: unknown): string => {
        if (value !== undefined && value !== null && value !== "" && value !== arn) {
            throw new Error(`role ${name} sets the permissions boundary ${String(value)}; every role of this stack must carry ${arn}`);
        }
        return arn;
    };
    return (args) => {
        if (args.type !== roleType) return undefined;
        const current = args.props["permissionsBoundary"];
        const permissionsBoundary = pulumi.Output.isInstance(current)
            ? current.apply((value) => check(args.name, value))
            : check(args.name, current);
        return {
            props: { ...args.props, permissionsBoundary },
            opts: { ...args.opts, dependsOn: withDependency(args.opts.dependsOn, policy) },
        };
    };
}
