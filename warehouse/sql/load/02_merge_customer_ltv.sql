-- Upsert every gold row, then drop warehouse rows whose group gold no longer has.
MERGE INTO {warehouse_schema}.customer_ltv
USING {external_schema}.customer_ltv AS src
ON {warehouse_schema}.customer_ltv.customer_id = src.customer_id
    AND {warehouse_schema}.customer_ltv.currency = src.currency
WHEN MATCHED THEN UPDATE SET
    orders = src.orders,
    revenue = src.revenue,
    first_order_ts = src.first_order_ts,
    last_order_ts = src.last_order_ts,
    country = src.country,
    segment = src.segment
WHEN NOT MATCHED THEN INSERT (customer_id, currency, orders, revenue, first_order_ts,
        last_order_ts, country, segment)
    VALUES (src.customer_id, src.currency, src.orders, src.revenue, src.first_order_ts,
        src.last_order_ts, src.country, src.segment);

DELETE FROM {warehouse_schema}.customer_ltv
WHERE NOT EXISTS (
    SELECT 1 FROM {external_schema}.customer_ltv AS src
    WHERE src.customer_id = {warehouse_schema}.customer_ltv.customer_id
        AND src.currency = {warehouse_schema}.customer_ltv.currency
);
