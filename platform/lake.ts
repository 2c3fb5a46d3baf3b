import type { PlatformConfig } from "../config";
import { DataCatalogEncryption } from "../components/catalog/data-catalog-encryption";
import { loadDatasetSpecs, type DatasetSpec } from "../components/catalog/dataset-specs";
import { dataFilePrefixes, lakeSchemas } from "../components/catalog/lake-tables";
import { LakehouseCatalog } from "../components/catalog/lakehouse-catalog";
import { deliveryArtifactsBucketPurpose } from "../components/cicd/delivery-pipeline";
import { MedallionStorage } from "../components/storage/medallion-storage";
import type { StackContext } from "../lib/stack-context";
import type { Foundation } from "./foundation";

export interface Lake {
    /** What each layer holds: the declared datasets. */
    readonly datasets: readonly DatasetSpec[];
    readonly storage: MedallionStorage;
    /** Where this stack manages the account's catalog encryption. */
    readonly catalogEncryption?: DataCatalogEncryption;
    readonly catalog: LakehouseCatalog;
}

/** Storage (landing -> bronze -> silver -> gold, quarantine beside them) and the catalog over it. */
export function lake(context: StackContext, config: PlatformConfig, { keys }: Foundation): Lake {
    const { names } = context;
    const datasets = loadDatasetSpecs();
    const storage = new MedallionStorage(`${names.prefix}-lake`, {
        context,
        dataLakeKey: keys.dataLake,
        lifecycle: config.storage.lifecycle,
        dataFilePrefixes: dataFilePrefixes(
            datasets.map((dataset) => dataset.name),
            Object.keys(lakeSchemas.gold),
        ),
        noncurrentVersionExpirationDays: config.storage.noncurrentVersionExpirationDays,
        accessLogExpirationDays: config.storage.accessLogExpirationDays,
        athenaResultsExpirationDays: config.storage.athenaResultsExpirationDays,
        additionalLoggedBucketNames: config.delivery ? [names.bucket(deliveryArtifactsBucketPurpose)] : [],
    });
    // The account's catalog encryption (one stack manages it, the others verify it), then a database
    // per layer, bronze and quarantine tables and DQ rulesets from the dataset specs.
    const catalogEncryption =
        config.catalog.encryption === "manage" ? new DataCatalogEncryption(`${names.prefix}-catalog-encryption`, { context }) : undefined;
    const catalog = new LakehouseCatalog(`${names.prefix}-catalog`, {
        context,
        encryption: catalogEncryption?.settings,
        bucketNames: {
            bronze: storage.layers.bronze.name,
            silver: storage.layers.silver.name,
            gold: storage.layers.gold.name,
            quarantine: storage.layers.quarantine.name,
        },
        datasets,
    });
    return { datasets, storage, catalogEncryption, catalog };
}

export function lakeOutputs({ storage, catalog }: Lake) {
    return {
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
        databases: catalog.databaseNames,
    };
}
