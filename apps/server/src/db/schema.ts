import type { ColumnType, Generated } from 'kysely';

/** Timestamps come back as Date from both engines (node-postgres types). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;
/**
 * Calendar dates ('YYYY-MM-DD'). The engines return DATE columns as strings because the
 * date type parser is set to identity in db/engine.ts (no time-zone shifts).
 */
export type CalendarDate = string;

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
  type: Generated<string>;
  short_name: string | null;
  level: string | null;
  address: string | null;
  is_party_org: Generated<boolean>;
  admin_area: string | null;
  status: Generated<string>;
  valid_from: Generated<CalendarDate>;
  valid_to: CalendarDate | null;
  search_key: Generated<string>;
  sort_key: Generated<string>;
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
  person_id: string | null;
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

export interface OrgUnitVersionTable {
  tenant_id: string;
  unit_id: string;
  valid_from: CalendarDate;
  valid_to: CalendarDate | null;
  code: string;
  name: string;
  short_name: string | null;
  type: string;
  parent_id: string | null;
  path: string;
  depth: number;
  is_party_org: boolean;
  change_id: string | null;
  level: string | null;
  address: string | null;
  admin_area: string | null;
  search_key: Generated<string>;
  sort_key: Generated<string>;
}

export interface OrgChangeUnitTable {
  tenant_id: string;
  change_id: string;
  unit_id: string;
  role: string;
}

export interface OrgChangeTable {
  tenant_id: string;
  id: string;
  kind: string;
  effective_date: CalendarDate;
  payload: Json;
  summary: Json;
  created_by: string | null;
  created_at: Timestamp;
}

export interface UnitSuccessionTable {
  tenant_id: string;
  predecessor_id: string;
  successor_id: string;
  change_id: string;
  effective_date: CalendarDate;
  kind: string;
}

export interface PersonTable {
  tenant_id: string;
  id: string;
  code: string;
  unit_id: string;
  full_name: string;
  other_name: string | null;
  sex: string;
  birth_date: CalendarDate;
  birth_place: string | null;
  hometown: string | null;
  ethnicity: Generated<string>;
  religion: string | null;
  cccd: string | null;
  phone: string | null;
  email: string | null;
  education_level: string | null;
  professional_qualification: string | null;
  political_theory: string | null;
  state_management: string | null;
  foreign_language: string | null;
  it_level: string | null;
  staff_category: string;
  salary_scale: string | null;
  salary_step: number | null;
  salary_date: CalendarDate | null;
  party_status: Generated<string>;
  party_admitted_date: CalendarDate | null;
  party_full_date: CalendarDate | null;
  party_card_number: string | null;
  search_key: string;
  sort_key: string;
  status: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonHistoryTable {
  tenant_id: string;
  id: string;
  person_id: string;
  changed_at: Timestamp;
  changed_by: string | null;
  source: string;
  section: string;
  before: Json | null;
  after: Json | null;
}

export interface PositionTable {
  tenant_id: string;
  id: string;
  person_id: string;
  unit_id: string;
  title: string;
  title_group: string | null;
  is_leader: Generated<boolean>;
  is_concurrent: Generated<boolean>;
  start_date: CalendarDate;
  end_date: CalendarDate | null;
  decision_number: string | null;
  end_reason: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface DisciplineTable {
  tenant_id: string;
  id: string;
  person_id: string;
  form: string;
  decision_number: string | null;
  decision_date: CalendarDate;
  issuer: string | null;
  reason: string | null;
  expiry_date: CalendarDate | null;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface AwardTable {
  tenant_id: string;
  id: string;
  person_id: string;
  kind: string;
  title: string;
  decision_number: string | null;
  decision_date: CalendarDate;
  issuer: string | null;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface TrainingTable {
  tenant_id: string;
  id: string;
  person_id: string;
  kind: string;
  course: string;
  institution: string | null;
  start_date: CalendarDate;
  end_date: CalendarDate | null;
  certificate: string | null;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface ImportRunTable {
  tenant_id: string;
  id: string;
  kind: string;
  file_name: string;
  file_hash: string;
  status: string;
  total_rows: Generated<number>;
  done_rows: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  errors: ColumnType<unknown, string | undefined, string>;
  created_by: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  file: Buffer | null;
  sheet: string | null;
  error_count: Generated<number>;
  message: string | null;
  message_en: string | null;
  unit_path: string | null;
}

export interface DB {
  org_unit_version: OrgUnitVersionTable;
  org_change: OrgChangeTable;
  org_change_unit: OrgChangeUnitTable;
  unit_succession: UnitSuccessionTable;
  person: PersonTable;
  person_history: PersonHistoryTable;
  position: PositionTable;
  discipline: DisciplineTable;
  award: AwardTable;
  training: TrainingTable;
  import_run: ImportRunTable;
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
