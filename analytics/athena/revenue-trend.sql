-- Revenue trend: orders, revenue and refunds per day and currency, with 7-day moving averages.
-- An average covers the 7 calendar days ending on order_date; a day without sales counts as 0.
-- Currencies are never added together: gold holds no exchange rates.
WITH daily AS (
    SELECT
        order_date,
        currency,
        SUM(orders) AS orders,
        SUM(revenue) AS revenue,
        SUM(refunds) AS refunds
    FROM daily_sales
    GROUP BY order_date, currency
)
SELECT
    d.order_date,
    d.currency,
    d.orders,
    d.revenue,
    d.refunds,
    CAST(SUM(w.orders) / 7.0 AS DECIMAL(18, 2)) AS orders_7d_avg,
    CAST(SUM(w.revenue) / 7 AS DECIMAL(18, 2)) AS revenue_7d_avg
FROM daily AS d
JOIN daily AS w
    ON w.currency = d.currency
    AND w.order_date BETWEEN date_add('day', -6, d.order_date) AND d.order_date
GROUP BY d.order_date, d.currency, d.orders, d.revenue, d.refunds
ORDER BY d.currency, d.order_date
