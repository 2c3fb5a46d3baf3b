/**
 * The CodeBuild stages of the delivery pipeline, in pipeline order. Each runs one buildspec from
 * `buildspecs/`, whose build commands are the ones README "Delivery pipeline" shows (a test
 * compares them).
 */

/**
 * AWS-managed Amazon Linux 2023 image, pinned to its major version: it carries Node.js 20,
 * Python 3.11 and Corretto 17, which each buildspec selects in `install.runtime-versions`.
 */
export const buildImage = "aws/codebuild/amazonlinux-x86_64-standard:5.0";

export const buildStages = ["test", "policy", "preview", "deploy"] as const;
export type BuildStage = (typeof buildStages)[number];

/** Which build role runs a stage: only deploy may change the stack, the others read it. */
export type BuildRoleKind = "read-only" | "deploy";

export interface BuildStageSpec {
    /** Path of the buildspec relative to the repository root. */
    readonly buildspec: string;
    readonly description: string;
    readonly role: BuildRoleKind;
    /** CodePipeline action category; CodeBuild offers Build and Test. */
    readonly category: "Build" | "Test";
    readonly computeType: "BUILD_GENERAL1_SMALL" | "BUILD_GENERAL1_MEDIUM";
    /** Minutes a build may run (CodeBuild allows 5-2160). */
    readonly buildTimeoutMinutes: number;
    /** Minutes a build may wait for capacity (CodeBuild allows 5-480). */
    readonly queuedTimeoutMinutes: number;
    /** Concurrent builds of the project; undefined leaves the account limit. */
    readonly concurrentBuildLimit?: number;
    /** Whether the build logs in to the Pulumi backend (secrets from Secrets Manager). */
    readonly pulumiLogin: boolean;
    /** Name of the pipeline artifact holding the stage's report, when it keeps one. */
    readonly outputArtifact?: string;
}

export const buildStageSpecs: Readonly<Record<BuildStage, BuildStageSpec>> = {
    test: {
        buildspec: "buildspecs/test.yml",
        description: "Runs every test of the repository (bash .ci/run: npm ci, npm test).",
        role: "read-only",
        category: "Test",
        // Local Spark for the Glue suite needs more than the 3 GB of SMALL.
        computeType: "BUILD_GENERAL1_MEDIUM",
        buildTimeoutMinutes: 60,
        queuedTimeoutMinutes: 30,
        pulumiLogin: false,
    },
    policy: {
        buildspec: "buildspecs/policy.yml",
        description: "Evaluates the stack offline under the policy pack and keeps the Markdown report.",
        role: "read-only",
        category: "Test",
        computeType: "BUILD_GENERAL1_SMALL",
        buildTimeoutMinutes: 15,
        queuedTimeoutMinutes: 30,
        pulumiLogin: false,
        outputArtifact: "PolicyReport",
    },
    preview: {
        buildspec: "buildspecs/preview.yml",
        description: "Runs pulumi preview with the policy pack against AWS and keeps its output.",
        role: "read-only",
        category: "Build",
        computeType: "BUILD_GENERAL1_SMALL",
        buildTimeoutMinutes: 30,
        queuedTimeoutMinutes: 30,
        pulumiLogin: true,
        outputArtifact: "PreviewOutput",
    },
    deploy: {
        buildspec: "buildspecs/deploy.yml",
        description: "Runs pulumi up with the policy pack.",
        role: "deploy",
        category: "Build",
        computeType: "BUILD_GENERAL1_SMALL",
        // Redshift Serverless and NAT gateways take long to create on a first deploy.
        buildTimeoutMinutes: 120,
        queuedTimeoutMinutes: 30,
        // Two updates of one stack would fight over its state lock.
        concurrentBuildLimit: 1,
        pulumiLogin: true,
    },
};
