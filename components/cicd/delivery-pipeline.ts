import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PlatformConfig } from "../../config";
import { tlsOnlyTopicPolicy } from "../observability/topic-policy";
import { pulumiBackendSecretKeys } from "../secrets/platform-secrets";
import { SecureBucket } from "../storage/secure-bucket";
import { buildImage, buildStages, buildStageSpecs, type BuildRoleKind, type BuildStage } from "./build-stages";
import { serviceTrustPolicy, type TrustedService } from "../../lib/iam/documents";
import { buildRolePolicy, pipelineRolePolicy } from "./delivery-policies";
import type { StackContext } from "../../lib/stack-context";

/** Purpose in the artifacts bucket's name; the access-log bucket admits its logs by that name. */
export const deliveryArtifactsBucketPurpose = "pipeline-artifacts";

/** Events the notification topic hears about: failures, and a prod deploy waiting for a person. */
export const pipelineNotificationEvents = [
    "codepipeline-pipeline-pipeline-execution-failed",
    "codepipeline-pipeline-action-execution-failed",
    "codepipeline-pipeline-manual-approval-needed",
] as const;

export type DeliveryConfig = NonNullable<PlatformConfig["delivery"]>;

export interface DeliveryPipelineArgs {
    /** Where the stack deploys, how it names things and protects its data. */
    readonly context: StackContext;
    readonly delivery: DeliveryConfig;
    /** Encrypts artifacts, the build cache and the notification topic. */
    readonly deliveryKey: aws.kms.Key;
    /** Encrypts the build log groups (named under the stack's log group prefix). */
    readonly logsKey: aws.kms.Key;
    /** The key of the Pulumi backend secret; the builds decrypt with it through Secrets Manager only. */
    readonly secretsKey: aws.kms.Key;
    /** Holds the Pulumi backend login under the JSON keys of `pulumiBackendSecretKeys`. */
    readonly pulumiBackendSecret: aws.secretsmanager.Secret;
    /** Receives the artifacts bucket's server access logs; it must admit the bucket by name. */
    readonly accessLogBucket: SecureBucket;
    readonly noncurrentVersionExpirationDays: number;
}

const sourceArtifact = "SourceCode";
const sourceActionName = "Source";

/**
 * The pipeline that delivers this stack: a CodeConnections source, then CodeBuild stages that
 * test, check policy offline and preview, a manual approval in prod, and the deploy. Each stage
 * runs a buildspec from `buildspecs/` with the commands a developer runs.
 *
 * Executions are QUEUED: one runs end to end before the next starts, so the preview a person
 * approves is the change the deploy applies, against the state it was computed from. SUPERSEDED
 * would let a newer execution preview while an older one waits for approval or deploys.
 *
 * Roles: the pipeline's own, a read-only build role for test, policy and preview, and a deploy
 * build role; each here holds only what CodePipeline or CodeBuild need to run. Access to the
 * stack's resources is attached to the build roles elsewhere (deployer access).
 */
export class DeliveryPipeline extends pulumi.ComponentResource {
    readonly pipeline: aws.codepipeline.Pipeline;
    readonly pipelineRole: aws.iam.Role;
    readonly readOnlyBuildRole: aws.iam.Role;
    readonly deployBuildRole: aws.iam.Role;
    readonly projects: Readonly<Record<BuildStage, aws.codebuild.Project>>;
    readonly artifactsBucket: SecureBucket;
    readonly topic: aws.sns.Topic;

