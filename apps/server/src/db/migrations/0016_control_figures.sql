-- Stored control figures (docs/CONTROL.md, "How it is computed"): the per-unit counts of the control
-- signals, computed set-wise for a whole cycle at once and read by the dashboard, the drill-down and the
-- trends instead of aggregating the cycle's evaluations and steps on every request.

-- One row per cycle that has figures: when they were computed and whether a later change of a closed
-- cycle (a reopened result and the steps after it, the close itself) has made them stale: `version` is
-- raised by such a change in its own transaction, `computed_version` is the version the stored figures
-- reflect. Open cycles are refreshed by age (CANBO_CONTROL_FIGURES_MAX_AGE_MINUTES).
CREATE TABLE control_snapshot (
  tenant_id        uuid NOT NULL REFERENCES tenant (id),
  cycle_id         uuid NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  computed_version integer NOT NULL DEFAULT 0,
  computed_at      timestamptz,
  PRIMARY KEY (tenant_id, cycle_id),
  FOREIGN KEY (tenant_id, cycle_id) REFERENCES eval_cycle (tenant_id, id)
);

-- Per (cycle, evaluated unit, the unit's path as copied at enrolment): everything the signals need
-- that does not depend on thresholds. A subtree is a range of unit_path (the primary key's order).
-- clusters: {"size": number of clusters of identical score vectors of that size}, sizes from 2.
-- decided_* count decided results (states decided, published, complained, final) by grade.
CREATE TABLE control_figures (
  tenant_id        uuid NOT NULL,
  cycle_id         uuid NOT NULL,
  unit_path        text COLLATE "C" NOT NULL,
  unit_id          uuid NOT NULL,
  enrolled         integer NOT NULL,
  decided          integer NOT NULL,
  self_assessed    integer NOT NULL,
  self_max         integer NOT NULL,
  graded           integer NOT NULL,
  excellent        integer NOT NULL,
  good             integer NOT NULL,
  completed        integer NOT NULL,
  not_completed    integer NOT NULL,
  late             integer NOT NULL,
  scored           integer NOT NULL,
  review_steps     integer NOT NULL,
  unchanged_steps  integer NOT NULL,
  act_steps        integer NOT NULL,
  bulk_steps       integer NOT NULL,
  timed_steps      integer NOT NULL,
  median_seconds   double precision,
  reopened         integer NOT NULL,
  clusters         jsonb NOT NULL,
  PRIMARY KEY (tenant_id, cycle_id, unit_path, unit_id),
  FOREIGN KEY (tenant_id, cycle_id) REFERENCES control_snapshot (tenant_id, cycle_id)
);
-- One unit's rows (the drill-down) without scanning its whole subtree's range.
CREATE INDEX control_figures_unit_idx ON control_figures (tenant_id, cycle_id, unit_id);

-- The median time of review and decision steps of every subtree that has timed steps (a median does not
-- add up from the units' medians): one row per path prefix of the cycle's unit paths.
CREATE TABLE control_subtree_figures (
  tenant_id       uuid NOT NULL,
  cycle_id        uuid NOT NULL,
  path            text COLLATE "C" NOT NULL,
  timed_steps     integer NOT NULL,
  median_seconds  double precision NOT NULL,
  PRIMARY KEY (tenant_id, cycle_id, path),
  FOREIGN KEY (tenant_id, cycle_id) REFERENCES control_snapshot (tenant_id, cycle_id)
);
