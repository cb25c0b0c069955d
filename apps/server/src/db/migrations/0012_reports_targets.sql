-- Targets and the work programme (docs/REPORTS.md): what an organisation officer sets for a year and
-- a subtree ("found 70 party organisations in private enterprises"), the progress recorded against
-- it (linked to the unit founded or the member admitted when those records exist), and the items of
-- the year's work programme with their scheme, responsible unit and deadline.

CREATE TABLE report_target (
  tenant_id   uuid NOT NULL REFERENCES tenant (id),
  id          uuid NOT NULL,
  unit_id     uuid NOT NULL,
  year        integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  code        text NOT NULL,
  title       text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('foundOrganisations', 'admitMembers', 'custom')),
  measure     text NOT NULL CHECK (measure IN ('organisations', 'people', 'units', 'items')),
  target      integer NOT NULL CHECK (target >= 0),
  -- Sum of the progress entries, kept with the row (written in the same transaction as each entry).
  achieved    integer NOT NULL DEFAULT 0 CHECK (achieved >= 0),
  note        text,
  created_by  uuid,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  version     integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, unit_id, year, code),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id)
);
CREATE INDEX report_target_year_idx ON report_target (tenant_id, year);

CREATE TABLE report_target_progress (
  tenant_id        uuid NOT NULL REFERENCES tenant (id),
  id               uuid NOT NULL,
  target_id        uuid NOT NULL,
  entry_date       date NOT NULL,
  amount           integer NOT NULL CHECK (amount <> 0),
  note             text,
  linked_unit_id   uuid,
  linked_person_id uuid,
  created_by       uuid,
  created_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, target_id) REFERENCES report_target (tenant_id, id),
  FOREIGN KEY (tenant_id, linked_unit_id) REFERENCES org_unit (tenant_id, id),
  FOREIGN KEY (tenant_id, linked_person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX report_target_progress_target_idx ON report_target_progress (tenant_id, target_id, entry_date);

CREATE TABLE work_item (
  tenant_id           uuid NOT NULL REFERENCES tenant (id),
  id                  uuid NOT NULL,
  unit_id             uuid NOT NULL,
  year                integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  content             text NOT NULL,
  scheme              text,
  responsible_unit_id uuid NOT NULL,
  deadline            date NOT NULL,
  status              text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'inProgress', 'done', 'cancelled')),
  completed_on        date,
  note                text,
  created_by          uuid,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  version             integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id),
  FOREIGN KEY (tenant_id, responsible_unit_id) REFERENCES org_unit (tenant_id, id),
  CHECK ((status = 'done') = (completed_on IS NOT NULL))
);
CREATE INDEX work_item_year_idx ON work_item (tenant_id, year, deadline);
