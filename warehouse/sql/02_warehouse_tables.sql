-- Warehouse copies of the gold tables. Portable types only, so the same DDL runs on PostgreSQL.
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
);

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
);

CREATE TABLE IF NOT EXISTS {warehouse_schema}.product_daily (
    order_date DATE NOT NULL,
    product_id VARCHAR(256) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    units BIGINT NOT NULL,
    revenue DECIMAL(18, 2) NOT NULL,
    PRIMARY KEY (order_date, product_id, currency)
);
