import type { ColumnType, Generated } from 'kysely';

/** Timestamps come back as Date from both engines (node-postgres types). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface TenantTable {
  id: string;
  code: string;
  name: string;
  created_at: Timestamp;
}

export interface OrgUnitTable {
  tenant_id: string;
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
  path: string;
  depth: number;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppUserTable {
  tenant_id: string;
  id: string;
  username: string;
  username_key: string;
  display_name: string;
  email: string | null;
  unit_id: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: ColumnType<string | null, number | null, number | null>;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  disabled: Generated<boolean>;
  last_sign_in_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoleGrantTable {
  tenant_id: string;
  id: string;
  user_id: string;
  role: string;
  unit_id: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface UserSessionTable {
  tenant_id: string;
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface SecuritySettingsTable {
  tenant_id: string;
  totp_required_roles: Json;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  tenant_id: string;
  seq: ColumnType<string, number | string, never>;
  id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_path: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  tenant_id: string;
  seq: ColumnType<string, number | string, number | string>;
  hash: string;
}

export interface JobTable {
  tenant_id: string;
  id: string;
  kind: string;
  payload: Json;
  state: string;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: Timestamp;
  locked_at: Timestamp | null;
  locked_by: string | null;
  last_error: string | null;
  result: Json | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface DB {
  tenant: TenantTable;
  org_unit: OrgUnitTable;
  app_user: AppUserTable;
  role_grant: RoleGrantTable;
  user_session: UserSessionTable;
  security_settings: SecuritySettingsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  job: JobTable;
}
