import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../../lib/stack-context";
import { deployPolicyDocuments, readOnlyPolicyDocument, trustedServices, type ConditionalRead, type DeployFeature } from "./deploy-policy";
import { deployPolicyParts, type DeployPolicyPart, type DeployScopeContext } from "./deploy-scopes";

export interface DeployerAccessArgs {
    /** The deploy policy is scoped by the stack's names, tags, account and region. */
    readonly context: StackContext;
    /** The role the pipeline's deploy stage runs `pulumi up` with. */
    readonly deployRoleName: pulumi.Input<string>;
    /** The role the test, policy and preview stages run with. */
    readonly readOnlyRoleName: pulumi.Input<string>;
    /** ARN of the permissions boundary every role of the stack carries. */
    readonly boundaryArn: string;
    /** The bucket the stack uploads Glue scripts and libraries to. */
    readonly assetBucket: pulumi.Input<string>;
    /** Roles the stack hands to services (Glue jobs, EventBridge targets, flow logs); each only to the services its trust policy names. */
    readonly passRoles: readonly aws.iam.Role[];
    /** The CodeConnections connection the pipeline's source uses; the deployer passes it to CodePipeline. */
    readonly connectionArn: string;
    /** Optional features the stack has configured; their resource types' actions are granted only with them. */
    readonly features: readonly DeployFeature[];
    /** The provider functions the program calls only under this stack's configuration (see `ConditionalRead`). */
    readonly conditionalReads: readonly ConditionalRead[];
}

/**
 * What the delivery pipeline may do to this stack. The deploy role gets the actions of every
 * resource type the stack plans, on this stack's names or tags, may create and change roles
 * only with the permissions boundary, and passes only this stack's roles to the services that
 * trust them. The read-only role gets what a preview reads. The CodeBuild basics of both roles
 * (logs, artifacts, the backend secret) belong to the pipeline component.
 */
export class DeployerAccess extends pulumi.ComponentResource {
    /** The deploy role's policy documents, by part. */
    readonly deployPolicies: Readonly<Record<DeployPolicyPart, pulumi.Output<string>>>;
    readonly readOnlyPolicy: pulumi.Output<string>;

    constructor(name: string, args: DeployerAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:cicd:DeployerAccess", name, {}, opts);

        const { names, partition, region, accountId, tags, protection } = args.context;
        const passRoles = pulumi.all(
            args.passRoles.map((role) =>
                pulumi.all([role.arn, role.assumeRolePolicy]).apply(([arn, trust]) => ({ arn, services: trustedServices(trust) })),
            ),
        );
        const context = pulumi.all([args.assetBucket, passRoles]).apply(([assetBucket, roles]): DeployScopeContext => ({
            partition,
            region,
            accountId,
            namePrefix: names.prefix,
            catalogPrefix: names.catalogPrefix,
            logGroupPrefix: names.logGroupPrefix,
            // Redshift names the audit log groups the stack creates for it after the namespace.
            serviceLogGroupPatterns: [names.serviceLogGroupPatterns.warehouseAudit],
            tags: { project: tags.project, environment: tags.environment },
            boundaryArn: args.boundaryArn,
            assetBucket,
            // Buckets are created with forceDestroy where data is not retained: deleting them deletes their objects.
            emptiesBucketsOnDelete: !protection.retainOnDelete,
            passRoles: roles,
            connectionArn: args.connectionArn,
            features: args.features,
            conditionalReads: args.conditionalReads,
        }));
        const documents = context.apply(deployPolicyDocuments);
        this.deployPolicies = Object.fromEntries(
            deployPolicyParts.map((part) => [part, documents.apply((byPart) => JSON.stringify(byPart[part]))]),
        ) as Record<DeployPolicyPart, pulumi.Output<string>>;
        for (const part of deployPolicyParts) {
            const policy = new aws.iam.Policy(
                `${name}-deploy-${part}`,
                {
                    name: names.resource(`deploy-${part}`),
                    path: "/",
                    description: `What the delivery pipeline's deploy stage may do to this stack: ${part}.`,
                    policy: this.deployPolicies[part],
                },
                { parent: this },
            );
            new aws.iam.RolePolicyAttachment(
                `${name}-deploy-${part}`,
                { role: args.deployRoleName, policyArn: policy.arn },
                { parent: this },
            );
        }

        this.readOnlyPolicy = context.apply((c) => JSON.stringify(readOnlyPolicyDocument(c)));
        new aws.iam.RolePolicy(
            `${name}-read-only`,
            { role: args.readOnlyRoleName, name: "preview-this-stack", policy: this.readOnlyPolicy },
            { parent: this },
        );

        this.registerOutputs({ deployPolicies: this.deployPolicies, readOnlyPolicy: this.readOnlyPolicy });
    }
}
