import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ResourceNames } from "../naming/resource-names";
import type { DatasetSpec } from "./dataset-specs";

/** Layers with a catalog database; landing is raw files and quarantine is read by reason, not by table. */
export const catalogLayers = ["bronze", "silver", "gold"] as const;
export type CatalogLayer = (typeof catalogLayers)[number];

export interface LakehouseCatalogArgs {
    readonly names: ResourceNames;
    /** Bucket name per layer; each database's location, where Iceberg puts its tables. */
    readonly bucketNames: Readonly<Record<CatalogLayer, pulumi.Input<string>>>;
    /** Encrypts catalog metadata and connection passwords. */
    readonly dataLakeKey: aws.kms.Key;
    readonly datasets: readonly DatasetSpec[];
    /** Keep databases and tables when the stack or resource is deleted. */
    readonly retainOnDelete: boolean;
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

/**
 * The Glue Data Catalog of the lake: a database per layer, catalog encryption, the bronze tables
 * and the Data Quality rulesets of the silver tables.
 *
 * - Bronze tables are declared here: their schema is owned by code (the bronze job writes the
 *   same columns for every dataset). Partitions are found by partition projection, so no crawler
 *   or MSCK REPAIR is needed after a run.
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

        const { names, retainOnDelete } = args;
        const dataProtection: pulumi.CustomResourceOptions = { parent: this, protect: retainOnDelete, retainOnDelete };

        // One setting per account and region: a second stack in the same account sets the same values.
        new aws.glue.DataCatalogEncryptionSettings(
            `${name}-encryption`,
            {
                dataCatalogEncryptionSettings: {
                    encryptionAtRest: { catalogEncryptionMode: "SSE-KMS", sseAwsKmsKeyId: args.dataLakeKey.arn },
                    connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, awsKmsKeyId: args.dataLakeKey.arn },
                },
            },
            { parent: this },
        );

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
                    dataProtection,
                ),
            ]),
        ) as Record<CatalogLayer, aws.glue.CatalogDatabase>;

        for (const dataset of args.datasets) {
            const location = pulumi.interpolate`s3://${args.bucketNames.bronze}/${dataset.name}/`;
            new aws.glue.CatalogTable(
                `${name}-bronze-${dataset.name}`,
                {
                    name: dataset.name,
                    databaseName: this.databases.bronze.name,
                    description: `Raw ${dataset.name} lines with ingestion metadata. ${dataset.description}`.trim(),
                    tableType: "EXTERNAL_TABLE",
                    parameters: {
                        EXTERNAL: "TRUE",
                        classification: "parquet",
                        "projection.enabled": "true",
                        "projection.ingest_date.type": "date",
                        "projection.ingest_date.format": "yyyy-MM-dd",
                        "projection.ingest_date.range": "2020-01-01,NOW",
                        "projection.ingest_date.interval": "1",
                        "projection.ingest_date.interval.unit": "DAYS",
                        "storage.location.template": pulumi.interpolate`${location}ingest_date=\${ingest_date}/`,
                    },
                    partitionKeys: [{ name: "ingest_date", type: "date", comment: "UTC date of the bronze run." }],
                    storageDescriptor: {
                        location,
                        inputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
                        outputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
                        serDeInfo: { serializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe" },
                        columns: bronzeColumns.map((column) => ({ ...column })),
                    },
                },
                dataProtection,
            );
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