    constructor(name: string, args: DeliveryPipelineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:cicd:DeliveryPipeline", name, {}, opts);
        const { accountId, partition, region, names } = args.context;
        const { logRetentionDays } = args.context.protection;

        const { delivery } = args;
        const child: pulumi.CustomResourceOptions = { parent: this };
        const requiresApproval = args.context.environment === "prod";

        const pipelineName = names.resource("delivery", 100);
        const projectName = (stage: BuildStage): string => names.resource(`build-${stage}`, 255);
        const projectArn = (stage: BuildStage): string => `arn:${partition}:codebuild:${region}:${accountId}:project/${projectName(stage)}`;
        const logGroupName = (stage: BuildStage): string => names.logGroup(`codebuild-${stage}`);
        const cachePrefix = (stage: BuildStage): string => `cache/${stage}`;
        const stagesOf = (role: BuildRoleKind): BuildStage[] => buildStages.filter((stage) => buildStageSpecs[stage].role === role);

        const bucketName = names.bucket(deliveryArtifactsBucketPurpose);
        const bucketArn = `arn:${partition}:s3:::${bucketName}`;
        this.artifactsBucket = new SecureBucket(
            `${name}-artifacts`,
            {
                purpose: "data",
                bucketName,
                kmsKey: args.deliveryKey,
                accessLogBucket: args.accessLogBucket,
                context: args.context,
                lifecycle: {
                    transitionToIaDays: 0,
                    transitionToGlacierDays: 0,
                    expirationDays: delivery.artifactExpirationDays,
                    noncurrentVersionExpirationDays: args.noncurrentVersionExpirationDays,
                },
            },
            { parent: this },
        );

        // Failures and pending approvals; CodeStar Notifications publishes for this account only.
        this.topic = new aws.sns.Topic(
            `${name}-notifications`,
            { name: names.resource("delivery-notifications", 256), kmsMasterKeyId: args.deliveryKey.arn },
            child,
        );
        const topicPolicy = new aws.sns.TopicPolicy(
            `${name}-notifications`,
            {
                arn: this.topic.arn,
                policy: this.topic.arn.apply((topicArn) =>
                    tlsOnlyTopicPolicy(topicArn, {
                        sid: "PipelineNotificationsOfThisAccountPublish",
                        services: ["codestar-notifications.amazonaws.com"],
                        accountId,
                    }),
                ),
            },
            child,
        );
        delivery.notificationEmails.forEach(
            (email, index) =>
                new aws.sns.TopicSubscription(
                    `${name}-notifications-email-${index}`,
                    { topic: this.topic.arn, protocol: "email", endpoint: email },
                    child,
                ),
        );

        const role = (purpose: string, service: TrustedService, description: string): aws.iam.Role =>
            new aws.iam.Role(
                `${name}-${purpose}`,
                {
                    name: names.resource(purpose),
                    description,
                    assumeRolePolicy: JSON.stringify(serviceTrustPolicy(service, args.context)),
                    maxSessionDuration: 3600,
                },
                child,
            );
        this.pipelineRole = role("delivery-pipeline", "codepipeline.amazonaws.com", `Runs the ${pipelineName} pipeline.`);
        this.readOnlyBuildRole = role(
            "build-read-only",
            "codebuild.amazonaws.com",
            "Runs the test, policy and preview builds of the delivery pipeline; reads the stack, never changes it.",
        );
        this.deployBuildRole = role("build-deploy", "codebuild.amazonaws.com", "Runs the deploy build of the delivery pipeline.");
        const buildRoles: Record<BuildRoleKind, aws.iam.Role> = { "read-only": this.readOnlyBuildRole, deploy: this.deployBuildRole };

        const buildRolePolicies = Object.fromEntries(
            (Object.keys(buildRoles) as BuildRoleKind[]).map((kind) => [
                kind,
                new aws.iam.RolePolicy(
                    `${name}-build-${kind}`,
                    {
                        role: buildRoles[kind].name,
                        name: "run-delivery-builds",
                        policy: pulumi
                            .all([args.deliveryKey.arn, args.secretsKey.arn, args.pulumiBackendSecret.arn])
                            .apply(([deliveryKeyArn, secretsKeyArn, pulumiBackendSecretArn]) =>
                                JSON.stringify(
                                    buildRolePolicy({
                                        partition,
                                        region,
                                        accountId,
                                        logGroupNames: stagesOf(kind).map(logGroupName),
                                        artifactsBucketArn: bucketArn,
                                        pipelineName,
                                        cachePrefixes: stagesOf(kind).map(cachePrefix),
                                        deliveryKeyArn,
                                        pulumiBackendSecretArn,
                                        secretsKeyArn,
                                    }),
                                ),
                            ),
                    },
                    child,
                ),
            ]),
        ) as Record<BuildRoleKind, aws.iam.RolePolicy>;

        const backendVariables = pulumiBackendSecretKeys[delivery.pulumiBackend].map((key) => ({
            name: key,
            type: "SECRETS_MANAGER",
            value: pulumi.interpolate`${args.pulumiBackendSecret.arn}:${key}`,
        }));

        const defineProject = (stage: BuildStage): aws.codebuild.Project => {
            const spec = buildStageSpecs[stage];
            const logGroup = new aws.cloudwatch.LogGroup(
                `${name}-${stage}`,
                { name: logGroupName(stage), kmsKeyId: args.logsKey.arn, retentionInDays: logRetentionDays },
                child,
            );
            return new aws.codebuild.Project(
                `${name}-${stage}`,
                {
                    name: projectName(stage),
                    description: spec.description,
                    serviceRole: buildRoles[spec.role].arn,
                    source: { type: "CODEPIPELINE", buildspec: spec.buildspec },
                    artifacts: { type: "CODEPIPELINE", encryptionDisabled: false },
                    encryptionKey: args.deliveryKey.arn,
                    environment: {
                        type: "LINUX_CONTAINER",
                        computeType: spec.computeType,
                        image: buildImage,
                        imagePullCredentialsType: "CODEBUILD",
                        privilegedMode: false,
                        environmentVariables: [
                            { name: "STACK", type: "PLAINTEXT", value: args.context.stack },
                            ...(spec.pulumiLogin ? backendVariables : []),
                        ],
                    },
                    cache: { type: "S3", location: `${bucketName}/${cachePrefix(stage)}` },
                    logsConfig: {
                        cloudwatchLogs: { status: "ENABLED", groupName: logGroup.name },
                        s3Logs: { status: "DISABLED" },
                    },
                    buildTimeout: spec.buildTimeoutMinutes,
                    queuedTimeout: spec.queuedTimeoutMinutes,
                    ...(spec.concurrentBuildLimit === undefined ? {} : { concurrentBuildLimit: spec.concurrentBuildLimit }),
                },
                { parent: this, dependsOn: [buildRolePolicies[spec.role]] },
            );
        };
        this.projects = Object.fromEntries(buildStages.map((stage) => [stage, defineProject(stage)])) as Record<
            BuildStage,
            aws.codebuild.Project
        >;

        const pipelinePolicy = new aws.iam.RolePolicy(
            `${name}-delivery-pipeline`,
            {
                role: this.pipelineRole.name,
                name: "run-delivery-pipeline",
                policy: pulumi.all([args.deliveryKey.arn, this.topic.arn]).apply(([deliveryKeyArn, topicArn]) =>
                    JSON.stringify(
                        pipelineRolePolicy({
                            connectionArn: delivery.connectionArn,
                            artifactsBucketArn: bucketArn,
                            pipelineName,
                            deliveryKeyArn,
                            projectArns: buildStages.map(projectArn),
                            topicArn,
                        }),
                    ),
                ),
            },
            child,
        );

        const buildAction = (stage: BuildStage, actionName: string): aws.types.input.codepipeline.PipelineStageAction => {
            const spec = buildStageSpecs[stage];
            return {
                name: actionName,
                category: spec.category,
                owner: "AWS",
                provider: "CodeBuild",
                version: "1",
                inputArtifacts: [sourceArtifact],
                outputArtifacts: spec.outputArtifact ? [spec.outputArtifact] : [],
                configuration: { ProjectName: this.projects[stage].name },
            };
        };
        const previewLogs =
            `https://${region}.console.aws.amazon.com/codesuite/codebuild/${accountId}/projects/` +
            `${projectName("preview")}/history?region=${region}`;
        const approval: aws.types.input.codepipeline.PipelineStage = {
            name: "Approval",
            actions: [
                {
                    name: "ApproveDeploy",
                    category: "Approval",
                    owner: "AWS",
                    provider: "Manual",
                    version: "1",
                    configuration: {
                        NotificationArn: this.topic.arn,
                        ExternalEntityLink: previewLogs,
                        CustomData:
                            `Deploy commit #{SourceVariables.CommitId} to the ${args.context.stack} stack? Approve only after reading ` +
                            "the pulumi preview of this execution (#{codepipeline.PipelineExecutionId}): the Preview build log " +
                            "behind the link, or preview.txt in its PreviewOutput artifact.",
                    },
                },
            ],
        };

        this.pipeline = new aws.codepipeline.Pipeline(
            `${name}-pipeline`,
            {
                name: pipelineName,
                pipelineType: "V2",
                executionMode: "QUEUED",
                roleArn: this.pipelineRole.arn,
                artifactStores: [
                    { type: "S3", location: this.artifactsBucket.name, encryptionKey: { type: "KMS", id: args.deliveryKey.arn } },
                ],
                stages: [
                    {
                        name: "Source",
                        actions: [
                            {
                                name: sourceActionName,
                                category: "Source",
                                owner: "AWS",
                                provider: "CodeStarSourceConnection",
                                version: "1",
                                namespace: "SourceVariables",
                                outputArtifacts: [sourceArtifact],
                                configuration: {
                                    ConnectionArn: delivery.connectionArn,
                                    FullRepositoryId: delivery.repository,
                                    BranchName: delivery.branch,
                                    // The zip is stored encrypted in the artifacts bucket, so every stage builds the
                                    // same bytes and the builds need no access to the connection.
                                    OutputArtifactFormat: "CODE_ZIP",
                                    // The trigger below starts the pipeline; change detection would start it twice.
                                    DetectChanges: "false",
                                },
                            },
                        ],
                    },
                    { name: "Test", actions: [buildAction("test", "Test")] },
                    { name: "Policy", actions: [buildAction("policy", "PolicyCheck")] },
                    { name: "Preview", actions: [buildAction("preview", "Preview")] },
                    ...(requiresApproval ? [approval] : []),
                    { name: "Deploy", actions: [buildAction("deploy", "Deploy")] },
                ],
                triggers: [
                    {
                        providerType: "CodeStarSourceConnection",
                        gitConfiguration: {
                            sourceActionName,
                            pushes: [
                                delivery.releaseTagPattern === ""
                                    ? { branches: { includes: [delivery.branch] } }
                                    : { tags: { includes: [delivery.releaseTagPattern] } },
                            ],
                        },
                    },
                ],
            },
            { parent: this, dependsOn: [pipelinePolicy] },
        );

        new aws.codestarnotifications.NotificationRule(
            `${name}-notifications`,
            {
                name: names.resource("delivery-notifications"),
                resource: this.pipeline.arn,
                detailType: "FULL",
                eventTypeIds: [...pipelineNotificationEvents],
                targets: [{ type: "SNS", address: this.topic.arn }],
                status: "ENABLED",
            },
            // CodeStar Notifications checks on creation that the topic policy lets it publish.
            { parent: this, dependsOn: [topicPolicy] },
        );

        this.registerOutputs({
            pipelineName: this.pipeline.name,
            artifactsBucket: this.artifactsBucket.name,
            topicArn: this.topic.arn,
            readOnlyBuildRoleArn: this.readOnlyBuildRole.arn,
            deployBuildRoleArn: this.deployBuildRole.arn,
        });
    }
}
