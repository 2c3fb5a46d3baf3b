import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { buildImage, buildStages, buildStageSpecs, type BuildStage } from "../../components/cicd/build-stages";
import { pipelineArtifactObjects, useConnectionAction } from "../../components/cicd/delivery-policies";
import { pipelineNotificationEvents } from "../../components/cicd/delivery-pipeline";
import type { PlannedResource } from "../../harness/evaluate";
import { loadPolicyConfig, runPolicies } from "../../policies/offline";
import { toStackExport } from "../../tools/check/stack-export";
import { minimalDevStackConfig, ofType, planOf, planOfStackFile, settingsOf } from "./plans";

const repoRoot = path.join(__dirname, "..", "..");
const connectionArn = "arn:aws:codeconnections:eu-west-1:111111111111:connection/0b7e7c4e-5f0a-4c1e-9d2a-3c6f1e2d4a5b";

interface Statement {
    Sid?: string;
    Effect: string;
    Principal?: unknown;
    Action: string | string[];
    Resource?: string | string[];
    Condition?: Record<string, Record<string, string | string[]>>;
}
interface Action {
    name: string;
    category: string;
    provider: string;
    configuration?: Record<string, string>;
    inputArtifacts?: string[];
    outputArtifacts?: string[];
    namespace?: string;
}
interface Stage {
    name: string;
    actions: Action[];
}
interface EnvironmentVariable {
    name: string;
    type: string;
    value: string;
}
interface Buildspec {
    version: number;
    env?: { shell?: string; variables?: Record<string, string> };
    phases: Record<string, { "runtime-versions"?: Record<string, string | number>; commands?: string[] }>;
    artifacts?: { files: string[] };
    cache?: { paths: string[] };
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const statementsOf = (document: unknown): Statement[] => (JSON.parse(document as string) as { Statement: Statement[] }).Statement;
const buildspec = (stage: BuildStage): Buildspec =>
    parse(fs.readFileSync(path.join(repoRoot, buildStageSpecs[stage].buildspec), "utf8")) as Buildspec;

/** The command lines of each `# buildspecs/<stage>.yml` block in README "Delivery pipeline". */
function readmeStageCommands(): Map<string, string[]> {
    const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const start = readme.indexOf("\n## Delivery pipeline\n");
    assert.ok(start >= 0, "README has a Delivery pipeline section");
    const end = readme.indexOf("\n## ", start + 1);
    const section = readme.slice(start, end < 0 ? undefined : end);
    const blocks = new Map<string, string[]>();
    for (const match of section.matchAll(/```sh\n# (buildspecs\/[a-z]+\.yml)\n([\s\S]*?)```/g)) {
        blocks.set(
            match[1],
            match[2]
                .split("\n")
                .map((line) => line.trim())
                .filter((line) => line !== ""),
        );
    }
    return blocks;
}

const stacks = [
    {
        stack: "dev",
        approval: false,
        push: { branches: { includes: ["main"] } },
        retention: 14,
        expiration: 30,
        emails: 0,
        retained: false,
    },
    {
        stack: "prod",
        approval: true,
        push: { tags: { includes: ["release-*"] } },
        retention: 365,
        expiration: 180,
        emails: 1,
        retained: true,
    },
] as const;

for (const { stack, approval, push, retention, expiration, emails, retained } of stacks) {
    describe(`delivery pipeline of the ${stack} stack`, () => {
        const resources = () => planOf(stack).resources;
        const prefix = `lakehouse-${stack}-delivery`;
        const one = (type: string, name: string): PlannedResource => {
            const found = ofType(resources(), type).find((resource) => resource.name === name);
            assert.ok(found, `${type} ${name} is planned`);
            return found;
        };
        const keyArn = (suffix: string) => ofType(resources(), "aws:kms/key:Key").find((key) => key.name.endsWith(suffix))?.outputs["arn"];
        const pipeline = () => one("aws:codepipeline/pipeline:Pipeline", `${prefix}-pipeline`);
        const stages = () => pipeline().inputs["stages"] as Stage[];
        const project = (stage: BuildStage) => one("aws:codebuild/project:Project", `${prefix}-${stage}`);
        const artifactsBucket = () => one("aws:s3/bucket:Bucket", `${prefix}-artifacts`);
        const bucketName = () => artifactsBucket().outputs["bucket"] as string;
        const pipelineArtifacts = () => pipelineArtifactObjects(`arn:aws:s3:::${bucketName()}`, pipeline().inputs["name"] as string);
        const topic = () => one("aws:sns/topic:Topic", `${prefix}-notifications`);
        const role = (purpose: string) => one("aws:iam/role:Role", `${prefix}-${purpose}`);
        const rolePolicy = (purpose: string) => statementsOf(one("aws:iam/rolePolicy:RolePolicy", `${prefix}-${purpose}`).inputs["policy"]);
        const backendSecretArn = () =>
            ofType(resources(), "aws:secretsmanager/secret:Secret").find((secret) => secret.name.endsWith("-pulumi-backend"))?.outputs[
                "arn"
            ];

        it(`is a V2 pipeline with queued executions and the stages in order${approval ? ", approval before deploy" : ", no approval"}`, () => {
            assert.equal(pipeline().inputs["pipelineType"], "V2");
            assert.equal(pipeline().inputs["executionMode"], "QUEUED");
            assert.deepEqual(
                stages().map((stage) => stage.name),
                ["Source", "Test", "Policy", "Preview", ...(approval ? ["Approval"] : []), "Deploy"],
            );
        });

        it("takes the configured repository through the connection as a zip, started by the trigger only", () => {
            const [source] = stages()[0].actions;
            assert.equal(source.provider, "CodeStarSourceConnection");
            assert.deepEqual(source.configuration, {
                ConnectionArn: connectionArn,
                FullRepositoryId: "example-org/lakehouse-platform",
                BranchName: "main",
                OutputArtifactFormat: "CODE_ZIP",
                DetectChanges: "false",
            });
        });

        it(`starts on ${approval ? "pushed release-* tags" : "pushes to main"}`, () => {
            assert.deepEqual(pipeline().inputs["triggers"], [
                { providerType: "CodeStarSourceConnection", gitConfiguration: { sourceActionName: "Source", pushes: [push] } },
            ]);
        });

        it("runs each build stage's project on the source, keeping the policy report and the preview output", () => {
            const actions = stages()
                .filter((stage) => !["Source", "Approval"].includes(stage.name))
                .map((stage) => stage.actions[0]);
            assert.deepEqual(
                actions.map((action) => [
                    action.provider,
                    action.configuration?.["ProjectName"],
                    action.inputArtifacts,
                    action.outputArtifacts,
                ]),
                buildStages.map((stage) => [
                    "CodeBuild",
                    project(stage).inputs["name"],
                    ["SourceCode"],
                    stage === "policy" ? ["PolicyReport"] : stage === "preview" ? ["PreviewOutput"] : [],
                ]),
            );
        });

        if (approval) {
            it("the approval notifies the pipeline topic and links to the preview's build logs", () => {
                const [approve] = stages().find((stage) => stage.name === "Approval")?.actions ?? [];
                assert.equal(approve.provider, "Manual");
                assert.equal(approve.configuration?.["NotificationArn"], topic().outputs["arn"]);
                assert.equal(
                    approve.configuration?.["ExternalEntityLink"],
                    `https://eu-west-1.console.aws.amazon.com/codesuite/codebuild/111111111111/projects/${project("preview").inputs["name"]}/history?region=eu-west-1`,
                );
                assert.match(approve.configuration?.["CustomData"] ?? "", /preview/);
                assert.match(approve.configuration?.["CustomData"] ?? "", /#\{SourceVariables\.CommitId\}/);
                assert.equal(stages()[0].actions[0].namespace, "SourceVariables");
            });
        }

        it("stores artifacts in the artifacts bucket encrypted with the delivery key", () => {
            assert.deepEqual(pipeline().inputs["artifactStores"], [
                { type: "S3", location: bucketName(), encryptionKey: { type: "KMS", id: keyArn("-delivery") } },
            ]);
        });

        it("every build project encrypts with the delivery key, runs unprivileged on the pinned managed image", () => {
            for (const stage of buildStages) {
                const inputs = project(stage).inputs;
                const environment = inputs["environment"] as Record<string, unknown>;
                assert.equal(inputs["encryptionKey"], keyArn("-delivery"), stage);
                assert.deepEqual(inputs["artifacts"], { type: "CODEPIPELINE", encryptionDisabled: false }, stage);
                assert.equal(environment["privilegedMode"], false, stage);
                assert.equal(environment["image"], "aws/codebuild/amazonlinux-x86_64-standard:5.0", stage);
                assert.equal(environment["imagePullCredentialsType"], "CODEBUILD", stage);
            }
        });

        it("every build project has pinned build and queue timeouts; deploy runs one build at a time", () => {
            assert.deepEqual(
                buildStages.map((stage) => [
                    project(stage).inputs["buildTimeout"],
                    project(stage).inputs["queuedTimeout"],
                    project(stage).inputs["concurrentBuildLimit"],
                ]),
                [
                    [60, 30, undefined],
                    [15, 30, undefined],
                    [30, 30, undefined],
                    [120, 30, 1],
                ],
            );
        });

        it(`every build project logs to its own log group, encrypted with the logs key and kept ${retention} days`, () => {
            for (const stage of buildStages) {
                const logs = project(stage).inputs["logsConfig"] as {
                    cloudwatchLogs: Record<string, string>;
                    s3Logs: Record<string, string>;
                };
                assert.deepEqual(logs.cloudwatchLogs, { status: "ENABLED", groupName: `/lakehouse-${stack}/codebuild-${stage}` });
                assert.deepEqual(logs.s3Logs, { status: "DISABLED" });
                const group = one("aws:cloudwatch/logGroup:LogGroup", `${prefix}-${stage}`);
                assert.equal(group.inputs["name"], logs.cloudwatchLogs["groupName"]);
                assert.equal(group.inputs["kmsKeyId"], keyArn("-logs"), stage);
                assert.equal(group.inputs["retentionInDays"], retention, stage);
                assert.equal(group.protect, retained, stage);
                assert.equal(group.retainOnDelete, retained, stage);
            }
        });

        it("every build project caches downloads in the artifacts bucket under cache/<stage>", () => {
            for (const stage of buildStages) {
                assert.deepEqual(project(stage).inputs["cache"], { type: "S3", location: `${bucketName()}/cache/${stage}` }, stage);
            }
        });

        it("the Pulumi login reaches preview and deploy only from Secrets Manager; no plain-text variable but STACK", () => {
            for (const stage of buildStages) {
                const variables = (project(stage).inputs["environment"] as { environmentVariables: EnvironmentVariable[] })
                    .environmentVariables;
                assert.deepEqual(
                    variables.filter((variable) => variable.type !== "SECRETS_MANAGER"),
                    [{ name: "STACK", type: "PLAINTEXT", value: stack }],
                    stage,
                );
                assert.deepEqual(
                    variables.filter((variable) => variable.type === "SECRETS_MANAGER"),
                    buildStageSpecs[stage].pulumiLogin
                        ? [
                              {
                                  name: "PULUMI_ACCESS_TOKEN",
                                  type: "SECRETS_MANAGER",
                                  value: `${String(backendSecretArn())}:PULUMI_ACCESS_TOKEN`,
                              },
                          ]
                        : [],
                    stage,
                );
            }
        });

        it("every build project runs its stage's buildspec from the repository", () => {
            for (const stage of buildStages) {
                const source = project(stage).inputs["source"] as Record<string, string>;
                assert.deepEqual(source, { type: "CODEPIPELINE", buildspec: `buildspecs/${stage}.yml` });
                assert.ok(fs.existsSync(path.join(repoRoot, source["buildspec"])), source["buildspec"]);
            }
        });

        it("preview and deploy write the stack's policy configuration and hand that file to pulumi", () => {
            for (const stage of ["preview", "deploy"]) {
                const commands = fs.readFileSync(path.join(repoRoot, "buildspecs", `${stage}.yml`), "utf8");
                assert.match(commands, /npm run -s policy-config -- --stack "\$STACK" --out policy-config\.json/, stage);
                assert.match(commands, /--policy-pack policies --policy-pack-config policy-config\.json/, stage);
            }
        });

        it("the artifacts bucket is SSE-KMS with the delivery key, versioned and TLS-only", () => {
            const [encryption] = settingsOf(
                resources(),
                artifactsBucket(),
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            );
            assert.deepEqual(encryption.inputs["rules"], [
                {
                    applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn("-delivery") },
                    bucketKeyEnabled: true,
                },
            ]);
            const [versioning] = settingsOf(resources(), artifactsBucket(), "aws:s3/bucketVersioning:BucketVersioning");
            assert.deepEqual(versioning.inputs["versioningConfiguration"], { status: "Enabled" });
            const [policy] = settingsOf(resources(), artifactsBucket(), "aws:s3/bucketPolicy:BucketPolicy");
            assert.ok(
                statementsOf(policy.inputs["policy"]).some(
                    (statement) =>
                        statement.Effect === "Deny" && JSON.stringify(statement.Condition) === '{"Bool":{"aws:SecureTransport":"false"}}',
                ),
            );
        });

        it("the artifacts bucket's access logs are accepted by the access-log bucket", () => {
            const [logging] = settingsOf(resources(), artifactsBucket(), "aws:s3/bucketLogging:BucketLogging");
            const accessLogs = one("aws:s3/bucket:Bucket", `lakehouse-${stack}-lake-access-logs`);
            assert.equal(logging.inputs["targetBucket"], accessLogs.outputs["bucket"]);
            const [policy] = settingsOf(resources(), accessLogs, "aws:s3/bucketPolicy:BucketPolicy");
            const delivery = statementsOf(policy.inputs["policy"]).find(
                (statement) => statement.Sid === "S3ServerAccessLogDeliveryFromThisAccount",
            );
            assert.ok(list(delivery?.Condition?.["ArnEquals"]?.["aws:SourceArn"]).includes(`arn:aws:s3:::${bucketName()}`));
        });

        it(`pipeline artifacts expire after ${expiration} days${retained ? "; the bucket is retained" : ""}`, () => {
            const [lifecycle] = settingsOf(
                resources(),
                artifactsBucket(),
                "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
            );
            const rules = lifecycle.inputs["rules"] as { id: string; expiration?: { days: number } }[];
            assert.deepEqual(rules.find((rule) => rule.id === "tier-and-expire-current-objects")?.expiration, { days: expiration });
            assert.equal(artifactsBucket().protect, retained);
            assert.equal(artifactsBucket().retainOnDelete, retained);
        });

        it(`the notification topic is encrypted with the delivery key, TLS-only, and has ${emails} email subscription(s)`, () => {
            assert.equal(topic().inputs["kmsMasterKeyId"], keyArn("-delivery"));
            const statements = statementsOf(one("aws:sns/topicPolicy:TopicPolicy", `${prefix}-notifications`).inputs["policy"]);
            assert.deepEqual(
                statements.map((statement) => [statement.Effect, statement.Principal, statement.Condition]),
                [
                    [
                        "Allow",
                        { Service: "codestar-notifications.amazonaws.com" },
                        { StringEquals: { "aws:SourceAccount": "111111111111" } },
                    ],
                    ["Deny", "*", { Bool: { "aws:SecureTransport": "false" } }],
                ],
            );
            const subscriptions = ofType(resources(), "aws:sns/topicSubscription:TopicSubscription").filter((subscription) =>
                subscription.name.startsWith(`${prefix}-notifications-email-`),
            );
            assert.equal(subscriptions.length, emails);
        });

        it("failed executions, failed actions and pending approvals are sent to the topic in full detail", () => {
            const rule = one("aws:codestarnotifications/notificationRule:NotificationRule", `${prefix}-notifications`);
            assert.equal(rule.inputs["resource"], pipeline().outputs["arn"]);
            assert.equal(rule.inputs["detailType"], "FULL");
            assert.deepEqual(rule.inputs["eventTypeIds"], [...pipelineNotificationEvents]);
            assert.deepEqual(rule.inputs["targets"], [{ type: "SNS", address: topic().outputs["arn"] }]);
        });

        it("each role trusts exactly one service; build roles only from this stack's projects, as CodeBuild documents", () => {
            const projects = `arn:aws:codebuild:eu-west-1:111111111111:project/lakehouse-${stack}-*`;
            for (const [purpose, service, condition] of [
                ["delivery-pipeline", "codepipeline.amazonaws.com", undefined],
                ["build-read-only", "codebuild.amazonaws.com", projects],
                ["build-deploy", "codebuild.amazonaws.com", projects],
            ] as const) {
                assert.deepEqual(
                    statementsOf(role(purpose).inputs["assumeRolePolicy"]),
                    [
                        {
                            Effect: "Allow",
                            Principal: { Service: service },
                            Action: "sts:AssumeRole",
                            ...(condition
                                ? {
                                      Condition: {
                                          StringEquals: { "aws:SourceAccount": "111111111111" },
                                          ArnLike: { "aws:SourceArn": condition },
                                      },
                                  }
                                : {}),
                        },
                    ],
                    purpose,
                );
            }
        });

        it("test, policy and preview run as the read-only build role, deploy as the deploy build role", () => {
            assert.deepEqual(
                buildStages.map((stage) => project(stage).inputs["serviceRole"]),
                ["build-read-only", "build-read-only", "build-read-only", "build-deploy"].map((purpose) => role(purpose).outputs["arn"]),
            );
        });

        it("the pipeline role may use only its connection, its artifacts, its four projects and its topic", () => {
            const byAction = Object.fromEntries(
                rolePolicy("delivery-pipeline").flatMap((s) => list(s.Action).map((a) => [a, list(s.Resource)])),
            );
            assert.deepEqual(byAction["codeconnections:UseConnection"], [connectionArn]);
            assert.deepEqual(byAction["s3:PutObject"], [pipelineArtifacts()]);
            assert.deepEqual(byAction["kms:GenerateDataKey"], [keyArn("-delivery")]);
            assert.deepEqual(
                byAction["codebuild:StartBuild"],
                buildStages.map((stage) => `arn:aws:codebuild:eu-west-1:111111111111:project/${String(project(stage).inputs["name"])}`),
            );
            assert.deepEqual(byAction["sns:Publish"], [topic().outputs["arn"]]);
        });

        it("each build role writes only its own stages' logs and cache, and decrypts the Pulumi login only through Secrets Manager", () => {
            for (const [purpose, roleStages] of [
                ["build-read-only", ["test", "policy", "preview"]],
                ["build-deploy", ["deploy"]],
            ] as const) {
                const statements = rolePolicy(purpose);
                const sid = (name: string) => statements.find((statement) => statement.Sid === name);
                assert.deepEqual(
                    list(sid("WriteOwnBuildLogs")?.Resource),
                    roleStages.flatMap((stage) => {
                        // CreateLogStream and PutLogEvents take log streams only: the group's `:*`, not the group.
                        return [`arn:aws:logs:eu-west-1:111111111111:log-group:/lakehouse-${stack}/codebuild-${stage}:*`];
                    }),
                );
                assert.deepEqual(list(sid("ReadAndWritePipelineArtifacts")?.Resource), [
                    pipelineArtifacts(),
                    ...roleStages.map((stage) => `arn:aws:s3:::${bucketName()}/cache/${stage}*`),
                ]);
                assert.deepEqual(list(sid("ReadPulumiBackendLogin")?.Resource), [backendSecretArn()]);
                assert.deepEqual(sid("DecryptPulumiBackendLoginThroughSecretsManager")?.Condition, {
                    StringEquals: { "kms:ViaService": "secretsmanager.eu-west-1.amazonaws.com" },
                });
                for (const statement of statements) assert.ok(!list(statement.Resource).includes("*"), `${purpose} ${statement.Sid}`);
            }
        });

        it("the pipeline's resources raise no policy finding", () => {
            const document = toStackExport("lakehouse", stack, resources(), new Date(0));
            const findings = runPolicies(document.deployment.resources, loadPolicyConfig(stack)).filter(
                (finding) => (finding.urn === undefined || finding.urn.includes(`::${prefix}`)) && !finding.exempted,
            );
            assert.deepEqual(findings, []);
        });
    });
}

describe("delivery buildspecs", () => {
    it("each buildspec's build commands are the commands README 'Delivery pipeline' shows for its stage", () => {
        const readme = readmeStageCommands();
        assert.deepEqual([...readme.keys()].sort(), buildStages.map((stage) => buildStageSpecs[stage].buildspec).sort());
        for (const stage of buildStages) {
            assert.deepEqual(buildspec(stage).phases["build"]?.commands, readme.get(buildStageSpecs[stage].buildspec), stage);
        }
    });

    it("commands run only in the install and build phases, in bash", () => {
        for (const stage of buildStages) {
            assert.deepEqual(Object.keys(buildspec(stage).phases).sort(), ["build", "install"], stage);
            assert.equal(buildspec(stage).env?.shell, "bash", stage);
        }
    });

    it("each buildspec pins Node.js 20; the test stage also Python 3.11 and Java 17 (Corretto)", () => {
        for (const stage of buildStages) {
            const runtimes = buildspec(stage).phases["install"]?.["runtime-versions"];
            assert.deepEqual(runtimes, stage === "test" ? { nodejs: 20, python: "3.11", java: "corretto17" } : { nodejs: 20 }, stage);
        }
        assert.equal(buildImage, "aws/codebuild/amazonlinux-x86_64-standard:5.0");
    });

    it("preview and deploy install the Pulumi CLI at the version of the @pulumi/pulumi SDK in package-lock.json", () => {
        const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, "package-lock.json"), "utf8")) as {
            packages: Record<string, { version?: string }>;
        };
        const sdkVersion = lock.packages["node_modules/@pulumi/pulumi"]?.version;
        assert.ok(sdkVersion);
        for (const stage of buildStages.filter((candidate) => buildStageSpecs[candidate].pulumiLogin)) {
            const spec = buildspec(stage);
            assert.equal(spec.env?.variables?.["PULUMI_VERSION"], sdkVersion, stage);
            assert.deepEqual(
                spec.phases["install"]?.commands,
                ['curl -fsSL https://get.pulumi.com | sh -s -- --version "$PULUMI_VERSION"', 'export PATH="$HOME/.pulumi/bin:$PATH"'],
                stage,
            );
        }
    });

    it("every stage caches npm downloads; the test stage also pip, Maven and the Iceberg jar", () => {
        for (const stage of buildStages) {
            const paths = buildspec(stage).cache?.paths ?? [];
            assert.ok(paths.includes("/root/.npm/**/*"), stage);
        }
        assert.deepEqual(buildspec("test").cache?.paths, [
            "/root/.npm/**/*",
            "/root/.cache/pip/**/*",
            "/root/.m2/repository/**/*",
            ".cache/jars/**/*",
        ]);
    });

    it("the policy and preview stages keep their report as the artifact the pipeline names", () => {
        assert.deepEqual(buildspec("policy").artifacts?.files, ["policy-report.md"]);
        assert.deepEqual(buildspec("preview").artifacts?.files, ["preview.txt"]);
        assert.equal(buildspec("test").artifacts, undefined);
        assert.equal(buildspec("deploy").artifacts, undefined);
    });
});

