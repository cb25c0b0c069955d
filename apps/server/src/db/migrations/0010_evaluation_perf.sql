-- Periodic evaluation at city scale (docs/PERFORMANCE.md, "Periodic evaluation (issue 4)").

-- recordAudit appends with one statement: the head's UPDATE returns the hash it replaced through this
-- column (RETURNING gives only new values), and the entry is inserted from that RETURNING. Scratch only:
-- the chain itself is audit_log.prev_hash / hash, as before.
ALTER TABLE audit_head ADD COLUMN prev_hash text;

-- The completion monitor and the cycle's counts per state read a cycle's evaluations under a path range
-- and need only these three columns: index-only with the covering index, which replaces the plain one.
CREATE INDEX evaluation_cycle_unit_cover_idx ON evaluation (tenant_id, cycle_id, unit_path)
  INCLUDE (state, grade, late);
DROP INDEX evaluation_cycle_unit_idx;

-- The monitor's late list (few rows; `late` had no index, so it scanned the cycle).
CREATE INDEX evaluation_cycle_late_idx ON evaluation (tenant_id, cycle_id, unit_path) WHERE late;
