-- Reports on a year of periodic results (bench/reports.bench.ts, docs/PERFORMANCE.md "Control dashboard
-- and year-end report over HTTP"). The evaluation indicators of the report builder (evaluations.completion,
-- evaluations.grades, evaluations.quota) aggregate every result of the year's cycles by cycle, unit,
-- post group, state and grade. Without this index each of them reads the whole evaluation heap
-- (~930 MB for the city dataset's 1.1 million monthly results: scores, paths and rule data make a row
-- ~850 bytes), because no index holds unit_id and title_group. This covering index (~105 MB there)
-- lets all three run as index-only scans (no heap fetch once vacuumed). Measured on PostgreSQL 15 with
-- the city dataset, 2 busy cores (load average ~9), medians of 3: quota 4.0 → 2.7 s, completion
-- 2.8 → 1.4 s, grades 2.1 → 1.6 s; the year-end report end to end 11.2–12.5 s → 8.7–10.6 s. Its cost
-- is one more index entry per evaluation insert; tenant_id leads, as everywhere (Citus).
CREATE INDEX IF NOT EXISTS evaluation_cycle_report_idx ON evaluation (tenant_id, cycle_id)
  INCLUDE (unit_id, state, grade, title_group);
