-- Spectrum schema over the gold Glue database; Redshift reads the gold Iceberg tables through it.
CREATE EXTERNAL SCHEMA IF NOT EXISTS {external_schema}
FROM DATA CATALOG
DATABASE '{gold_database}'
IAM_ROLE '{iam_role_arn}';
