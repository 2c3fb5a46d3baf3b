/**
 * Resource types that hold data: what a pulumi destroy or a replacement must not take with it in
 * prod. The rule checks them and the program's data-protection transform applies the same list.
 */
export const DEFAULT_DATA_BEARING_TYPES = [
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketV2:BucketV2",
    "aws:kms/key:Key",
    "aws:dynamodb/table:Table",
    "aws:secretsmanager/secret:Secret",
    "aws:redshiftserverless/namespace:Namespace",
    "aws:glue/catalogDatabase:CatalogDatabase",
    "aws:glue/catalogTable:CatalogTable",
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:sqs/queue:Queue",
] as const;