describe("delivery role policy documents", () => {
    it("use the connection under the service prefix of its ARN", () => {
        assert.equal(useConnectionAction(connectionArn), "codeconnections:UseConnection");
        assert.equal(
            useConnectionAction("arn:aws:codestar-connections:eu-west-1:111111111111:connection/0b7e7c4e-5f0a-4c1e-9d2a-3c6f1e2d4a5b"),
            "codestar-connections:UseConnection",
        );
        assert.throws(() => useConnectionAction("arn:aws:s3:::bucket"), /not a CodeConnections connection ARN/);
    });

    it("scope pipeline artifacts to the prefix CodePipeline derives from the first 20 characters of the pipeline name", () => {
        assert.equal(pipelineArtifactObjects("arn:aws:s3:::b", "lakehouse-feature-x-delivery"), "arn:aws:s3:::b/lakehouse-feature-x-*");
        assert.equal(pipelineArtifactObjects("arn:aws:s3:::b", "short"), "arn:aws:s3:::b/short*");
    });
});

describe("stacks without a pipeline", () => {
    it("a stack with pipelineEnabled false plans without any delivery resource", () => {
        const result = planOfStackFile("no-pipeline", minimalDevStackConfig);
        assert.equal(result.kind, "plan");
        if (result.kind !== "plan") return;
        const delivery = result.resources.filter(
            (resource) =>
                /^aws:(codepipeline|codebuild|codestarnotifications)\//.test(resource.type) ||
                resource.name.startsWith("lakehouse-no-pipeline-delivery"),
        );
        assert.deepEqual(delivery, []);
        assert.equal(result.outputs["delivery"], undefined);
    });
});
