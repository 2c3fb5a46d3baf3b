import type { PlatformConfig } from "../config";
import { AthenaAnalytics } from "../components/analytics/athena-analytics";
import { QuickSightAnalytics, quickSightReadiness, quickSightRedshiftSecretName } from "../components/analytics/quicksight-analytics";
import { SnowflakeAccess } from "../components/analytics/snowflake-access";
import { lakeSchemas } from "../components/catalog/lake-tables";
import { RedshiftWarehouse, warehousePort } from "../components/warehouse/redshift-warehouse";
import { WarehouseSchema } from "../components/warehouse/warehouse-schema";
import type { StackContext } from "../lib/stack-context";
import type { Foundation } from "./foundation";
import type { Lake } from "./lake";

export interface Warehouse {
    readonly warehouse: RedshiftWarehouse;
    readonly schema: WarehouseSchema;
}

/** Redshift Serverless reading gold through Spectrum, and the SQL that gives it its schemas, tables and the loader's grants. */
export function warehouse(
    context: StackContext,
    config: PlatformConfig,
    { keys, network, alerts }: Foundation,
    { storage, catalog }: Lake,
): Warehouse {
    const { prefix } = context.names;
    const redshift = new RedshiftWarehouse(`${prefix}-warehouse`, {
        context,
        network: {
            vpcId: network.vpcId,
            privateSubnetIds: network.privateSubnetIds,
            endpointSecurityGroup: network.endpointSecurityGroup,
            natGateways: config.network.natGateways,
            interfaceEndpoints: config.network.interfaceEndpoints,
        },
        keys: { warehouse: keys.warehouse, secrets: keys.secrets, dataLake: keys.dataLake, logs: keys.logs },
        goldBucketName: storage.layers.gold.name,
        goldDatabaseName: catalog.databaseNames.gold,
        warehouse: config.warehouse,
        alertTopic: alerts.topic,
    });
    const schema = new WarehouseSchema(`${prefix}-warehouse-schema`, {
        context,
        warehouse: redshift,
        goldDatabase: catalog.databases.gold,
        secretsKey: keys.secrets,
        logsKey: keys.logs,
    });
    return { warehouse: redshift, schema };
}

export interface Analytics {
    readonly athena: AthenaAnalytics;
    readonly quicksight?: QuickSightAnalytics;
    readonly snowflake?: SnowflakeAccess;
}

/** Athena over gold for everyone; QuickSight (once what it reads exists) and Snowflake where configured. */
export async function analytics(
    context: StackContext,
    config: PlatformConfig,
    { keys, network }: Foundation,
    { datasets, storage, catalog }: Lake,
    { warehouse: redshift }: Warehouse,
): Promise<Analytics> {
    const { prefix } = context.names;
    const { quicksight: quicksightConfig, snowflake: snowflakeConfig } = config.analytics;
    const athena = new AthenaAnalytics(`${prefix}-athena`, {
        context,
        resultsBucket: storage.athenaResults.name,
        dataLakeKey: keys.dataLake,
        databaseNames: catalog.databaseNames,
        datasets: datasets.map((dataset) => dataset.name),
        bytesScannedCutoffPerQuery: config.analytics.athenaBytesScannedCutoff,
    });
    const readiness = quicksightConfig.enabled
        ? await quickSightReadiness(
              catalog.databaseNames.gold,
              Object.keys(lakeSchemas.gold),
              quicksightConfig.redshiftEnabled ? quickSightRedshiftSecretName(prefix) : undefined,
          )
        : undefined;
    const quicksight = readiness
        ? new QuickSightAnalytics(`${prefix}-quicksight`, {
              context,
              athena: {
                  workgroupName: athena.workgroupName,
                  resultsBucket: storage.athenaResults.name,
                  resultsPrefix: athena.resultsPrefix,
              },
              goldBucket: storage.layers.gold.name,
              goldDatabase: catalog.databaseNames.gold,
              goldTables: lakeSchemas.gold,
              dataLakeKey: keys.dataLake,
              quicksight: quicksightConfig,
              readiness,
              redshift: quicksightConfig.redshiftEnabled
                  ? {
                        host: redshift.workgroup.endpoints.apply((endpoints) => {
                            const address = endpoints[0]?.address;
                            if (!address) throw new Error("the warehouse workgroup reports no endpoint for QuickSight to connect to");
                            return address;
                        }),
                        port: warehousePort,
                        database: redshift.databaseName,
                        subnetIds: network.privateSubnetIds,
                        vpcId: network.vpcId,
                        workgroupSecurityGroup: redshift.securityGroup,
                        secretsKey: keys.secrets,
                        recoveryWindowDays: config.secrets.recoveryWindowDays,
                    }
                  : undefined,
          })
        : undefined;
    const snowflake = snowflakeConfig
        ? new SnowflakeAccess(`${prefix}-snowflake`, {
              context,
              goldBucket: storage.layers.gold.name,
              dataLakeKey: keys.dataLake,
              ...snowflakeConfig,
          })
        : undefined;
    return { athena, quicksight, snowflake };
}

export function servingOutputs({ warehouse: redshift, schema }: Warehouse, { athena, quicksight, snowflake }: Analytics) {
    return {
        warehouse: {
            namespace: redshift.namespace.namespaceName,
            workgroup: redshift.workgroup.workgroupName,
            endpoint: redshift.workgroup.endpoints.apply((endpoints) => endpoints[0]?.address),
            database: redshift.databaseName,
            adminSecretArn: redshift.namespace.adminPasswordSecretArn,
            clientSecurityGroup: redshift.clientSecurityGroup.id,
            schemaFunction: schema.function.name,
            schemaHash: schema.schemaHash,
        },
        analytics: {
            athenaWorkgroup: athena.workgroup.name,
            athenaResults: athena.resultsLocation,
            quicksightAthenaDataSource: quicksight?.athenaDataSource.arn,
            quicksightRedshiftDataSource: quicksight?.redshift?.dataSource?.arn,
            quicksightRedshiftCredentials: quicksight?.redshift?.credentials.arn,
            quicksightDataSets: quicksight
                ? Object.fromEntries(Object.entries(quicksight.dataSets).map(([table, dataSet]) => [table, dataSet.arn]))
                : undefined,
            snowflakeRoleArn: snowflake?.role.arn,
        },
    };
}
