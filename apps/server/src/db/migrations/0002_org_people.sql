-- Organisation structure with dated history, and personnel records (Mẫu 2C essentials).
-- Dates are calendar dates; a period [valid_from, valid_to) includes its start and excludes its end.

ALTER TABLE org_unit
  ADD COLUMN type         text NOT NULL DEFAULT 'state_agency'
    CHECK (type IN ('city_party_committee', 'affiliated_party_committee', 'base_party_committee', 'base_party_cell',
                    'party_cell', 'state_agency', 'public_service_unit', 'enterprise', 'mass_organisation',
                    'commune', 'department', 'other')),
  ADD COLUMN short_name   text,
  ADD COLUMN level        text,
  ADD COLUMN address      text,
  ADD COLUMN is_party_org boolean NOT NULL DEFAULT false,
  ADD COLUMN admin_area   text,
  ADD COLUMN status       text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved', 'merged', 'split')),
  ADD COLUMN valid_from   date NOT NULL DEFAULT DATE '2000-01-01',
  ADD COLUMN valid_to     date,
  ADD COLUMN search_key   text COLLATE "C" NOT NULL DEFAULT '',
  ADD COLUMN sort_key     text COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX org_unit_search_idx ON org_unit (tenant_id, search_key);

-- One row per stretch of time in which a unit's name, parent and path stayed the same;
-- "as of" queries read these rows. The current row has valid_to NULL.
CREATE TABLE org_unit_version (
  tenant_id    uuid NOT NULL REFERENCES tenant (id),
  unit_id      uuid NOT NULL,
  valid_from   date NOT NULL,
  valid_to     date,
  code         text NOT NULL,
  name         text NOT NULL,
  short_name   text,
  type         text NOT NULL,
  parent_id    uuid,
  path         text COLLATE "C" NOT NULL,
  depth        integer NOT NULL,
  is_party_org boolean NOT NULL,
  change_id    uuid,
  PRIMARY KEY (tenant_id, unit_id, valid_from),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id)
);
CREATE INDEX org_unit_version_path_idx ON org_unit_version (tenant_id, path);
CREATE INDEX org_unit_version_parent_idx ON org_unit_version (tenant_id, parent_id);

-- A restructuring operation as one record: what was asked and what it touched.
CREATE TABLE org_change (
  tenant_id      uuid NOT NULL REFERENCES tenant (id),
  id             uuid NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('create', 'update', 'rename', 'move', 'dissolve', 'merge', 'split')),
  effective_date date NOT NULL,
  payload        jsonb NOT NULL,
  summary        jsonb NOT NULL,
  created_by     uuid,
  created_at     timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX org_change_date_idx ON org_change (tenant_id, effective_date);

-- Predecessor → successor links left by merges and splits; later reports follow them.
CREATE TABLE unit_succession (
  tenant_id      uuid NOT NULL REFERENCES tenant (id),
  predecessor_id uuid NOT NULL,
  successor_id   uuid NOT NULL,
  change_id      uuid NOT NULL,
  effective_date date NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('merge', 'split')),
  PRIMARY KEY (tenant_id, predecessor_id, successor_id),
  FOREIGN KEY (tenant_id, predecessor_id) REFERENCES org_unit (tenant_id, id),
  FOREIGN KEY (tenant_id, successor_id) REFERENCES org_unit (tenant_id, id)
);
CREATE INDEX unit_succession_successor_idx ON unit_succession (tenant_id, successor_id);

CREATE TABLE person (
  tenant_id                  uuid NOT NULL REFERENCES tenant (id),
  id                         uuid NOT NULL,
  code                       text NOT NULL,
  -- The unit that keeps the record; restructuring moves it with the people.
  unit_id                    uuid NOT NULL,
  full_name                  text NOT NULL,
  other_name                 text,
  sex                        text NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date                 date NOT NULL,
  birth_place                text,
  hometown                   text,
  ethnicity                  text NOT NULL DEFAULT 'Kinh',
  religion                   text,
  cccd                       text,
  phone                      text,
  email                      text,
  education_level            text,
  professional_qualification text,
  political_theory           text CHECK (political_theory IN ('none', 'elementary', 'intermediate', 'advanced', 'bachelor')),
  state_management           text,
  foreign_language           text,
  it_level                   text,
  staff_category             text NOT NULL CHECK (staff_category IN ('cadre', 'civil_servant', 'public_employee',
                                                                     'contract_worker', 'commune_nonprofessional')),
  salary_scale               text,
  salary_step                integer CHECK (salary_step BETWEEN 1 AND 20),
  salary_date                date,
  party_status               text NOT NULL DEFAULT 'none'
    CHECK (party_status IN ('none', 'probationary', 'full', 'suspended', 'removed')),
  party_admitted_date        date,
  party_full_date            date,
  party_card_number          text,
  search_key                 text COLLATE "C" NOT NULL,
  sort_key                   text COLLATE "C" NOT NULL,
  status                     text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left', 'retired', 'deceased')),
  version                    integer NOT NULL DEFAULT 1,
  created_at                 timestamptz NOT NULL,
  updated_at                 timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, code),
  UNIQUE (tenant_id, cccd),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id)
);
CREATE INDEX person_unit_idx ON person (tenant_id, unit_id);
CREATE INDEX person_sort_idx ON person (tenant_id, sort_key);
CREATE INDEX person_search_idx ON person (tenant_id, search_key);

