-- Report builder (docs/REPORTS.md, "Report builder"): the custom templates of the six-month and
-- year-end review reports (the two built-in ones live in the code), and the runs that build a report
-- for a subtree and period in the background: progress, the figures as printed, when they were read,
-- the rule-set versions in force, and the three files (.docx, .xlsx, PDF) in stored_file.

CREATE TABLE report_template (
  tenant_id   uuid NOT NULL REFERENCES tenant (id),
  id          uuid NOT NULL,
  unit_id     uuid NOT NULL,
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('midYear', 'yearEnd', 'custom')),
  sections    jsonb NOT NULL,
  created_by  uuid,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  -- Soft deletion: runs keep pointing at what they were built from.
  deleted_at  timestamptz,
  version     integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id)
);
CREATE INDEX report_template_unit_idx ON report_template (tenant_id, unit_id);

CREATE TABLE report_run (
  tenant_id        uuid NOT NULL REFERENCES tenant (id),
  id               uuid NOT NULL,
  -- 'builtin-midYear', 'builtin-yearEnd' or the id of a report_template.
  template_id      text NOT NULL,
  template_name    text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('midYear', 'yearEnd', 'custom')),
  -- The sections as they were when the run was asked for.
  template         jsonb NOT NULL,
  unit_id          uuid NOT NULL,
  period_from      date NOT NULL,
  period_to        date NOT NULL,
  as_of            date NOT NULL,
  document_number  text,
  place            text,
  issue_date       date NOT NULL,
  state            text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  sections_done    integer NOT NULL DEFAULT 0,
  sections_total   integer NOT NULL,
  job_id           uuid,
  error            text,
  data             jsonb,
  data_read_at     timestamptz,
  rule_sets        jsonb NOT NULL DEFAULT '[]',
  docx_file_id     uuid,
  xlsx_file_id     uuid,
  pdf_file_id      uuid,
  created_by       uuid,
  created_at       timestamptz NOT NULL,
  started_at       timestamptz,
  finished_at      timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id),
  FOREIGN KEY (tenant_id, docx_file_id) REFERENCES stored_file (tenant_id, id),
  FOREIGN KEY (tenant_id, xlsx_file_id) REFERENCES stored_file (tenant_id, id),
  FOREIGN KEY (tenant_id, pdf_file_id) REFERENCES stored_file (tenant_id, id),
  CHECK (period_to >= period_from)
);
CREATE INDEX report_run_unit_idx ON report_run (tenant_id, unit_id, created_at);
CREATE INDEX report_run_created_idx ON report_run (tenant_id, created_at);
