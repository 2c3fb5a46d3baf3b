import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { serviceTrustPolicy } from "../../lib/iam/documents";
import type { StackContext } from "../../lib/stack-context";

/**
 * Landing objects that mark a complete delivery. The suffix is not a landing format the bronze job
 * reads (jsonl, json, csv), so a manifest is never ingested as data.
 */
export const manifestSuffix = ".manifest";

export interface EtlWorkflowArgs {
    /** Where the stack deploys, how it names things and protects its data. */
    readonly context: StackContext;
    /** Landing bucket; it sends its object events to EventBridge (MedallionStorage). */
    readonly landingBucket: pulumi.Input<string>;
    /** Job names in run order; each starts when the one before it succeeds. */
    readonly jobNames: readonly pulumi.Input<string>[];
    /** EventBridge schedule that starts a run when no manifest arrived. */
    readonly fallbackSchedule: string;
}

/**
 * The Glue workflow that runs the jobs in order (bronze, silver, gold, warehouse load). A workflow
 * has one start trigger, so both starts go through its EVENT trigger: an EventBridge rule for
 * manifests landing in the landing bucket, and an EventBridge schedule as the fallback.
 * EventBridge reaches the workflow through a role that may only `glue:notifyEvent` on it. Each
 * later job has a CONDITIONAL trigger on its predecessor's success.
 */
export class EtlWorkflow extends pulumi.ComponentResource {
    readonly workflow: aws.glue.Workflow;
    readonly triggers: readonly aws.glue.Trigger[];
    /** The role EventBridge starts the workflow with; the deployer passes it to events.amazonaws.com. */
    readonly eventsRole: aws.iam.Role;

    constructor(name: string, args: EtlWorkflowArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:etl:EtlWorkflow", name, {}, opts);
        const { names, arn } = args.context;

        const { jobNames } = args;
        if (jobNames.length === 0) throw new Error(`${name}: jobNames must name at least one job`);
        const workflowName = names.resource("etl");
        const workflowArn = arn.glue(`workflow/${workflowName}`);

        this.workflow = new aws.glue.Workflow(
            name,
            {
                name: workflowName,
                description:
                    "Landing -> bronze -> silver -> gold -> warehouse load, started by a landing manifest or the fallback schedule.",
                // The jobs' ledgers assume one run at a time.
                maxConcurrentRuns: 1,
            },
            { parent: this },
        );

        const start = new aws.glue.Trigger(
            `${name}-start`,
            {
                name: names.resource("etl-start"),
                workflowName: this.workflow.name,
                type: "EVENT",
                description: "Starts the workflow on the first EventBridge event (manifest or fallback schedule).",
                eventBatchingConditions: [{ batchSize: 1, batchWindow: 900 }],
                actions: [{ jobName: jobNames[0] }],
                enabled: true,
            },
            { parent: this },
        );
        const chained = jobNames.slice(1).map(
            (jobName, index) =>
                new aws.glue.Trigger(
                    `${name}-after-${index + 1}`,
                    {
                        name: names.resource(`etl-after-${index + 1}`),
                        workflowName: this.workflow.name,
                        type: "CONDITIONAL",
                        description: "Runs the next hop when the previous one succeeded.",
                        predicate: {
                            logical: "AND",
                            conditions: [{ jobName: jobNames[index], state: "SUCCEEDED", logicalOperator: "EQUALS" }],
                        },
                        actions: [{ jobName }],
                        startOnCreation: true,
                        enabled: true,
                    },
                    { parent: this },
                ),
        );
        this.triggers = [start, ...chained];

        const role = new aws.iam.Role(
            `${name}-events`,
            {
                name: names.resource("etl-events"),
                description: "Lets EventBridge start the ETL workflow.",
                assumeRolePolicy: JSON.stringify(serviceTrustPolicy("events.amazonaws.com", args.context)),
            },
            { parent: this },
        );
        this.eventsRole = role;
        new aws.iam.RolePolicy(
            `${name}-events`,
            {
                role: role.name,
                name: "notify-etl-workflow",
                policy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Sid: "NotifyThisWorkflowOnly", Effect: "Allow", Action: ["glue:notifyEvent"], Resource: workflowArn }],
                }),
            },
            { parent: this },
        );

        const rules = {
            manifests: new aws.cloudwatch.EventRule(
                `${name}-manifests`,
                {
                    name: names.resource("etl-manifests"),
                    description: `Manifests (*${manifestSuffix}) created in the landing bucket start the ETL workflow.`,
                    state: "ENABLED",
                    eventPattern: pulumi.jsonStringify({
                        source: ["aws.s3"],
                        "detail-type": ["Object Created"],
                        detail: { bucket: { name: [args.landingBucket] }, object: { key: [{ suffix: manifestSuffix }] } },
                    }),
                },
                { parent: this },
            ),
            schedule: new aws.cloudwatch.EventRule(
                `${name}-schedule`,
                {
                    name: names.resource("etl-schedule"),
                    description: "Fallback start of the ETL workflow when no manifest arrived.",
                    state: "ENABLED",
                    scheduleExpression: args.fallbackSchedule,
                },
                { parent: this },
            ),
        };
        for (const [purpose, rule] of Object.entries(rules)) {
            new aws.cloudwatch.EventTarget(
                `${name}-${purpose}`,
                {
                    rule: rule.name,
                    targetId: "etl-workflow",
                    arn: workflowArn,
                    roleArn: role.arn,
                    // A later manifest or the schedule picks up what a dropped event missed.
                    retryPolicy: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 3 },
                },
                { parent: this, dependsOn: [this.workflow, start] },
            );
        }

        this.registerOutputs({ workflowName: this.workflow.name });
    }
}
