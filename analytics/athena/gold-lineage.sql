-- Lineage: one daily_sales row back to the landing files. Parameters, in order: order_date
-- ('YYYY-MM-DD'), channel, currency. Lists the gold row beside every silver transaction it
-- aggregates (completed and refunded), with the landing file and line each one came from.
WITH gold_key AS (
    SELECT
        CAST(? AS DATE) AS order_date,
        CAST(? AS VARCHAR) AS channel,
        CAST(? AS VARCHAR) AS currency
)
SELECT
    g.order_date,
    g.channel,
    g.currency,
    g.orders,
    g.revenue,
    g.refunds,
    t.transaction_id,
    t.status,
    t.quantity,
    t.amount,
    t.transaction_ts,
    t.source_file,
    t.line_number,
    t.ingest_ts,
    t.batch_id
FROM gold_key AS k
JOIN daily_sales AS g
    ON g.order_date = k.order_date
    AND g.channel = k.channel
    AND g.currency = k.currency
-- A range on transaction_ts, not date(transaction_ts), so Iceberg prunes to the day's partition.
JOIN {{silver_database}}.transactions AS t
    ON t.channel = k.channel
    AND t.currency = k.currency
    AND t.transaction_ts >= CAST(k.order_date AS TIMESTAMP)
    AND t.transaction_ts < CAST(date_add('day', 1, k.order_date) AS TIMESTAMP)
WHERE t.status IN ('completed', 'refunded')
ORDER BY t.source_file, t.line_number