-- An account may belong to a person (staff see their own record through it).
ALTER TABLE app_user ADD COLUMN person_id uuid;
ALTER TABLE app_user ADD FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id);
CREATE UNIQUE INDEX app_user_person_idx ON app_user (tenant_id, person_id) WHERE person_id IS NOT NULL;

-- Every change of a person's record: the fields before and after, who and when.
CREATE TABLE person_history (
  tenant_id   uuid NOT NULL REFERENCES tenant (id),
  id          uuid NOT NULL,
  person_id   uuid NOT NULL,
  changed_at  timestamptz NOT NULL,
  changed_by  uuid,
  source      text NOT NULL CHECK (source IN ('form', 'import', 'restructure', 'seed')),
  section     text NOT NULL,
  before      jsonb,
  after       jsonb,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX person_history_person_idx ON person_history (tenant_id, person_id, changed_at);

CREATE TABLE position (
  tenant_id       uuid NOT NULL REFERENCES tenant (id),
  id              uuid NOT NULL,
  person_id       uuid NOT NULL,
  unit_id         uuid NOT NULL,
  title           text NOT NULL,
  -- Group of similar posts (quota groups in evaluation), e.g. 'leader', 'specialist'.
  title_group     text,
  is_leader       boolean NOT NULL DEFAULT false,
  is_concurrent   boolean NOT NULL DEFAULT false,
  start_date      date NOT NULL,
  end_date        date,
  decision_number text,
  end_reason      text,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id),
  CHECK (end_date IS NULL OR end_date > start_date)
);
CREATE INDEX position_person_idx ON position (tenant_id, person_id);
CREATE INDEX position_unit_idx ON position (tenant_id, unit_id, end_date);

CREATE TABLE discipline (
  tenant_id       uuid NOT NULL REFERENCES tenant (id),
  id              uuid NOT NULL,
  person_id       uuid NOT NULL,
  form            text NOT NULL CHECK (form IN ('reprimand', 'warning', 'removal_from_post', 'dismissal', 'expulsion',
                                                 'demotion', 'forced_resignation')),
  decision_number text,
  decision_date   date NOT NULL,
  issuer          text,
  reason          text,
  expiry_date     date,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX discipline_person_idx ON discipline (tenant_id, person_id);

CREATE TABLE award (
  tenant_id       uuid NOT NULL REFERENCES tenant (id),
  id              uuid NOT NULL,
  person_id       uuid NOT NULL,
  kind            text NOT NULL,
  title           text NOT NULL,
  decision_number text,
  decision_date   date NOT NULL,
  issuer          text,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX award_person_idx ON award (tenant_id, person_id);

CREATE TABLE training (
  tenant_id    uuid NOT NULL REFERENCES tenant (id),
  id           uuid NOT NULL,
  person_id    uuid NOT NULL,
  kind         text NOT NULL,
  course       text NOT NULL,
  institution  text,
  start_date   date NOT NULL,
  end_date     date,
  certificate  text,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX training_person_idx ON training (tenant_id, person_id);

-- An import as a record: the file's hash, counts, the row-by-row error report, progress.
CREATE TABLE import_run (
  tenant_id   uuid NOT NULL REFERENCES tenant (id),
  id          uuid NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('units', 'people')),
  file_name   text NOT NULL,
  file_hash   text NOT NULL,
  status      text NOT NULL CHECK (status IN ('validating', 'rejected', 'applying', 'applied', 'failed')),
  total_rows  integer NOT NULL DEFAULT 0,
  done_rows   integer NOT NULL DEFAULT 0,
  created     integer NOT NULL DEFAULT 0,
  updated     integer NOT NULL DEFAULT 0,
  unchanged   integer NOT NULL DEFAULT 0,
  errors      jsonb NOT NULL DEFAULT '[]',
  created_by  uuid,
  created_at  timestamptz NOT NULL,
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);

-- Units that existed before dated history began get one open version each.
INSERT INTO org_unit_version (tenant_id, unit_id, valid_from, valid_to, code, name, short_name, type, parent_id, path, depth, is_party_org)
SELECT tenant_id, id, valid_from, NULL, code, name, short_name, type, parent_id, path, depth, is_party_org FROM org_unit;
