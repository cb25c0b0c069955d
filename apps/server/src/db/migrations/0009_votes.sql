-- Confidence votes (Quy định 96-QĐ/TW): sessions, the people voted on, the roster of voters,
-- the ballots as counters, and the per-person result filed in the person's record.
--
-- Secrecy (docs/VOTES.md, "Secrecy"): who has voted (vote_voter.voted) and what was chosen
-- (vote_tally.count) share no key, no order and no time. A ballot adds 1 to the chosen level of
-- each person and 0 to every other level of the session, so each ballot rewrites *all* the tally
-- rows of the session alike: their row versions (xmin, ctid) do not depend on the choice. No
-- table here has a column holding the time a ballot was cast.

CREATE TABLE vote_session (
  tenant_id       uuid NOT NULL REFERENCES tenant (id),
  id              uuid NOT NULL,
  unit_id         uuid NOT NULL,
  rule_set_id     text NOT NULL,
  title           text NOT NULL,
  vote_date       date NOT NULL,
  place           text,
  document_number text,
  state           text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
  summoned        integer NOT NULL,
  -- Ballots cast so far: the denominator of every percentage ("ballots collected").
  collected       integer NOT NULL DEFAULT 0,
  -- Set on close from the domain tally (percentages, quorum, flags) and never recomputed.
  result          jsonb,
  is_void         boolean,
  version         integer NOT NULL DEFAULT 1,
  created_by      uuid,
  created_at      timestamptz NOT NULL,
  opened_at       timestamptz,
  closed_at       timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id),
  CHECK (collected >= 0 AND collected <= summoned)
);
CREATE INDEX vote_session_unit_idx ON vote_session (tenant_id, unit_id, vote_date);

CREATE TABLE vote_candidate (
  tenant_id  uuid NOT NULL REFERENCES tenant (id),
  session_id uuid NOT NULL,
  person_id  uuid NOT NULL,
  post       text NOT NULL,
  ordinal    integer NOT NULL,
  PRIMARY KEY (tenant_id, session_id, person_id),
  FOREIGN KEY (tenant_id, session_id) REFERENCES vote_session (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX vote_candidate_person_idx ON vote_candidate (tenant_id, person_id);

-- The roster: one row per person summoned. token_hash is the SHA-256 of the one-time code;
-- `voted` is the only trace of a ballot here (no time, no ballot id).
CREATE TABLE vote_voter (
  tenant_id   uuid NOT NULL REFERENCES tenant (id),
  session_id  uuid NOT NULL,
  id          uuid NOT NULL,
  person_id   uuid NOT NULL,
  token_hash  text,
  voted       boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, session_id, id),
  UNIQUE (tenant_id, session_id, person_id),
  FOREIGN KEY (tenant_id, session_id) REFERENCES vote_session (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE UNIQUE INDEX vote_voter_token_idx ON vote_voter (tenant_id, token_hash);

-- The ballots, as counters: one row per person voted on and level ('blank' = no valid mark).
CREATE TABLE vote_tally (
  tenant_id  uuid NOT NULL REFERENCES tenant (id),
  session_id uuid NOT NULL,
  person_id  uuid NOT NULL,
  level      text NOT NULL CHECK (level IN ('high', 'confidence', 'low', 'blank')),
  count      integer NOT NULL DEFAULT 0 CHECK (count >= 0),
  PRIMARY KEY (tenant_id, session_id, person_id, level),
  FOREIGN KEY (tenant_id, session_id, person_id) REFERENCES vote_candidate (tenant_id, session_id, person_id)
);

-- A person's result in a closed session, filed in their record (and read by planning later).
CREATE TABLE vote_result (
  tenant_id          uuid NOT NULL REFERENCES tenant (id),
  session_id         uuid NOT NULL,
  person_id          uuid NOT NULL,
  rule_set_id        text NOT NULL,
  post               text NOT NULL,
  vote_date          date NOT NULL,
  collected          integer NOT NULL,
  high               integer NOT NULL,
  confidence         integer NOT NULL,
  low                integer NOT NULL,
  invalid            integer NOT NULL,
  high_percent       numeric(5, 2),
  confidence_percent numeric(5, 2),
  low_percent        numeric(5, 2),
  flag               text NOT NULL CHECK (flag IN ('none', 'removeFromPlanning', 'dismissal')),
  is_void            boolean NOT NULL,
  created_at         timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, session_id, person_id),
  FOREIGN KEY (tenant_id, session_id, person_id) REFERENCES vote_candidate (tenant_id, session_id, person_id)
);
CREATE INDEX vote_result_person_idx ON vote_result (tenant_id, person_id, vote_date);
