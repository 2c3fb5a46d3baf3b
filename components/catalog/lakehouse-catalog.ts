import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DatasetSpec } from "./dataset-specs";
import { lakeSchemas } from "./lake-tables";
import type { StackContext } from "../../lib/stack-context";

/** Layers with a catalog database; landing holds raw files that bronze tables make queryable. */
export const catalogLayers = ["bronze", "silver", "gold", "quarantine"] as const;
export type CatalogLayer = (typeof catalogLayers)[number];

export interface LakehouseCatalogArgs {
    /** Where the stack deploys, how it names things and protects its data. */
    readonly context: StackContext;
    /** Bucket name per layer; each database's location, where Iceberg puts its tables. */
    readonly bucketNames: Readonly<Record<CatalogLayer, pulumi.Input<string>>>;
    /** The account's catalog encryption, where this stack manages it: every database and table is created after it. */
    readonly encryption?: aws.glue.DataCatalogEncryptionSettings;
    readonly datasets: readonly DatasetSpec[];
}

/** One bronze row, as glue-scripts/lakehouse/bronze.py BRONZE_SCHEMA writes it (partition column apart). */
export const bronzeColumns: readonly { name: string; type: string; comment: string }[] = [
    { name: "source_file", type: "string", comment: "Landing object the line came from." },
    { name: "line_number", type: "int", comment: "1-based line in the source file." },
    { name: "format", type: "string", comment: "json or csv." },
    { name: "raw", type: "string", comment: "The line as received (BOM and CR removed)." },
    { name: "payload", type: "string", comment: "The record as a JSON object; null when the line is not a record." },
    { name: "ingest_ts", type: "timestamp", comment: "When the bronze job read the line (UTC)." },
    { name: "batch_id", type: "string", comment: "Bronze run that ingested the line." },
];

/** Partition projection over daily `<name>=yyyy-MM-dd` folders, so no crawler or MSCK REPAIR is needed. */
function dailyProjection(key: string, location: pulumi.Output<string>): Record<string, pulumi.Input<string>> {
    return {
        "projection.enabled": "true",
        [`projection.${key}.type`]: "date",
        [`projection.${key}.format`]: "yyyy-MM-dd",
        [`projection.${key}.range`]: "2020-01-01,NOW",
        [`projection.${key}.interval`]: "1",
        [`projection.${key}.interval.unit`]: "DAYS",
        "storage.location.template": pulumi.interpolate`${location}${key}=\${${key}}/`,
    };
}

