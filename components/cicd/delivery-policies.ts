/**
 * IAM documents of the delivery pipeline's own roles: what CodePipeline and CodeBuild need to
 * run the pipeline, nothing about the stack's resources (the deployer-access work attaches those).
 * Pure functions so the documents can be tested without a stack.
 */
import type { PolicyDocument, PolicyStatement } from "../../lib/iam/documents";

/**
 * Where CodePipeline keeps the artifacts of a pipeline: under a prefix made of the pipeline
 * name cut to 20 characters. The trailing `*` also covers the name when it is shorter.
 */
export function pipelineArtifactObjects(bucketArn: string, pipelineName: string): string {
    return `${bucketArn}/${pipelineName.slice(0, 20)}*`;
}

/**
 * The IAM action that lets a principal use a CodeConnections connection. The service prefix
 * must match the one in the connection's ARN (connections created before mid-2024 carry
 * `codestar-connections`, newer ones `codeconnections`).
 */
export function useConnectionAction(connectionArn: string): string {
    const service = connectionArn.split(":")[2];
    if (service !== "codestar-connections" && service !== "codeconnections") {
        throw new Error(`${connectionArn} is not a CodeConnections connection ARN`);
    }
    return `${service}:UseConnection`;
}

/** Objects of the artifacts bucket, and the bucket-level reads the service makes before using them. */
const artifactBucketStatements = (bucketArn: string, objects: string[], bucketActions: string[]): PolicyStatement[] => [
    {
        Sid: "ReadAndWritePipelineArtifacts",
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
        Resource: objects,
    },
    {
        Sid: "InspectArtifactBucket",
        Effect: "Allow",
        Action: bucketActions,
        Resource: bucketArn,
    },
];

/** The delivery key encrypts artifacts, the build cache and the notification topic. */
const deliveryKeyStatement = (deliveryKeyArn: string): PolicyStatement => ({
    Sid: "UseDeliveryKey",
    Effect: "Allow",
    Action: ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"],
    Resource: deliveryKeyArn,
});

export interface PipelineRoleAccess {
    readonly connectionArn: string;
    readonly artifactsBucketArn: string;
    readonly pipelineName: string;
    readonly deliveryKeyArn: string;
    readonly projectArns: readonly string[];
    readonly topicArn: string;
}

/** CodePipeline's service role: the one connection, its artifacts, its build projects, its topic. */
export function pipelineRolePolicy(access: PipelineRoleAccess): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "UseTheRepositoryConnection",
                Effect: "Allow",
                Action: [useConnectionAction(access.connectionArn)],
                Resource: access.connectionArn,
            },
            ...artifactBucketStatements(
                access.artifactsBucketArn,
                [pipelineArtifactObjects(access.artifactsBucketArn, access.pipelineName)],
                ["s3:GetBucketLocation", "s3:GetBucketVersioning"],
            ),
            deliveryKeyStatement(access.deliveryKeyArn),
            {
                Sid: "RunThisPipelinesBuilds",
                Effect: "Allow",
                Action: ["codebuild:BatchGetBuilds", "codebuild:StartBuild", "codebuild:StopBuild"],
                Resource: [...access.projectArns],
            },
            {
                Sid: "AnnouncePendingApprovals",
                Effect: "Allow",
                Action: ["sns:Publish"],
                Resource: access.topicArn,
            },
        ],
    };
}

export interface BuildRoleAccess {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    /** Log groups of the projects this role runs. */
    readonly logGroupNames: readonly string[];
    readonly artifactsBucketArn: string;
    readonly pipelineName: string;
    /** S3 cache locations (`cache/<stage>`) of the projects this role runs; CodeBuild keeps the cache below them. */
    readonly cachePrefixes: readonly string[];
    readonly deliveryKeyArn: string;
    readonly pulumiBackendSecretArn: string;
    readonly secretsKeyArn: string;
}

/**
 * What CodeBuild needs to run a stage: its own log groups, the pipeline's artifacts and its
 * cache prefixes, the delivery key, and the Pulumi backend login (read by CodeBuild into the
 * environment, decrypted only through Secrets Manager).
 */
export function buildRolePolicy(access: BuildRoleAccess): PolicyDocument {
    const { partition, region, accountId } = access;
    const logGroupArns = access.logGroupNames.flatMap((group) => {
        // Both actions act on log streams, which `:*` after the group names.
        return [`arn:${partition}:logs:${region}:${accountId}:log-group:${group}:*`];
    });
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "WriteOwnBuildLogs",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: logGroupArns,
            },
            ...artifactBucketStatements(
                access.artifactsBucketArn,
                [
                    pipelineArtifactObjects(access.artifactsBucketArn, access.pipelineName),
                    ...access.cachePrefixes.map((prefix) => `${access.artifactsBucketArn}/${prefix}*`),
                ],
                ["s3:GetBucketAcl", "s3:GetBucketLocation"],
            ),
            deliveryKeyStatement(access.deliveryKeyArn),
            {
                Sid: "ReadPulumiBackendLogin",
                Effect: "Allow",
                Action: ["secretsmanager:GetSecretValue"],
                Resource: access.pulumiBackendSecretArn,
            },
            {
                Sid: "DecryptPulumiBackendLoginThroughSecretsManager",
                Effect: "Allow",
                Action: ["kms:Decrypt"],
                Resource: access.secretsKeyArn,
                Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${region}.amazonaws.com` } },
            },
        ],
    };
}
