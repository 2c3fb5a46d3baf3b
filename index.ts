/**
 * The lakehouse platform, one stack per environment. Reads config once, then composes the
 * platform in the order data flows through it.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { dataLayers, loadPlatformConfig, type DataLayer } from "./config";
import { AthenaAnalytics } from "./components/analytics/athena-analytics";
import { QuickSightAnalytics, quickSightReadiness, quickSightRedshiftSecretName } from "./components/analytics/quicksight-analytics";
import { SnowflakeAccess } from "./components/analytics/snowflake-access";
import { loadDatasetSpecs } from "./components/catalog/dataset-specs";
import { dataFilePrefixes, lakeSchemas } from "./components/catalog/lake-tables";
import {
    catalogEncryptionRoleName,
    claimDataCatalogEncryption,
    DataCatalogEncryption,
    verifyDataCatalogEncryption,
} from "./components/catalog/data-catalog-encryption";
import { LakehouseCatalog } from "./components/catalog/lakehouse-catalog";
import { DeliveryPipeline, deliveryArtifactsBucketPurpose } from "./components/cicd/delivery-pipeline";
import { EtlWorkflow } from "./components/etl/etl-workflow";
import { GlueJobs, sparkJobs } from "./components/etl/glue-jobs";
import { DeployerAccess, stackServices, type DeployFeature } from "./components/cicd/deployer-access";
import { ResourceNames } from "./components/naming/resource-names";
import { PlatformAlerts } from "./components/observability/platform-alerts";
import { PlatformNetwork } from "./components/network/platform-network";
import { PlatformSecrets } from "./components/secrets/platform-secrets";
import { PermissionsBoundary, permissionsBoundaryTransform } from "./components/security/permissions-boundary";
import { PlatformKeys } from "./components/security/platform-keys";
import { MedallionStorage } from "./components/storage/medallion-storage";
import { requiredTagsTransform } from "./components/tagging/required-tags";
import { auditLogGroupPattern, RedshiftWarehouse, warehousePort } from "./components/warehouse/redshift-warehouse";
import { WarehouseSchema, warehouseLoaderRoleName, warehouseSchemaNames } from "./components/warehouse/warehouse-schema";

export = async () => {
    // Fails with every config problem listed before anything is registered.
    const config = loadPlatformConfig();
    pulumi.runtime.registerResourceTransform(requiredTagsTransform(config.tags));

    const [identity, partition] = await Promise.all([aws.getCallerIdentity(), aws.getPartition()]);
    const names = new ResourceNames(config.project, config.stack, identity.accountId, config.region);
    const account = { accountId: identity.accountId, partition: partition.partition };
    // The catalog's encryption is the account's: the stack that manages it claims it, the others check it, before registering anything.
    if (config.catalog.encryption === "verify") await verifyDataCatalogEncryption(identity.accountId, config.region);
    else
        await claimDataCatalogEncryption(
            identity.accountId,
            config.region,
            `arn:${partition.partition}:iam::${identity.accountId}:role/${catalogEncryptionRoleName(names)}`,
        );

    // Every role the stack creates carries the permissions boundary, registered before any role.
    const { quicksight: quicksightConfig } = config.analytics;
    const deployFeatures: DeployFeature[] = [
        ...(quicksightConfig.enabled ? (["quicksight"] as const) : []),
        ...(quicksightConfig.enabled && quicksightConfig.redshiftEnabled ? (["quicksightRedshift"] as const) : []),
        ...(config.catalog.encryption === "manage" ? (["catalogEncryption"] as const) : []),
    ];
    const boundary = new PermissionsBoundary(`${names.prefix}-boundary`, {
        ...account,
        region: config.region,
        policyName: names.resource("permissions-boundary"),
        namePrefix: names.prefix,
        services: stackServices(deployFeatures, config.delivery?.connectionArn),
    });
    pulumi.runtime.registerResourceTransform(permissionsBoundaryTransform(boundary.arn, boundary.policy));

    // Glue names the log groups of encrypted jobs after the security configuration.
    const glueSecurityConfigurationName = names.resource("glue");
    // Redshift Serverless names its audit log groups after the namespace.
    const warehouseName = names.resource("warehouse");

    // Security: customer-managed keys per purpose.
    const keys = new PlatformKeys(`${names.prefix}-keys`, {
        ...account,
        region: config.region,
        namePrefix: names.prefix,
        logGroupPrefix: names.logGroupPrefix,
        additionalLogGroupPatterns: [
            `/aws-glue/jobs/${glueSecurityConfigurationName}-role/*`,
            `/aws-glue/python-jobs/${glueSecurityConfigurationName}-role/*`,
            auditLogGroupPattern(warehouseName),
        ],
        deletionWindowInDays: config.protection.kmsDeletionWindowDays,
        rotationPeriodInDays: config.protection.kmsRotationPeriodDays,
        retainOnDelete: config.protection.retainOnDelete,
    });

    // Secrets people supply (never in config or state), and the topic alerts go to.
    const secrets = new PlatformSecrets(`${names.prefix}-secrets`, {
        namePrefix: `${names.prefix}/`,
        secretsKey: keys.secrets,
        recoveryWindowDays: config.secrets.recoveryWindowDays,
        pulumiBackend: config.delivery?.pulumiBackend ?? "pulumi-cloud",
        retainOnDelete: config.protection.retainOnDelete,
    });
    const alerts = new PlatformAlerts(`${names.prefix}-alerts`, {
        accountId: identity.accountId,
        topicName: names.resource("alerts", 256),
        logsKey: keys.logs,
        emails: config.alertEmails,
    });

    // Network: private subnets in three AZs, endpoints, flow logs.
    const network = new PlatformNetwork(`${names.prefix}-network`, {
        ...account,
        names,
        network: config.network,
        region: config.region,
        flowLogGroupName: names.logGroup("vpc-flow-logs"),
        logsKey: keys.logs,
        logRetentionDays: config.protection.logRetentionDays,
        retainOnDelete: config.protection.retainOnDelete,
    });

    // Storage: landing -> bronze -> silver -> gold, quarantine beside them; the dataset specs say what each holds.
    const datasets = loadDatasetSpecs();
    const storage = new MedallionStorage(`${names.prefix}-lake`, {
        ...account,
        names,
        dataLakeKey: keys.dataLake,
        lifecycle: config.storage.lifecycle,
        dataFilePrefixes: dataFilePrefixes(
            datasets.map((dataset) => dataset.name),
            Object.keys(lakeSchemas.gold),
        ),
        noncurrentVersionExpirationDays: config.storage.noncurrentVersionExpirationDays,
        accessLogExpirationDays: config.storage.accessLogExpirationDays,
        athenaResultsExpirationDays: config.storage.athenaResultsExpirationDays,
        retainOnDelete: config.protection.retainOnDelete,
        additionalLoggedBucketNames: config.delivery ? [names.bucket(deliveryArtifactsBucketPurpose)] : [],
    });

    // Catalog: the account's catalog encryption (one stack manages it, the others verify it), then a
    // database per layer, bronze and quarantine tables and DQ rulesets from the dataset specs.
    const catalogEncryption =
        config.catalog.encryption === "manage"
            ? new DataCatalogEncryption(`${names.prefix}-catalog-encryption`, { ...account, names, region: config.region })
            : undefined;
    const catalog = new LakehouseCatalog(`${names.prefix}-catalog`, {
        encryption: catalogEncryption?.settings,
        names,
        bucketNames: {
            bronze: storage.layers.bronze.name,
            silver: storage.layers.silver.name,
            gold: storage.layers.gold.name,
            quarantine: storage.layers.quarantine.name,
        },
        datasets,
        retainOnDelete: config.protection.retainOnDelete,
    });

    // Warehouse: Redshift Serverless reads gold through Spectrum and keeps its own tables.
    const warehouse = new RedshiftWarehouse(`${names.prefix}-warehouse`, {
        ...account,
        region: config.region,
        names,
        namespaceName: warehouseName,
        workgroupName: warehouseName,
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
        alarmNamePrefix: warehouseName,
        logRetentionDays: config.protection.logRetentionDays,
        retainOnDelete: config.protection.retainOnDelete,
    });

    // Warehouse SQL: external schema, tables and the loader's grants, applied at deploy time through the Data API.
    const warehouseSchema = new WarehouseSchema(`${names.prefix}-warehouse-schema`, {
        ...account,
        names,
        region: config.region,
        warehouse,
        goldDatabase: catalog.databases.gold,
        loaderRoleName: warehouseLoaderRoleName(names),
        secretsKey: keys.secrets,
        logsKey: keys.logs,
        logRetentionDays: config.protection.logRetentionDays,
        retainOnDelete: config.protection.retainOnDelete,
    });

    // ETL: bronze, silver and gold Glue jobs.
    const etl = new GlueJobs(`${names.prefix}-etl`, {
        ...account,
        names,
        region: config.region,
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
        securityConfigurationName: glueSecurityConfigurationName,
        etl: config.etl,
        logRetentionDays: config.protection.logRetentionDays,
        retainOnDelete: config.protection.retainOnDelete,
        warehouse: {
            workgroupName: warehouse.workgroup.workgroupName,
            workgroupArn: warehouse.workgroup.arn,
            databaseName: warehouse.databaseName,
            spectrumRoleArn: warehouse.spectrumRole.arn,
            externalSchema: warehouseSchemaNames.external,
            warehouseSchema: warehouseSchemaNames.warehouse,
            loaderRoleName: warehouseLoaderRoleName(names),
        },
    });

    // Orchestration: a landing manifest (or the fallback schedule) starts bronze -> silver -> gold -> warehouse load.
    const workflow = new EtlWorkflow(`${names.prefix}-workflow`, {
        ...account,
        names,
        region: config.region,
        landingBucket: storage.layers.landing.name,
        jobNames: [...sparkJobs.map((job) => etl.jobs[job].job.name), etl.warehouseLoad.job.name],
        fallbackSchedule: config.etl.fallbackSchedule,
    });

    // Analytics: Athena over gold for everyone; QuickSight and Snowflake where configured.
    const athena = new AthenaAnalytics(`${names.prefix}-athena`, {
        names,
        accountId: identity.accountId,
        resultsBucket: storage.athenaResults.name,
        dataLakeKey: keys.dataLake,
        databaseNames: catalog.databaseNames,
        datasets: datasets.map((dataset) => dataset.name),
        bytesScannedCutoffPerQuery: config.analytics.athenaBytesScannedCutoff,
        retainOnDelete: config.protection.retainOnDelete,
    });
    // QuickSight's datasets wait for the gold tables and its Redshift source for its secret's value.
    const quicksightSecretNamePrefix = `${names.prefix}/`;
    const quicksightReadiness = quicksightConfig.enabled
        ? await quickSightReadiness(
              catalog.databaseNames.gold,
              Object.keys(lakeSchemas.gold),
              quicksightConfig.redshiftEnabled ? quickSightRedshiftSecretName(quicksightSecretNamePrefix) : undefined,
          )
        : undefined;
    const quicksight = quicksightReadiness
        ? new QuickSightAnalytics(`${names.prefix}-quicksight`, {
              ...account,
              names,
              region: config.region,
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
              readiness: quicksightReadiness,
              redshift: quicksightConfig.redshiftEnabled
                  ? {
                        host: warehouse.workgroup.endpoints.apply((endpoints) => {
                            const address = endpoints[0]?.address;
                            if (!address) throw new Error("the warehouse workgroup reports no endpoint for QuickSight to connect to");
                            return address;
                        }),
                        port: warehousePort,
                        database: warehouse.databaseName,
                        subnetIds: network.privateSubnetIds,
                        vpcId: network.vpcId,
                        workgroupSecurityGroup: warehouse.securityGroup,
                        secretNamePrefix: quicksightSecretNamePrefix,
                        secretsKey: keys.secrets,
                        recoveryWindowDays: config.secrets.recoveryWindowDays,
                        retainOnDelete: config.protection.retainOnDelete,
                    }
                  : undefined,
          })
        : undefined;
    const snowflake = config.analytics.snowflake
        ? new SnowflakeAccess(`${names.prefix}-snowflake`, {
              names,
              partition: partition.partition,
              region: config.region,
              goldBucket: storage.layers.gold.name,
              dataLakeKey: keys.dataLake,
              ...config.analytics.snowflake,
          })
        : undefined;

    // Delivery: the pipeline that tests, checks, previews, approves (prod) and deploys this stack.
    const delivery = config.delivery
        ? new DeliveryPipeline(`${names.prefix}-delivery`, {
              ...account,
              names,
              region: config.region,
              stack: config.stack,
              environment: config.environment,
              delivery: config.delivery,
              deliveryKey: keys.delivery,
              logsKey: keys.logs,
              secretsKey: keys.secrets,
              pulumiBackendSecret: secrets.pulumiBackend,
              accessLogBucket: storage.accessLogs,
              logRetentionDays: config.protection.logRetentionDays,
              noncurrentVersionExpirationDays: config.storage.noncurrentVersionExpirationDays,
              retainOnDelete: config.protection.retainOnDelete,
          })
        : undefined;

    // What the pipeline's build roles may do to this stack: deploy (scoped) and preview (read-only).
    if (delivery && config.delivery) {
        new DeployerAccess(`${names.prefix}-deployer`, {
            ...account,
            names,
            region: config.region,
            tags: config.tags,
            deployRoleName: delivery.deployBuildRole.name,
            readOnlyRoleName: delivery.readOnlyBuildRole.name,
            boundaryArn: boundary.arn,
            assetBucket: storage.glueAssets.name,
            emptiesBucketsOnDelete: !config.protection.retainOnDelete,
            passRoles: [
                network.flowLogRole,
                ...(catalogEncryption ? [catalogEncryption.role] : []),
                ...sparkJobs.map((job) => etl.jobs[job].role),
                etl.warehouseLoad.role,
                workflow.eventsRole,
                warehouse.spectrumRole,
                warehouseSchema.role,
                ...(quicksight ? [quicksight.athenaRole] : []),
                ...(quicksight?.redshift ? [quicksight.redshift.vpcConnectionRole] : []),
                delivery.pipelineRole,
                delivery.readOnlyBuildRole,
                delivery.deployBuildRole,
            ],
            serviceLogGroupPatterns: [auditLogGroupPattern(warehouseName)],
            connectionArn: config.delivery.connectionArn,
            features: deployFeatures,
            conditionalReads: [
                ...(quicksightConfig.enabled ? (["goldTables"] as const) : []),
                ...(quicksightConfig.enabled && quicksightConfig.redshiftEnabled ? (["quicksightRedshiftCredentials"] as const) : []),
            ],
        });
    }

    return {
        environment: config.environment,
        region: config.region,
        vpcId: network.vpcId,
        privateSubnetIds: network.privateSubnetIds,
        buckets: {
            landing: storage.layers.landing.name,
            bronze: storage.layers.bronze.name,
            silver: storage.layers.silver.name,
            gold: storage.layers.gold.name,
            quarantine: storage.layers.quarantine.name,
            glueAssets: storage.glueAssets.name,
            athenaResults: storage.athenaResults.name,
            accessLogs: storage.accessLogs.name,
        },
        glue: {
            databases: catalog.databaseNames,
            securityConfiguration: etl.securityConfiguration.name,
            jobs: {
                bronze: etl.jobs.bronze.job.name,
                silver: etl.jobs.silver.job.name,
                gold: etl.jobs.gold.job.name,
                warehouseLoad: etl.warehouseLoad.job.name,
            },
            workflow: workflow.workflow.name,
        },
        warehouse: {
            namespace: warehouse.namespace.namespaceName,
            workgroup: warehouse.workgroup.workgroupName,
            endpoint: warehouse.workgroup.endpoints.apply((endpoints) => endpoints[0]?.address),
            database: warehouse.databaseName,
            adminSecretArn: warehouse.namespace.adminPasswordSecretArn,
            clientSecurityGroup: warehouse.clientSecurityGroup.id,
            schemaFunction: warehouseSchema.function.name,
            schemaHash: warehouseSchema.schemaHash,
        },
        secrets: { restSourceCredentials: secrets.restSourceCredentials.arn, pulumiBackend: secrets.pulumiBackend.arn },
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
        alertTopic: alerts.topic.arn,
        kmsKeys: {
            dataLake: keys.dataLake.arn,
            logs: keys.logs.arn,
            secrets: keys.secrets.arn,
            warehouse: keys.warehouse.arn,
            delivery: keys.delivery.arn,
        },
        delivery: delivery && {
            pipeline: delivery.pipeline.name,
            artifactsBucket: delivery.artifactsBucket.name,
            notificationTopic: delivery.topic.arn,
            readOnlyBuildRole: delivery.readOnlyBuildRole.arn,
            deployBuildRole: delivery.deployBuildRole.arn,
        },
    };
};
