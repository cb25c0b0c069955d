-- Periodic evaluation (docs/EVALUATIONS.md): criteria frameworks, cycles, one evaluation per
-- person and cycle with its workflow steps, tasks with evidence, KPI records, delegations,
-- disqualifying findings and in-app notifications. Rule sets themselves are code (@canbo/domain).

-- A criteria framework: a rule set's breakdown owned by a unit, versioned within a family.
-- A published version never changes; evaluations point at the version they used.
CREATE TABLE eval_framework (
  tenant_id    uuid NOT NULL REFERENCES tenant (id),
  id           uuid NOT NULL,
  family_id    uuid NOT NULL,
  version_no   integer NOT NULL CHECK (version_no >= 1),
  rule_set_id  text NOT NULL,
  unit_id      uuid NOT NULL,
  name         text NOT NULL,
  status       text NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
  criteria     jsonb NOT NULL,
  parameters   jsonb NOT NULL DEFAULT '{}',
  based_on_id  uuid,
  published_at timestamptz,
  published_by uuid,
  created_by   uuid,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  version      integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, family_id, version_no),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id)
);
CREATE INDEX eval_framework_unit_idx ON eval_framework (tenant_id, unit_id);

-- A period of evaluation for a subtree under one framework version.
CREATE TABLE eval_cycle (
  tenant_id      uuid NOT NULL REFERENCES tenant (id),
  id             uuid NOT NULL,
  unit_id        uuid NOT NULL,
  unit_path      text COLLATE "C" NOT NULL,
  framework_id   uuid NOT NULL,
  rule_set_id    text NOT NULL,
  period_kind    text NOT NULL CHECK (period_kind IN ('month', 'quarter')),
  period_start   date NOT NULL,
  period_end     date NOT NULL,
  label          text NOT NULL,
  status         text NOT NULL CHECK (status IN ('open', 'closed')),
  self_due       date NOT NULL,
  review_due     date NOT NULL,
  decision_due   date NOT NULL,
  complaint_days integer NOT NULL CHECK (complaint_days BETWEEN 0 AND 60),
  auto_next      boolean NOT NULL DEFAULT true,
  enrolled       integer NOT NULL DEFAULT 0,
  previous_id    uuid,
  created_by     uuid,
  created_at     timestamptz NOT NULL,
  closed_at      timestamptz,
  closed_by      uuid,
  version        integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, unit_id, period_kind, period_start),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id),
  FOREIGN KEY (tenant_id, framework_id) REFERENCES eval_framework (tenant_id, id),
  CHECK (period_end >= period_start)
);
CREATE INDEX eval_cycle_path_idx ON eval_cycle (tenant_id, unit_path);
CREATE INDEX eval_cycle_status_idx ON eval_cycle (tenant_id, status, period_start);

-- The units of a cycle that have people in it: the scope of quotas and of the outstanding mark.
CREATE TABLE eval_cycle_unit (
  tenant_id          uuid NOT NULL REFERENCES tenant (id),
  cycle_id           uuid NOT NULL,
  unit_id            uuid NOT NULL,
  unit_path          text COLLATE "C" NOT NULL,
  outstanding        boolean NOT NULL DEFAULT false,
  outstanding_reason text,
  outstanding_by     uuid,
  published_at       timestamptz,
  version            integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, cycle_id, unit_id),
  FOREIGN KEY (tenant_id, cycle_id) REFERENCES eval_cycle (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id)
);
CREATE INDEX eval_cycle_unit_path_idx ON eval_cycle_unit (tenant_id, cycle_id, unit_path);

-- Review levels per unit (phó phòng → trưởng phòng …); a unit without a row has one level.
CREATE TABLE eval_unit_setting (
  tenant_id     uuid NOT NULL REFERENCES tenant (id),
  unit_id       uuid NOT NULL,
  review_levels integer NOT NULL DEFAULT 1 CHECK (review_levels BETWEEN 1 AND 3),
  version       integer NOT NULL DEFAULT 1,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, unit_id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id)
);

