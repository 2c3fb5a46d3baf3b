-- Upsert every gold row, then drop warehouse rows whose group gold no longer has.
MERGE INTO {warehouse_schema}.product_daily
USING {external_schema}.product_daily AS src
ON {warehouse_schema}.product_daily.order_date = src.order_date
    AND {warehouse_schema}.product_daily.product_id = src.product_id
    AND {warehouse_schema}.product_daily.currency = src.currency
WHEN MATCHED THEN UPDATE SET
    units = src.units,
    revenue = src.revenue
WHEN NOT MATCHED THEN INSERT (order_date, product_id, currency, units, revenue)
    VALUES (src.order_date, src.product_id, src.currency, src.units, src.revenue);

DELETE FROM {warehouse_schema}.product_daily
WHERE NOT EXISTS (
    SELECT 1 FROM {external_schema}.product_daily AS src
    WHERE src.order_date = {warehouse_schema}.product_daily.order_date
        AND src.product_id = {warehouse_schema}.product_daily.product_id
        AND src.currency = {warehouse_schema}.product_daily.currency
);
