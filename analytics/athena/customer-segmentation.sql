-- Customer segmentation: lifetime-value quartiles within each currency, by country and segment.
-- Quartile 4 holds the top quarter of customers by completed revenue in that currency (bands are
-- relative, so they mean the same in JPY and in EUR). A customer whose profile has not landed
-- yet, or who has no segment, shows as 'unknown'.
WITH ranked AS (
    SELECT
        customer_id,
        currency,
        orders,
        revenue,
        COALESCE(country, 'unknown') AS country,
        COALESCE(segment, 'unknown') AS segment,
        NTILE(4) OVER (PARTITION BY currency ORDER BY revenue, customer_id) AS ltv_quartile
    FROM customer_ltv
)
SELECT
    country,
    segment,
    currency,
    ltv_quartile,
    COUNT(*) AS customers,
    SUM(orders) AS orders,
    SUM(revenue) AS revenue,
    CAST(AVG(revenue) AS DECIMAL(18, 2)) AS avg_revenue
FROM ranked
GROUP BY country, segment, currency, ltv_quartile
ORDER BY currency, ltv_quartile DESC, revenue DESC, country, segment