-- One person's evaluation in one cycle. unit_* is where the person is evaluated (the quota's
-- unit); decision_unit_* is whose reviewers and head act on it: the same unit, or the parent for a
-- leader of the unit (heads are evaluated by the next level up). Paths are copied for scope checks.
CREATE TABLE evaluation (
  tenant_id           uuid NOT NULL REFERENCES tenant (id),
  id                  uuid NOT NULL,
  cycle_id            uuid NOT NULL,
  person_id           uuid NOT NULL,
  unit_id             uuid NOT NULL,
  unit_path           text COLLATE "C" NOT NULL,
  decision_unit_id    uuid NOT NULL,
  decision_unit_path  text COLLATE "C" NOT NULL,
  position_id         uuid,
  position_title      text,
  title_group         text,
  is_leader           boolean NOT NULL DEFAULT false,
  framework_id        uuid NOT NULL,
  rule_set_id         text NOT NULL,
  state               text NOT NULL CHECK (state IN ('draft', 'selfAssessed', 'inReview', 'reviewed', 'decided',
                                                     'published', 'complained', 'final', 'returned', 'notEvaluated')),
  review_level        integer NOT NULL DEFAULT 0,
  review_levels       integer NOT NULL DEFAULT 1,
  scores              jsonb NOT NULL DEFAULT '{}',
  self_scores         jsonb,
  self_comment        text,
  shortcomings_remedied boolean,
  organising_capacity numeric(5,2),
  total               numeric(5,2),
  grade               text CHECK (grade IN ('excellent', 'good', 'completed', 'notCompleted')),
  rule_code           text,
  self_total          numeric(5,2),
  self_grade          text CHECK (self_grade IN ('excellent', 'good', 'completed', 'notCompleted')),
  facts               jsonb,
  late                boolean NOT NULL DEFAULT false,
  escalated_at        timestamptz,
  submitted_at        timestamptz,
  reviewed_at         timestamptz,
  decided_at          timestamptz,
  published_at        timestamptz,
  complaint_until     date,
  finalised_at        timestamptz,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, cycle_id, person_id),
  FOREIGN KEY (tenant_id, cycle_id) REFERENCES eval_cycle (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id),
  FOREIGN KEY (tenant_id, decision_unit_id) REFERENCES org_unit (tenant_id, id),
  FOREIGN KEY (tenant_id, framework_id) REFERENCES eval_framework (tenant_id, id)
);
CREATE INDEX evaluation_cycle_unit_idx ON evaluation (tenant_id, cycle_id, unit_path);
CREATE INDEX evaluation_cycle_decision_idx ON evaluation (tenant_id, cycle_id, decision_unit_path);
CREATE INDEX evaluation_person_idx ON evaluation (tenant_id, person_id);
CREATE INDEX evaluation_cycle_state_idx ON evaluation (tenant_id, cycle_id, state);

-- Every transition with the scores, total, grade and deciding rule computed at that step.
CREATE TABLE evaluation_step (
  tenant_id     uuid NOT NULL REFERENCES tenant (id),
  id            uuid NOT NULL,
  evaluation_id uuid NOT NULL,
  seq           integer NOT NULL,
  action        text NOT NULL,
  from_state    text NOT NULL,
  to_state      text NOT NULL,
  level         integer NOT NULL DEFAULT 0,
  scores        jsonb,
  total         numeric(5,2),
  grade         text,
  rule_code     text,
  comment       text,
  actor_user_id uuid,
  actor_name    text NOT NULL,
  on_behalf_of  uuid,
  bulk          boolean NOT NULL DEFAULT false,
  opened_at     timestamptz,
  at            timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, evaluation_id, seq),
  FOREIGN KEY (tenant_id, evaluation_id) REFERENCES evaluation (tenant_id, id)
);

-- Files kept in the database behind the file-store interface (evidence ≤ 20 MB).
CREATE TABLE stored_file (
  tenant_id    uuid NOT NULL REFERENCES tenant (id),
  id           uuid NOT NULL,
  name         text NOT NULL,
  content_type text NOT NULL,
  size_bytes   integer NOT NULL CHECK (size_bytes >= 0),
  sha256       text NOT NULL,
  data         bytea NOT NULL,
  created_by   uuid,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);

-- A person's registered tasks and commitments for the period (Hanoi practice).
CREATE TABLE eval_task (
  tenant_id        uuid NOT NULL REFERENCES tenant (id),
  id               uuid NOT NULL,
  evaluation_id    uuid NOT NULL,
  title            text NOT NULL,
  product          text,
  deadline         date NOT NULL,
  committed_date   date,
  progress         integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  status           text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'inProgress', 'done', 'dropped')),
  done_date        date,
  exceeded         boolean NOT NULL DEFAULT false,
  evidence_text    text,
  evidence_link    text,
  evidence_file_id uuid,
  sort_order       integer NOT NULL DEFAULT 0,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, evaluation_id) REFERENCES evaluation (tenant_id, id),
  FOREIGN KEY (tenant_id, evidence_file_id) REFERENCES stored_file (tenant_id, id)
);
CREATE INDEX eval_task_evaluation_idx ON eval_task (tenant_id, evaluation_id);

