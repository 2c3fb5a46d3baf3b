import type * as pulumi from "@pulumi/pulumi";
import { dataLayers, type DataLayer, type PlatformConfig } from "../config";
import { EtlWorkflow } from "../components/etl/etl-workflow";
import { GlueJobs, sparkJobs } from "../components/etl/glue-jobs";
import { warehouseSchemaNames } from "../components/warehouse/warehouse-schema";
import type { StackContext } from "../lib/stack-context";
import type { Foundation } from "./foundation";
import type { Lake } from "./lake";
import type { Warehouse } from "./serving";

export interface Processing {
    readonly etl: GlueJobs;
    readonly workflow: EtlWorkflow;
}

/** The Glue jobs (bronze, silver, gold, warehouse load) and the workflow a landing manifest (or the fallback schedule) starts. */
export function processing(
    context: StackContext,
    config: PlatformConfig,
    { keys }: Foundation,
    { datasets, storage, catalog }: Lake,
    { warehouse }: Warehouse,
): Processing {
    const { prefix } = context.names;
    const etl = new GlueJobs(`${prefix}-etl`, {
        context,
        buckets: Object.fromEntries(dataLayers.map((layer) => [layer, storage.layers[layer].name])) as Record<
            DataLayer,
            pulumi.Output<string>
        >,
        glueAssetsBucket: storage.glueAssets.name,
        glueAssetsReady: storage.glueAssets.objectPrerequisites,
        databaseNames: catalog.databaseNames,
        datasets,
        dataLakeKey: keys.dataLake,
        logsKey: keys.logs,
        etl: config.etl,
        warehouse: {
            workgroupName: warehouse.workgroup.workgroupName,
            workgroupArn: warehouse.workgroup.arn,
            databaseName: warehouse.databaseName,
            spectrumRoleArn: warehouse.spectrumRole.arn,
            externalSchema: warehouseSchemaNames.external,
            warehouseSchema: warehouseSchemaNames.warehouse,
        },
    });
    const workflow = new EtlWorkflow(`${prefix}-workflow`, {
        context,
        landingBucket: storage.layers.landing.name,
        jobNames: [...sparkJobs.map((job) => etl.jobs[job].job.name), etl.warehouseLoad.job.name],
        fallbackSchedule: config.etl.fallbackSchedule,
    });
    return { etl, workflow };
}

export function processingOutputs({ etl, workflow }: Processing, databases: Readonly<Record<string, string>>) {
    return {
        glue: {
            databases,
            securityConfiguration: etl.securityConfiguration.name,
            jobs: {
                bronze: etl.jobs.bronze.job.name,
                silver: etl.jobs.silver.job.name,
                gold: etl.jobs.gold.job.name,
                warehouseLoad: etl.warehouseLoad.job.name,
            },
            workflow: workflow.workflow.name,
        },
    };
}
