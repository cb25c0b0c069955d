-- Foundation: tenants, the minimal org tree used for access scope, accounts, sessions,
-- grants, the hash-chained audit log and the job queue.
-- Every tenant-owned table carries tenant_id in its primary key and foreign keys (Citus-ready).

CREATE TABLE tenant (
  id          uuid PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL
);

CREATE TABLE org_unit (
  tenant_id   uuid NOT NULL REFERENCES tenant (id),
  id          uuid NOT NULL,
  code        text NOT NULL,
  name        text NOT NULL,
  parent_id   uuid,
  -- Materialised path of ids, '/root/child/', compared byte-wise for subtree scope.
  path        text COLLATE "C" NOT NULL,
  depth       integer NOT NULL,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, code),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES org_unit (tenant_id, id)
);
CREATE INDEX org_unit_path_idx ON org_unit (tenant_id, path);
CREATE INDEX org_unit_parent_idx ON org_unit (tenant_id, parent_id);

CREATE TABLE app_user (
  tenant_id            uuid NOT NULL REFERENCES tenant (id),
  id                   uuid NOT NULL,
  username             text NOT NULL,
  username_key         text COLLATE "C" NOT NULL,
  display_name         text NOT NULL,
  email                text,
  unit_id              uuid NOT NULL,
  password_hash        text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  password_changed_at  timestamptz NOT NULL,
  totp_secret          text,
  totp_enabled         boolean NOT NULL DEFAULT false,
  totp_last_step       bigint,
  failed_attempts      integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  disabled             boolean NOT NULL DEFAULT false,
  last_sign_in_at      timestamptz,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, username_key),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id)
);
CREATE INDEX app_user_unit_idx ON app_user (tenant_id, unit_id);

CREATE TABLE role_grant (
  tenant_id   uuid NOT NULL REFERENCES tenant (id),
  id          uuid NOT NULL,
  user_id     uuid NOT NULL,
  role        text NOT NULL CHECK (role IN ('admin', 'officer', 'head', 'manager', 'staff', 'inspector')),
  unit_id     uuid NOT NULL,
  created_by  uuid,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, user_id, role, unit_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id)
);
CREATE INDEX role_grant_unit_idx ON role_grant (tenant_id, unit_id);

-- The cookie carries a random token; only its SHA-256 is stored.
CREATE TABLE user_session (
  tenant_id     uuid NOT NULL REFERENCES tenant (id),
  id            text COLLATE "C" NOT NULL,
  user_id       uuid NOT NULL,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  ip            text,
  user_agent    text,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX user_session_user_idx ON user_session (tenant_id, user_id);
CREATE INDEX user_session_expiry_idx ON user_session (expires_at);

CREATE TABLE security_settings (
  tenant_id           uuid PRIMARY KEY REFERENCES tenant (id),
  totp_required_roles jsonb NOT NULL DEFAULT '[]',
  version             integer NOT NULL DEFAULT 1,
  updated_at          timestamptz NOT NULL
);

-- Append-only: the application role gets SELECT and INSERT only (see docs/OPERATIONS.md).
CREATE TABLE audit_log (
  tenant_id    uuid NOT NULL REFERENCES tenant (id),
  seq          bigint NOT NULL,
  id           uuid NOT NULL,
  at           timestamptz NOT NULL,
  actor_id     uuid,
  actor_name   text,
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    text,
  -- Path of the unit the entry concerns (NULL: the whole tenant); scopes the inspector's reading.
  unit_path    text COLLATE "C",
  before       jsonb,
  after        jsonb,
  request_id   text,
  ip           text,
  prev_hash    text NOT NULL,
  hash         text NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_log_entity_idx ON audit_log (tenant_id, entity_type, entity_id);
CREATE INDEX audit_log_action_idx ON audit_log (tenant_id, action);
CREATE INDEX audit_log_unit_idx ON audit_log (tenant_id, unit_path);

-- The head of each tenant's chain; locking it serialises appends within one tenant only.
CREATE TABLE audit_head (
  tenant_id  uuid PRIMARY KEY REFERENCES tenant (id),
  seq        bigint NOT NULL,
  hash       text NOT NULL
);

CREATE TABLE job (
  tenant_id     uuid NOT NULL REFERENCES tenant (id),
  id            uuid NOT NULL,
  kind          text NOT NULL,
  payload       jsonb NOT NULL DEFAULT '{}',
  state         text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts      integer NOT NULL DEFAULT 0,
  max_attempts  integer NOT NULL DEFAULT 5,
  run_at        timestamptz NOT NULL,
  locked_at     timestamptz,
  locked_by     text,
  last_error    text,
  result        jsonb,
  dedupe_key    text,
  created_at    timestamptz NOT NULL,
  finished_at   timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, dedupe_key)
);
CREATE INDEX job_ready_idx ON job (state, run_at);

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
