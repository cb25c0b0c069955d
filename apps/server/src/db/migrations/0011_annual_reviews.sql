-- Annual and mid-term review (docs/ANNUAL.md): review periods over a subtree, one review per person
-- and track (state / party) and per collective, the unit meetings that comment on them, the leave
-- periods eligibility depends on, and the weak base party organisations with their consolidation plans.

CREATE TABLE review_period (
  tenant_id         uuid NOT NULL REFERENCES tenant (id),
  id                uuid NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('annual', 'midterm')),
  label             text NOT NULL,
  unit_id           uuid NOT NULL,
  unit_path         text COLLATE "C" NOT NULL,
  year              integer,
  term_label        text,
  period_start      date NOT NULL,
  period_end        date NOT NULL,
  self_due          date NOT NULL,
  meeting_due       date NOT NULL,
  decision_due      date NOT NULL,
  state             text NOT NULL CHECK (state IN ('preparing', 'open', 'closed')),
  state_rule_set_id text NOT NULL,
  party_rule_set_id text NOT NULL,
  job_id            uuid,
  created_by        uuid,
  created_at        timestamptz NOT NULL,
  closed_at         timestamptz,
  closed_by         uuid,
  version           integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id),
  CHECK (period_end >= period_start)
);
-- One annual period per subtree root and year; mid-term periods are told apart by their term.
CREATE UNIQUE INDEX review_period_annual_idx ON review_period (tenant_id, unit_id, year) WHERE kind = 'annual';
CREATE UNIQUE INDEX review_period_midterm_idx ON review_period (tenant_id, unit_id, term_label) WHERE kind = 'midterm';
CREATE INDEX review_period_path_idx ON review_period (tenant_id, unit_path);

-- One review per person and track, or per collective (organisation / leadership) of a period.
-- unit_* is where the subject is reviewed (the quota's agency); decision_unit_* is whose manager and
-- head act on it: the unit itself, or its parent for a leader of the unit and for a collective.
CREATE TABLE annual_review (
  tenant_id            uuid NOT NULL REFERENCES tenant (id),
  id                   uuid NOT NULL,
  period_id            uuid NOT NULL,
  subject              text NOT NULL CHECK (subject IN ('person', 'organisation', 'leadership')),
  track                text NOT NULL CHECK (track IN ('state', 'party')),
  rule_set_id          text NOT NULL,
  person_id            uuid,
  unit_id              uuid NOT NULL,
  unit_path            text COLLATE "C" NOT NULL,
  decision_unit_id     uuid NOT NULL,
  decision_unit_path   text COLLATE "C" NOT NULL,
  position_title       text,
  -- Group of similar posts (people) or the unit type (collectives): the quota's group.
  quota_group          text,
  is_leader            boolean NOT NULL DEFAULT false,
  state                text NOT NULL CHECK (state IN ('pending', 'selfReviewed', 'proposed', 'decided', 'published',
                                                       'notReviewed')),
  eligibility          jsonb NOT NULL,
  rollup               jsonb,
  proposed_score       numeric(5,2),
  proposed_grade       text CHECK (proposed_grade IN ('excellent', 'good', 'completed', 'notCompleted')),
  self_review          text,
  self_score           numeric(5,2),
  self_grade           text CHECK (self_grade IN ('excellent', 'good', 'completed', 'notCompleted')),
  self_submitted_at    timestamptz,
  collective_comment   text,
  targets_overfulfilled numeric(5,2),
  manager_grade        text CHECK (manager_grade IN ('excellent', 'good', 'completed', 'notCompleted')),
  manager_comment      text,
  manager_by           uuid,
  manager_at           timestamptz,
  decided_grade        text CHECK (decided_grade IN ('excellent', 'good', 'completed', 'notCompleted')),
  decision_comment     text,
  decided_by           uuid,
  decided_at           timestamptz,
  published_at         timestamptz,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, period_id) REFERENCES review_period (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id),
  FOREIGN KEY (tenant_id, decision_unit_id) REFERENCES org_unit (tenant_id, id),
  CHECK ((subject = 'person') = (person_id IS NOT NULL))
);
CREATE UNIQUE INDEX annual_review_person_idx ON annual_review (tenant_id, period_id, person_id, track)
  WHERE subject = 'person';
