-- The control dashboard (docs/CONTROL.md): thresholds of the formalism signals, per tenant (unit_id NULL)
-- or overriding them for a subtree (the nearest override above a unit applies), and the indexes the
-- signals' per-unit aggregates need at city scale.

CREATE TABLE control_threshold (
  tenant_id  uuid NOT NULL REFERENCES tenant (id),
  id         uuid NOT NULL,
  unit_id    uuid,
  unit_path  text COLLATE "C",
  thresholds jsonb NOT NULL,
  version    integer NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id),
  CHECK ((unit_id IS NULL) = (unit_path IS NULL))
);
-- One tenant-wide setting, one override per unit.
CREATE UNIQUE INDEX control_threshold_tenant_idx ON control_threshold (tenant_id) WHERE unit_id IS NULL;
CREATE UNIQUE INDEX control_threshold_unit_idx ON control_threshold (tenant_id, unit_id) WHERE unit_id IS NOT NULL;

-- Steps of a cycle's evaluations are read per evaluation (the unique (tenant_id, evaluation_id, seq)
-- index); the signals need only these columns of the review, decision and reopening steps, so a
-- partial covering index keeps the join off the heap for everything but the scores comparison.
CREATE INDEX evaluation_step_control_idx ON evaluation_step (tenant_id, evaluation_id)
  INCLUDE (action, bulk, opened_at, at)
  WHERE action IN ('review', 'decide', 'reopen');
