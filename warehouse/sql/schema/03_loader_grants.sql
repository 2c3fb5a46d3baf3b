-- Exactly what the warehouse-load MERGEs (warehouse/sql/load/) need, granted to the database
-- user of the loader's IAM role (the deploy function creates that user first).
-- Spectrum: external tables take no SELECT grant; USAGE on the external schema and TEMP on the
-- database are what a Spectrum query needs (TEMP is PUBLIC's by default; granted in case a
-- hardened database revoked it).
GRANT USAGE ON SCHEMA {external_schema} TO "{loader_user}";
GRANT TEMP ON DATABASE {database} TO "{loader_user}";
-- MERGE reads and writes the targets; the follow-up DELETE removes vanished groups.
GRANT USAGE ON SCHEMA {warehouse_schema} TO "{loader_user}";
GRANT SELECT, INSERT, UPDATE, DELETE
    ON {warehouse_schema}.daily_sales, {warehouse_schema}.customer_ltv, {warehouse_schema}.product_daily
    TO "{loader_user}";
