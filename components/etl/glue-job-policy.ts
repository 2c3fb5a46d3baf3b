import type { PolicyStatement } from "../../lib/iam/documents";

/** Access to objects under prefixes of one bucket; `"*"` alone means the whole bucket. */
export interface PrefixAccess {
    readonly bucket: string;
    readonly prefixes: readonly string[];
    /**
     * Reached only through Iceberg's S3FileIO, which addresses objects by their full keys: no folder
     * keys or `_$folder$` markers, unlike Spark's Hadoop file system.
     * @default false
     */
    readonly icebergOnly?: boolean;
}

/** Everything one Glue job may touch; `jobPolicy` turns it into an IAM document. */
export interface JobAccess {
    readonly read: readonly PrefixAccess[];
    readonly write: readonly PrefixAccess[];
    /** Databases whose tables the job reads. */
    readonly catalogRead: readonly string[];
    /** Databases in which the job creates and commits tables, with the tables (`*` for all). */
    readonly catalogWrite: readonly { readonly database: string; readonly tables: readonly string[] }[];
    /** CloudWatch metric namespaces the job publishes to. */
    readonly metricNamespaces: readonly string[];
    /** Glue Data Quality results publishing (the silver job evaluates DQDL). */
    readonly publishesDataQuality: boolean;
    /** Log group names (exact) and name patterns (ending in `*`) the job writes to. */
    readonly logGroups: readonly string[];
}

export interface PolicyContext {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    readonly dataLakeKeyArn: string;
}

/** `a/b/c` -> `a`, `a/b`, `a/b/c`: the folders a Hadoop file system checks or creates on the way to a path. */
const folders = (prefix: string): string[] => prefix.split("/").map((_, index, parts) => parts.slice(0, index + 1).join("/"));

/**
 * The keys under one bucket's prefixes: every object below each prefix and, for paths Spark's
 * Hadoop file system reaches (not Iceberg's S3FileIO, which uses full keys), the folder keys too:
 * `<folder>` itself, which exists() and mkdirs() HEAD (`withFolderKeys`), and the
 * `<folder>_$folder$` markers Glue's S3 file system writes beside the folders it creates.
 */
function keyArns(partition: string, access: PrefixAccess, withFolderKeys: boolean): string[] {
    return access.prefixes.flatMap((prefix) => {
        if (prefix === "*") return [`arn:${partition}:s3:::${access.bucket}/*`];
        const folderKeys = access.icebergOnly
            ? []
            : folders(prefix).flatMap((folder) => (withFolderKeys ? [folder, `${folder}_$folder$`] : [`${folder}_$folder$`]));
        return [`${prefix}/*`, ...folderKeys].map((key) => `arn:${partition}:s3:::${access.bucket}/${key}`);
    });
}

/**
 * The least-privilege policy of one job: object actions on exact prefixes (and the folder keys
 * Glue's file system touches beside them), listing of its buckets, catalog actions on named
 * databases and tables, the data-lake key only through S3 and Glue, its own log groups, and
 * metrics only in its namespaces.
 */
