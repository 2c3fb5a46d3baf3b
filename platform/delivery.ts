import type { PlatformConfig } from "../config";
import { DeliveryPipeline } from "../components/cicd/delivery-pipeline";
import { type ConditionalRead, type DeployFeature } from "../components/cicd/deploy-policy";
import { DeployerAccess } from "../components/cicd/deployer-access";
import { sparkJobs } from "../components/etl/glue-jobs";
import type { StackContext } from "../lib/stack-context";
import type { Foundation } from "./foundation";
import type { Lake } from "./lake";
import type { Processing } from "./processing";
import type { Analytics, Warehouse } from "./serving";

/** The optional features whose resource types the deployer may manage, from the stack's config. */
export function deployFeaturesOf(config: PlatformConfig): DeployFeature[] {
    const { quicksight } = config.analytics;
    return [
        ...(quicksight.enabled ? (["quicksight"] as const) : []),
        ...(quicksight.enabled && quicksight.redshiftEnabled ? (["quicksightRedshift"] as const) : []),
        ...(config.catalog.encryption === "manage" ? (["catalogEncryption"] as const) : []),
    ];
}

/** The provider functions the program calls only under this config, so only then may its roles read with them. */
function conditionalReadsOf(config: PlatformConfig): ConditionalRead[] {
    const { quicksight } = config.analytics;
    return [
        ...(quicksight.enabled ? (["goldTables"] as const) : []),
        ...(quicksight.enabled && quicksight.redshiftEnabled ? (["quicksightRedshiftCredentials"] as const) : []),
    ];
}

/** The pipeline that tests, checks, previews, approves (prod) and deploys this stack, and what its build roles may do. */
export function delivery(
    context: StackContext,
    config: PlatformConfig,
    { boundary, keys, secrets, network }: Foundation,
    { storage, catalogEncryption }: Lake,
    { etl, workflow }: Processing,
    { warehouse, schema }: Warehouse,
    { quicksight }: Analytics,
): DeliveryPipeline | undefined {
    if (!config.delivery) return undefined;
    const { prefix } = context.names;
    const pipeline = new DeliveryPipeline(`${prefix}-delivery`, {
        context,
        delivery: config.delivery,
        deliveryKey: keys.delivery,
        logsKey: keys.logs,
        secretsKey: keys.secrets,
        pulumiBackendSecret: secrets.pulumiBackend,
        accessLogBucket: storage.accessLogs,
        noncurrentVersionExpirationDays: config.storage.noncurrentVersionExpirationDays,
    });
    new DeployerAccess(`${prefix}-deployer`, {
        context,
        deployRoleName: pipeline.deployBuildRole.name,
        readOnlyRoleName: pipeline.readOnlyBuildRole.name,
        boundaryArn: boundary.arn,
        assetBucket: storage.glueAssets.name,
        passRoles: [
            network.flowLogRole,
            ...(catalogEncryption ? [catalogEncryption.role] : []),
            ...sparkJobs.map((job) => etl.jobs[job].role),
            etl.warehouseLoad.role,
            workflow.eventsRole,
            warehouse.spectrumRole,
            schema.role,
            ...(quicksight ? [quicksight.athenaRole] : []),
            ...(quicksight?.redshift ? [quicksight.redshift.vpcConnectionRole] : []),
            pipeline.pipelineRole,
            pipeline.readOnlyBuildRole,
            pipeline.deployBuildRole,
        ],
        connectionArn: config.delivery.connectionArn,
        features: deployFeaturesOf(config),
        conditionalReads: conditionalReadsOf(config),
    });
    return pipeline;
}

export function deliveryOutputs(pipeline: DeliveryPipeline | undefined) {
    return {
        delivery: pipeline && {
            pipeline: pipeline.pipeline.name,
            artifactsBucket: pipeline.artifactsBucket.name,
            notificationTopic: pipeline.topic.arn,
            readOnlyBuildRole: pipeline.readOnlyBuildRole.arn,
            deployBuildRole: pipeline.deployBuildRole.arn,
        },
    };
}