-- Decree 335: catalogue of products/work per unit or job position, with the coefficient that
-- converts each into standard products.
CREATE TABLE kpi_product (
  tenant_id    uuid NOT NULL REFERENCES tenant (id),
  id           uuid NOT NULL,
  unit_id      uuid NOT NULL,
  job_position text,
  code         text NOT NULL,
  name         text NOT NULL,
  measure      text,
  coefficient  numeric(10,3) NOT NULL CHECK (coefficient > 0),
  active       boolean NOT NULL DEFAULT true,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, unit_id, code),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id)
);

-- Per evaluation and product: assigned vs completed, failures and delays, objective causes.
CREATE TABLE kpi_entry (
  tenant_id                  uuid NOT NULL REFERENCES tenant (id),
  id                         uuid NOT NULL,
  evaluation_id              uuid NOT NULL,
  product_id                 uuid NOT NULL,
  coefficient                numeric(10,3) NOT NULL,
  assigned                   numeric(12,2) NOT NULL CHECK (assigned >= 0),
  completed                  numeric(12,2) NOT NULL CHECK (completed >= 0),
  quality_failures           integer NOT NULL DEFAULT 0 CHECK (quality_failures >= 0),
  objective_quality_failures integer NOT NULL DEFAULT 0 CHECK (objective_quality_failures >= 0),
  delays                     integer NOT NULL DEFAULT 0 CHECK (delays >= 0),
  objective_delays           integer NOT NULL DEFAULT 0 CHECK (objective_delays >= 0),
  objective_note             text,
  objective_by               uuid,
  version                    integer NOT NULL DEFAULT 1,
  created_at                 timestamptz NOT NULL,
  updated_at                 timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, evaluation_id, product_id),
  FOREIGN KEY (tenant_id, evaluation_id) REFERENCES evaluation (tenant_id, id),
  FOREIGN KEY (tenant_id, product_id) REFERENCES kpi_product (tenant_id, id),
  CHECK (objective_quality_failures <= quality_failures AND objective_delays <= delays)
);

-- A reviewer hands their review and decision work to a named deputy for a date range.
CREATE TABLE eval_delegation (
  tenant_id    uuid NOT NULL REFERENCES tenant (id),
  id           uuid NOT NULL,
  from_user_id uuid NOT NULL,
  to_user_id   uuid NOT NULL,
  valid_from   date NOT NULL,
  valid_to     date NOT NULL,
  reason       text,
  created_by   uuid,
  created_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, from_user_id) REFERENCES app_user (tenant_id, id),
  FOREIGN KEY (tenant_id, to_user_id) REFERENCES app_user (tenant_id, id),
  CHECK (valid_to >= valid_from AND from_user_id <> to_user_id)
);
CREATE INDEX eval_delegation_to_idx ON eval_delegation (tenant_id, to_user_id, valid_to);

-- Recorded conclusions that force "not completed" under Decree 335 (degradation; corruption in a
-- unit a leader manages). Disciplines are in the discipline table already.
CREATE TABLE person_finding (
  tenant_id       uuid NOT NULL REFERENCES tenant (id),
  id              uuid NOT NULL,
  person_id       uuid NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('degradation', 'corruptionInManagedUnit')),
  decision_number text,
  decision_date   date NOT NULL,
  issuer          text,
  note            text,
  version         integer NOT NULL DEFAULT 1,
  created_by      uuid,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX person_finding_person_idx ON person_finding (tenant_id, person_id, decision_date);

-- In-app notifications; dedupe_key makes reminders idempotent ("due soon" once per item and step).
CREATE TABLE notification (
  tenant_id   uuid NOT NULL REFERENCES tenant (id),
  id          uuid NOT NULL,
  user_id     uuid NOT NULL,
  kind        text NOT NULL,
  title       text NOT NULL,
  body        text NOT NULL,
  link        text,
  entity_type text,
  entity_id   uuid,
  dedupe_key  text,
  created_at  timestamptz NOT NULL,
  read_at     timestamptz,
  emailed_at  timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, user_id, dedupe_key),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX notification_user_idx ON notification (tenant_id, user_id, created_at);
