import type { DataLayer } from "../../config";
import schemas from "./lake-schemas.json";

/** One column as the Glue jobs write it: name and Spark SQL type (`bigint`, `decimal(18,2)`, ...). */
export interface LakeColumn {
    readonly name: string;
    readonly type: string;
}

/**
 * Columns of the tables the Glue jobs write, rendered from the job code by
 * glue-scripts/lake_schemas.py (`npm run generate:lake-schemas`); a Python test fails when the
 * file and the jobs disagree, so the catalog and the BI datasets never restate a schema.
 */
export const lakeSchemas: {
    /** Gold Iceberg tables, in the gold job's column order. */
    readonly gold: Readonly<Record<string, readonly LakeColumn[]>>;
    readonly quarantine: {
        /** Every quarantine column, partition folders included. */
        readonly columns: readonly LakeColumn[];
        /** Folders the silver job nests quarantine files in, outermost first (`run_date=...`). */
        readonly partitionFolders: readonly string[];
    };
    /**
     * Per layer, the key prefixes that hold only data files (`{dataset}` and `{table}` stand for
     * each dataset and gold table): the only keys lifecycle rules may tier or expire.
     */
    readonly dataFilePrefixes: Readonly<Record<DataLayer, readonly string[]>>;
} = schemas;

/** The lake's data-file prefixes with `{dataset}` and `{table}` expanded for these datasets and gold tables. */
export function dataFilePrefixes(datasets: readonly string[], goldTables: readonly string[]): Record<DataLayer, string[]> {
    return Object.fromEntries(
        Object.entries(lakeSchemas.dataFilePrefixes).map(([layer, templates]) => [
            layer,
            templates.flatMap((template) =>
                template.includes("{table}")
                    ? goldTables.map((table) => template.replace("{table}", table))
                    : datasets.map((dataset) => template.replace("{dataset}", dataset)),
            ),
        ]),
    ) as Record<DataLayer, string[]>;
}
