-- Data quality: quarantined records per run day, dataset and reason (the first rule a record
-- broke, or malformed when the line was not a record), and how many landing files they came
-- from. The run summaries in the quarantine bucket (_run_summaries/) hold the read counts.
WITH quarantined AS (
    {{quarantined_records}}
)
SELECT
    run_date,
    dataset,
    reason,
    COUNT(*) AS records,
    COUNT(DISTINCT source_file) AS source_files
FROM quarantined
GROUP BY run_date, dataset, reason
ORDER BY run_date DESC, dataset, records DESC, reason
