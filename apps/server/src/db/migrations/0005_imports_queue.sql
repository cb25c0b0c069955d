-- Imports run as background jobs: the uploaded file waits in the run until a worker takes it (any
-- process of a PostgreSQL deployment may), and is cleared once the run ends. A run is 'queued'
-- until then. The error report keeps at most 10,000 rows; error_count has them all.

ALTER TABLE import_run DROP CONSTRAINT import_run_status_check;
ALTER TABLE import_run ADD CONSTRAINT import_run_status_check
  CHECK (status IN ('queued', 'validating', 'rejected', 'applying', 'applied', 'failed'));

ALTER TABLE import_run
  ADD COLUMN file        bytea,
  ADD COLUMN sheet       text,
  ADD COLUMN error_count integer NOT NULL DEFAULT 0,
  -- Why a run failed outright (not a row's fault), in Vietnamese and English.
  ADD COLUMN message     text,
  ADD COLUMN message_en  text,
  -- The units the run wrote to (their longest common path): who may read the run besides its author.
  ADD COLUMN unit_path   text COLLATE "C";

-- A user's recent runs.
CREATE INDEX import_run_creator_idx ON import_run (tenant_id, created_by, created_at);