export function jobPolicy(access: JobAccess, context: PolicyContext): { Version: string; Statement: PolicyStatement[] } {
    const { partition, region, accountId } = context;
    const glueArn = (resource: string): string => `arn:${partition}:glue:${region}:${accountId}:${resource}`;
    const buckets = [...new Set([...access.read, ...access.write].map((entry) => entry.bucket))].sort();
    const statements: PolicyStatement[] = [
        {
            Sid: "ReadObjects",
            Effect: "Allow",
            Action: ["s3:GetObject"],
            Resource: [...new Set([...access.read, ...access.write].flatMap((a) => keyArns(partition, a, true)))],
        },
        // A job that only reads (the warehouse load) gets no write statement: IAM rejects an empty Resource.
        ...(access.write.length > 0
            ? [
                  {
                      Sid: "WriteObjects",
                      Effect: "Allow",
                      Action: ["s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
                      Resource: [...new Set(access.write.flatMap((a) => keyArns(partition, a, false)))],
                  },
              ]
            : []),
        // S3 answers a HEAD of a missing key with 404 only to a caller with s3:ListBucket (403
        // otherwise: HeadObject API reference), and Hadoop's exists() HEADs keys that may not exist
        // yet (bronze's ledger on a first run). A HEAD sends no s3:prefix (observed, not documented),
        // so the listing is granted on the whole bucket rather than under a prefix condition.
        {
            Sid: "ListAndLocateBuckets",
            Effect: "Allow",
            Action: ["s3:ListBucket", "s3:GetBucketLocation"],
            Resource: buckets.map((b) => `arn:${partition}:s3:::${b}`),
        },
        {
            Sid: "UseDataLakeKeyThroughS3AndGlue",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: context.dataLakeKeyArn,
            Condition: { StringEquals: { "kms:ViaService": [`s3.${region}.amazonaws.com`, `glue.${region}.amazonaws.com`] } },
        },
        {
            Sid: "WriteOwnLogGroups",
            Effect: "Allow",
            Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:AssociateKmsKey"],
            Resource: access.logGroups.flatMap((group) => {
                const arn = `arn:${partition}:logs:${region}:${accountId}:log-group:${group}`;
                return group.endsWith("*") ? [arn] : [arn, `${arn}:*`];
            }),
        },
        {
            Sid: "PublishMetricsInOwnNamespaces",
            Effect: "Allow",
            Action: ["cloudwatch:PutMetricData"],
            Resource: "*",
            Condition: { StringEquals: { "cloudwatch:namespace": [...access.metricNamespaces] } },
        },
    ];
    const catalogDatabases = [...new Set([...access.catalogRead, ...access.catalogWrite.map((entry) => entry.database)])].sort();
    if (catalogDatabases.length > 0) {
        statements.push({
            Sid: "ReadCatalog",
            Effect: "Allow",
            Action: ["glue:GetDatabase", "glue:GetTable", "glue:GetTables"],
            Resource: [
                glueArn("catalog"),
                ...catalogDatabases.flatMap((database) => [glueArn(`database/${database}`), glueArn(`table/${database}/*`)]),
            ],
        });
    }
    if (access.catalogWrite.length > 0) {
        statements.push({
            Sid: "CommitTables",
            Effect: "Allow",
            Action: ["glue:CreateTable", "glue:UpdateTable"],
            Resource: [
                glueArn("catalog"),
                ...access.catalogWrite.flatMap(({ database, tables }) => [
                    glueArn(`database/${database}`),
                    ...tables.map((table) => glueArn(`table/${database}/${table}`)),
                ]),
            ],
        });
    }
    if (access.publishesDataQuality) {
        statements.push({
            Sid: "PublishDataQualityResults",
            Effect: "Allow",
            Action: ["glue:PublishDataQuality"],
            Resource: glueArn("dataQualityRuleset/*"),
        });
    }
    return { Version: "2012-10-17", Statement: statements };
}

/**
 * What the warehouse load adds to its job policy: the Data API batch and IAM sign-in
 * (`GetCredentials`, as the database user `IAMR:<role name>`) on exactly this workgroup, and the
 * status of its own statements (DescribeStatement has no resource type; the owner condition
 * limits it to statements this role's session ran).
 */
export function warehouseLoadStatements(workgroupArn: string): PolicyStatement[] {
    return [
        { Sid: "RunMergesOnTheWarehouse", Effect: "Allow", Action: ["redshift-data:BatchExecuteStatement"], Resource: workgroupArn },
        { Sid: "SignInWithIamCredentials", Effect: "Allow", Action: ["redshift-serverless:GetCredentials"], Resource: workgroupArn },
        {
            Sid: "FollowOwnStatements",
            Effect: "Allow",
            Action: ["redshift-data:DescribeStatement"],
            Resource: "*",
            Condition: { StringEquals: { "redshift-data:statement-owner-iam-userid": "${aws:userid}" } },
        },
    ];
}
