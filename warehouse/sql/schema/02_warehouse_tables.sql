-- Warehouse copies of the gold tables, owned by the deploying admin. CREATE TABLE IF NOT EXISTS
-- never alters an existing table: a change to a column, DISTSTYLE or SORTKEY of a deployed table
-- needs its own ALTER statement in a new file here.
-- The aggregates are small, so Redshift picks the distribution (AUTO starts with ALL and moves
-- to EVEN or KEY as a table grows); sort keys follow the filters analysts use: date ranges for
-- the daily tables, customer look-ups for lifetime value. Primary keys are informational in
-- Redshift; the MERGE keys keep them unique.
CREATE SCHEMA IF NOT EXISTS {warehouse_schema};

CREATE TABLE IF NOT EXISTS {warehouse_schema}.daily_sales (
    order_date DATE NOT NULL,
    channel VARCHAR(64) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    orders BIGINT NOT NULL,
    units BIGINT NOT NULL,
    revenue DECIMAL(18, 2) NOT NULL,
    refunds DECIMAL(18, 2) NOT NULL,
    PRIMARY KEY (order_date, channel, currency)
)
DISTSTYLE AUTO
SORTKEY (order_date);

CREATE TABLE IF NOT EXISTS {warehouse_schema}.customer_ltv (
    customer_id VARCHAR(256) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    orders BIGINT NOT NULL,
    revenue DECIMAL(18, 2) NOT NULL,
    first_order_ts TIMESTAMP NOT NULL,
    last_order_ts TIMESTAMP NOT NULL,
    country VARCHAR(2),
    segment VARCHAR(256),
    PRIMARY KEY (customer_id, currency)
)
DISTSTYLE AUTO
SORTKEY (customer_id);

CREATE TABLE IF NOT EXISTS {warehouse_schema}.product_daily (
    order_date DATE NOT NULL,
    product_id VARCHAR(256) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    units BIGINT NOT NULL,
    revenue DECIMAL(18, 2) NOT NULL,
    PRIMARY KEY (order_date, product_id, currency)
)
DISTSTYLE AUTO
SORTKEY (order_date, product_id);
