-- Upsert every gold row, then drop warehouse rows whose group gold no longer has.
-- Redshift MERGE takes no target alias, so the target is referenced by its name.
MERGE INTO {warehouse_schema}.daily_sales
USING {external_schema}.daily_sales AS src
ON {warehouse_schema}.daily_sales.order_date = src.order_date
    AND {warehouse_schema}.daily_sales.channel = src.channel
    AND {warehouse_schema}.daily_sales.currency = src.currency
WHEN MATCHED THEN UPDATE SET
    orders = src.orders,
    units = src.units,
    revenue = src.revenue,
    refunds = src.refunds
WHEN NOT MATCHED THEN INSERT (order_date, channel, currency, orders, units, revenue, refunds)
    VALUES (src.order_date, src.channel, src.currency, src.orders, src.units, src.revenue,
        src.refunds);

DELETE FROM {warehouse_schema}.daily_sales
WHERE NOT EXISTS (
    SELECT 1 FROM {external_schema}.daily_sales AS src
    WHERE src.order_date = {warehouse_schema}.daily_sales.order_date
        AND src.channel = {warehouse_schema}.daily_sales.channel
        AND src.currency = {warehouse_schema}.daily_sales.currency
);