CREATE UNIQUE INDEX annual_review_collective_idx ON annual_review (tenant_id, period_id, unit_id, subject)
  WHERE subject <> 'person';
CREATE INDEX annual_review_unit_idx ON annual_review (tenant_id, period_id, unit_path);
CREATE INDEX annual_review_decision_idx ON annual_review (tenant_id, period_id, decision_unit_path);
CREATE INDEX annual_review_person_lookup_idx ON annual_review (tenant_id, person_id);

-- Every step of a review (self-review, comment, proposal, decision, publication, reopening).
CREATE TABLE annual_review_step (
  tenant_id  uuid NOT NULL REFERENCES tenant (id),
  id         uuid NOT NULL,
  review_id  uuid NOT NULL,
  seq        integer NOT NULL,
  action     text NOT NULL CHECK (action IN ('selfReview', 'comment', 'propose', 'decide', 'publish', 'reopen')),
  grade      text,
  comment    text,
  actor_id   uuid,
  at         timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, review_id, seq),
  FOREIGN KEY (tenant_id, review_id) REFERENCES annual_review (tenant_id, id)
);

-- The unit's review meeting (hội nghị kiểm điểm): date, attendance and minutes.
CREATE TABLE review_meeting (
  tenant_id    uuid NOT NULL REFERENCES tenant (id),
  period_id    uuid NOT NULL,
  unit_id      uuid NOT NULL,
  meeting_date date NOT NULL,
  present      integer NOT NULL CHECK (present >= 0),
  summoned     integer NOT NULL CHECK (summoned >= 1 AND present <= summoned),
  minutes      text NOT NULL,
  chaired_by   text,
  recorded_by  uuid,
  version      integer NOT NULL DEFAULT 1,
  updated_at   timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, period_id, unit_id),
  FOREIGN KEY (tenant_id, period_id) REFERENCES review_period (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id)
);

-- Leave in the year: maternity leave, sick leave, study, unpaid leave. Eligibility reads it.
CREATE TABLE person_absence (
  tenant_id  uuid NOT NULL REFERENCES tenant (id),
  id         uuid NOT NULL,
  person_id  uuid NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('maternity', 'sick', 'study', 'unpaid', 'other')),
  start_date date NOT NULL,
  end_date   date NOT NULL,
  note       text,
  created_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  CHECK (end_date >= start_date)
);
CREATE INDEX person_absence_person_idx ON person_absence (tenant_id, person_id, start_date);

-- Weak base party organisations of a year: graded not completed, or designated weak, each with
-- its consolidation plan (measures in jsonb: content, responsible person, deadline, done on).
CREATE TABLE weak_org (
  tenant_id       uuid NOT NULL REFERENCES tenant (id),
  id              uuid NOT NULL,
  unit_id         uuid NOT NULL,
  unit_path       text COLLATE "C" NOT NULL,
  year            integer NOT NULL,
  reason          text NOT NULL CHECK (reason IN ('graded', 'designated')),
  review_id       uuid,
  note            text,
  status          text NOT NULL DEFAULT 'planned'
    CHECK (status IN ('planned', 'inProgress', 'consolidated', 'notConsolidated')),
  status_note     text,
  measures        jsonb NOT NULL DEFAULT '[]',
  consolidated_on date,
  created_by      uuid,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  version         integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, unit_id, year),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id),
  FOREIGN KEY (tenant_id, review_id) REFERENCES annual_review (tenant_id, id)
);
CREATE INDEX weak_org_path_idx ON weak_org (tenant_id, year, unit_path);