const parquetStorage = {
    inputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
    outputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
    serDeInfo: { serializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe" },
};

/**
 * The Glue Data Catalog of the lake: a database per layer, the bronze and quarantine tables and
 * the Data Quality rulesets of the silver tables. The catalog's encryption is the account's
 * (DataCatalogEncryption); objects created before it would stay unencrypted, so they wait for it.
 *
 * - Bronze tables are declared here: their schema is owned by code (the bronze job writes the
 *   same columns for every dataset). Partitions are found by partition projection, so no crawler
 *   or MSCK REPAIR is needed after a run.
 * - Quarantine tables (one per dataset) are declared here too, with the columns the silver job
 *   writes (lake-schemas.json, rendered from the job code). Files sit in
 *   `<dataset>/run_date=<date>/batch_id=<id>/`; run_date is the projected partition key and Athena
 *   reads the batch folders beneath it, so every rejected line of a day is one partition.
 * - Silver and gold are Iceberg tables the jobs create (`CREATE TABLE IF NOT EXISTS`) and commit
 *   to on every run; a table resource here would fight each Iceberg commit over the schema and
 *   metadata location. Their databases set the location, so Iceberg puts them in the layer's bucket.
 * - No crawler: every schema in the lake is owned by code (specs, bronze schema, Iceberg DDL).
 * - Data Quality rulesets carry no target table because silver tables exist only after the first
 *   run; the silver job evaluates the same DQDL on each run's new rows.
 */
export class LakehouseCatalog extends pulumi.ComponentResource {
    readonly databases: Readonly<Record<CatalogLayer, aws.glue.CatalogDatabase>>;
    /** Database names, known before deployment, for IAM policies and job arguments. */
    readonly databaseNames: Readonly<Record<CatalogLayer, string>>;
    readonly rulesets: readonly aws.glue.DataQualityRuleset[];

    constructor(name: string, args: LakehouseCatalogArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:catalog:LakehouseCatalog", name, {}, opts);
        const { names } = args.context;
        const afterEncryption: pulumi.CustomResourceOptions = {
            parent: this,
            dependsOn: args.encryption ? [args.encryption] : [],
        };

        this.databaseNames = Object.fromEntries(catalogLayers.map((layer) => [layer, names.catalog(layer)])) as Record<
            CatalogLayer,
            string
        >;
        this.databases = Object.fromEntries(
            catalogLayers.map((layer) => [
                layer,
                new aws.glue.CatalogDatabase(
                    `${name}-${layer}`,
                    {
                        name: this.databaseNames[layer],
                        description: `The ${layer} layer of the ${names.prefix} lakehouse.`,
                        locationUri: pulumi.interpolate`s3://${args.bucketNames[layer]}/`,
                    },
                    afterEncryption,
                ),
            ]),
        ) as Record<CatalogLayer, aws.glue.CatalogDatabase>;

        /** A Parquet table whose daily partitions Athena finds by projection. */
        const projectedParquetTable = (
            resourceName: string,
            table: {
                database: aws.glue.CatalogDatabase;
                name: string;
                description: string;
                location: pulumi.Output<string>;
                partitionKey: { name: string; type: string; comment: string };
                columns: readonly { name: string; type: string; comment?: string }[];
            },
        ): aws.glue.CatalogTable =>
            new aws.glue.CatalogTable(
                resourceName,
                {
                    name: table.name,
                    databaseName: table.database.name,
                    description: table.description,
                    tableType: "EXTERNAL_TABLE",
                    parameters: {
                        EXTERNAL: "TRUE",
                        classification: "parquet",
                        ...dailyProjection(table.partitionKey.name, table.location),
                    },
                    partitionKeys: [table.partitionKey],
                    storageDescriptor: {
                        location: table.location,
                        ...parquetStorage,
                        columns: table.columns.map((column) => ({ ...column })),
                    },
                },
                afterEncryption,
            );

        for (const dataset of args.datasets) {
            projectedParquetTable(`${name}-bronze-${dataset.name}`, {
                database: this.databases.bronze,
                name: dataset.name,
                description: `Raw ${dataset.name} lines with ingestion metadata. ${dataset.description}`.trim(),
                location: pulumi.interpolate`s3://${args.bucketNames.bronze}/${dataset.name}/`,
                partitionKey: { name: "ingest_date", type: "date", comment: "UTC date of the bronze run." },
                columns: bronzeColumns,
            });
        }

        const [dayFolder] = lakeSchemas.quarantine.partitionFolders;
        const dayColumn = lakeSchemas.quarantine.columns.find((column) => column.name === dayFolder);
        if (dayFolder === undefined || dayColumn === undefined) {
            throw new Error("lake-schemas.json: the quarantine files have no run-date folder; run npm run generate:lake-schemas");
        }
        for (const dataset of args.datasets) {
            projectedParquetTable(`${name}-quarantine-${dataset.name}`, {
                database: this.databases.quarantine,
                name: dataset.name,
                description: `${dataset.name} lines the silver job rejected, each with the reason (the first rule it broke, or malformed).`,
                location: pulumi.interpolate`s3://${args.bucketNames.quarantine}/${dataset.name}/`,
                partitionKey: { ...dayColumn, comment: "Run date of the silver job that rejected the line." },
                columns: lakeSchemas.quarantine.columns.filter((column) => !lakeSchemas.quarantine.partitionFolders.includes(column.name)),
            });
        }

        this.rulesets = args.datasets.map(
            (dataset) =>
                new aws.glue.DataQualityRuleset(
                    `${name}-dq-${dataset.name}`,
                    {
                        name: names.resource(`silver-${dataset.name}`),
                        description: `Contract of the silver ${dataset.name} table, rendered from datasets/${dataset.name}.yaml.`,
                        ruleset: dataset.ruleset,
                    },
                    { parent: this },
                ),
        );

        this.registerOutputs({ databases: this.databaseNames });
    }
}
