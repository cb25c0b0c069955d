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
  /** An identity (0017); the chain's order is audit_chain.pos. */
  seq: ColumnType<string, number | string | undefined, never>;
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
}

/** The tenant's hash chain over its audit entries, linked after commit by the chainer (0017). */
export interface AuditChainTable {
  tenant_id: string;
  pos: ColumnType<string, number | string, never>;
  seq: ColumnType<string, number | string, never>;
  prev_hash: string;
  hash: string;
}

/** Entries written but not linked yet. */
export interface AuditPendingTable {
  tenant_id: string;
  seq: ColumnType<string, number | string, never>;
}

export interface AuditHeadTable {
  tenant_id: string;
  /** The last linked position (audit_chain.pos). */
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

/** NUMERIC columns come back as numbers (parser in db/engine.ts). */
type Numeric = ColumnType<number, number | string, number | string>;

export interface EvalFrameworkTable {
  tenant_id: string;
  id: string;
  family_id: string;
  version_no: number;
  rule_set_id: string;
  unit_id: string;
  name: string;
  status: string;
  criteria: Json;
  parameters: Generated<Json>;
  based_on_id: string | null;
  published_at: Timestamp | null;
  published_by: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface EvalCycleTable {
  tenant_id: string;
  id: string;
  unit_id: string;
  unit_path: string;
  framework_id: string;
  rule_set_id: string;
  period_kind: string;
  period_start: CalendarDate;
  period_end: CalendarDate;
  label: string;
  status: string;
  self_due: CalendarDate;
  review_due: CalendarDate;
  decision_due: CalendarDate;
  complaint_days: number;
  auto_next: Generated<boolean>;
  enrolled: Generated<number>;
  previous_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  closed_at: Timestamp | null;
  closed_by: string | null;
  version: Generated<number>;
}

export interface EvalCycleUnitTable {
  tenant_id: string;
  cycle_id: string;
  unit_id: string;
  unit_path: string;
  outstanding: Generated<boolean>;
  outstanding_reason: string | null;
  outstanding_by: string | null;
  published_at: Timestamp | null;
  version: Generated<number>;
}

export interface EvalUnitSettingTable {
  tenant_id: string;
  unit_id: string;
  review_levels: Generated<number>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface EvaluationTable {
  tenant_id: string;
  id: string;
  cycle_id: string;
  person_id: string;
  unit_id: string;
  unit_path: string;
  decision_unit_id: string;
  decision_unit_path: string;
  position_id: string | null;
  position_title: string | null;
  title_group: string | null;
  is_leader: Generated<boolean>;
  framework_id: string;
  rule_set_id: string;
  state: string;
  review_level: Generated<number>;
  review_levels: Generated<number>;
  scores: Generated<Json>;
  self_scores: Json | null;
  self_comment: string | null;
  shortcomings_remedied: boolean | null;
  organising_capacity: Numeric | null;
  total: Numeric | null;
  grade: string | null;
  rule_code: string | null;
  self_total: Numeric | null;
  self_grade: string | null;
  facts: Json | null;
  late: Generated<boolean>;
  escalated_at: Timestamp | null;
  submitted_at: Timestamp | null;
  reviewed_at: Timestamp | null;
  decided_at: Timestamp | null;
  published_at: Timestamp | null;
  complaint_until: CalendarDate | null;
  finalised_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EvaluationStepTable {
  tenant_id: string;
  id: string;
  evaluation_id: string;
  seq: number;
  action: string;
  from_state: string;
  to_state: string;
  level: Generated<number>;
  scores: Json | null;
  total: Numeric | null;
  grade: string | null;
  rule_code: string | null;
  comment: string | null;
  actor_user_id: string | null;
  actor_name: string;
  on_behalf_of: string | null;
  bulk: Generated<boolean>;
  opened_at: Timestamp | null;
  at: Timestamp;
}

export interface StoredFileTable {
  tenant_id: string;
  id: string;
  name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  created_by: string | null;
  created_at: Timestamp;
}

export interface EvalTaskTable {
  tenant_id: string;
  id: string;
  evaluation_id: string;
  title: string;
  product: string | null;
  deadline: CalendarDate;
  committed_date: CalendarDate | null;
  progress: Generated<number>;
  status: Generated<string>;
  done_date: CalendarDate | null;
  exceeded: Generated<boolean>;
  evidence_text: string | null;
  evidence_link: string | null;
  evidence_file_id: string | null;
  sort_order: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KpiProductTable {
  tenant_id: string;
  id: string;
  unit_id: string;
  job_position: string | null;
  code: string;
  name: string;
  measure: string | null;
  coefficient: Numeric;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KpiEntryTable {
  tenant_id: string;
  id: string;
  evaluation_id: string;
  product_id: string;
  coefficient: Numeric;
  assigned: Numeric;
  completed: Numeric;
  quality_failures: Generated<number>;
  objective_quality_failures: Generated<number>;
  delays: Generated<number>;
  objective_delays: Generated<number>;
  objective_note: string | null;
  objective_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EvalDelegationTable {
  tenant_id: string;
  id: string;
  from_user_id: string;
  to_user_id: string;
  valid_from: CalendarDate;
  valid_to: CalendarDate;
  reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface PersonFindingTable {
  tenant_id: string;
  id: string;
  person_id: string;
  kind: string;
  decision_number: string | null;
  decision_date: CalendarDate;
  issuer: string | null;
  note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface NotificationTable {
  tenant_id: string;
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  entity_type: string | null;
  entity_id: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
  emailed_at: Timestamp | null;
}

// ── Confidence votes (0009_votes.sql) ──────────────────────────────────────────────────

export interface VoteSessionTable {
  tenant_id: string;
  id: string;
  unit_id: string;
  rule_set_id: string;
  title: string;
  vote_date: CalendarDate;
  place: string | null;
  document_number: string | null;
  state: Generated<string>;
  summoned: number;
  collected: Generated<number>;
  result: Json | null;
  is_void: boolean | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  opened_at: Timestamp | null;
  closed_at: Timestamp | null;
}

export interface VoteCandidateTable {
  tenant_id: string;
  session_id: string;
  person_id: string;
  post: string;
  ordinal: number;
}

export interface VoteVoterTable {
  tenant_id: string;
  session_id: string;
  id: string;
  person_id: string;
  token_hash: string | null;
  voted: Generated<boolean>;
}

export interface VoteTallyTable {
  tenant_id: string;
  session_id: string;
  person_id: string;
  level: string;
  count: Generated<number>;
}

export interface VoteResultTable {
  tenant_id: string;
  session_id: string;
  person_id: string;
  rule_set_id: string;
  post: string;
  vote_date: CalendarDate;
  collected: number;
  high: number;
  confidence: number;
  low: number;
  invalid: number;
  high_percent: Numeric | null;
  confidence_percent: Numeric | null;
  low_percent: Numeric | null;
  flag: string;
  is_void: boolean;
  created_at: Timestamp;
}

export interface ReviewPeriodTable {
  tenant_id: string;
  id: string;
  kind: string;
  label: string;
  unit_id: string;
  unit_path: string;
  year: number | null;
  term_label: string | null;
  period_start: CalendarDate;
  period_end: CalendarDate;
  self_due: CalendarDate;
  meeting_due: CalendarDate;
  decision_due: CalendarDate;
  state: string;
  state_rule_set_id: string;
  party_rule_set_id: string;
  job_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  closed_at: Timestamp | null;
  closed_by: string | null;
  version: Generated<number>;
}

export interface AnnualReviewTable {
  tenant_id: string;
  id: string;
  period_id: string;
  subject: string;
  track: string;
  rule_set_id: string;
  person_id: string | null;
  unit_id: string;
  unit_path: string;
  decision_unit_id: string;
  decision_unit_path: string;
  position_title: string | null;
  quota_group: string | null;
  is_leader: Generated<boolean>;
  state: string;
  eligibility: Json;
  rollup: Json | null;
  proposed_score: Numeric | null;
  proposed_grade: string | null;
  self_review: string | null;
  self_score: Numeric | null;
  self_grade: string | null;
  self_submitted_at: Timestamp | null;
  collective_comment: string | null;
  targets_overfulfilled: Numeric | null;
  manager_grade: string | null;
  manager_comment: string | null;
  manager_by: string | null;
  manager_at: Timestamp | null;
  decided_grade: string | null;
  decision_comment: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  published_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AnnualReviewStepTable {
  tenant_id: string;
  id: string;
  review_id: string;
  seq: number;
  action: string;
  grade: string | null;
  comment: string | null;
  actor_id: string | null;
  at: Timestamp;
}

export interface ReviewMeetingTable {
  tenant_id: string;
  period_id: string;
  unit_id: string;
  meeting_date: CalendarDate;
  present: number;
  summoned: number;
  minutes: string;
  chaired_by: string | null;
  recorded_by: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface PersonAbsenceTable {
  tenant_id: string;
  id: string;
  person_id: string;
  kind: string;
  start_date: CalendarDate;
  end_date: CalendarDate;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface WeakOrgTable {
  tenant_id: string;
  id: string;
  unit_id: string;
  unit_path: string;
  year: number;
  reason: string;
  review_id: string | null;
  note: string | null;
  status: Generated<string>;
  status_note: string | null;
  measures: Generated<Json>;
  consolidated_on: CalendarDate | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ReportTargetTable {
  tenant_id: string;
  id: string;
  unit_id: string;
  year: number;
  code: string;
  title: string;
  kind: string;
  measure: string;
  target: number;
  achieved: Generated<number>;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ReportTargetProgressTable {
  tenant_id: string;
  id: string;
  target_id: string;
  entry_date: CalendarDate;
  amount: number;
  note: string | null;
  linked_unit_id: string | null;
  linked_person_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface WorkItemTable {
  tenant_id: string;
  id: string;
  unit_id: string;
  year: number;
  content: string;
  scheme: string | null;
  responsible_unit_id: string;
  deadline: CalendarDate;
  status: Generated<string>;
  completed_on: CalendarDate | null;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** Thresholds of the control signals (docs/CONTROL.md): tenant-wide when unit_id is null. */
export interface ControlThresholdTable {
  tenant_id: string;
  id: string;
  unit_id: string | null;
  unit_path: string | null;
  thresholds: Json;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** A cycle's stored control figures: when computed, and whether stale (docs/CONTROL.md). */
export interface ControlSnapshotTable {
  tenant_id: string;
  cycle_id: string;
  version: Generated<number>;
  computed_version: Generated<number>;
  computed_at: Timestamp | null;
}

/** Per (cycle, evaluated unit, unit path): the counts behind the control signals (migration 0016). */
export interface ControlFiguresTable {
  tenant_id: string;
  cycle_id: string;
  unit_path: string;
  unit_id: string;
  enrolled: number;
  decided: number;
  self_assessed: number;
  self_max: number;
  graded: number;
  excellent: number;
  good: number;
  completed: number;
  not_completed: number;
  late: number;
  scored: number;
  review_steps: number;
  unchanged_steps: number;
  act_steps: number;
  bulk_steps: number;
  timed_steps: number;
  median_seconds: number | null;
  reopened: number;
  clusters: Json;
}

/** Per (cycle, subtree path): the median time of its review and decision steps. */
export interface ControlSubtreeFiguresTable {
  tenant_id: string;
  cycle_id: string;
  path: string;
  timed_steps: number;
  median_seconds: number;
}

/** Custom templates of the report builder (docs/REPORTS.md, "Report builder"). */
export interface ReportTemplateTable {
  tenant_id: string;
  id: string;
  unit_id: string;
  name: string;
  kind: string;
  sections: Json;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
  version: Generated<number>;
}

/** A report built in the background, with its figures and files. */
export interface ReportRunTable {
  tenant_id: string;
  id: string;
  template_id: string;
  template_name: string;
  kind: string;
  template: Json;
  unit_id: string;
  period_from: CalendarDate;
  period_to: CalendarDate;
  as_of: CalendarDate;
  document_number: string | null;
  place: string | null;
  issue_date: CalendarDate;
  state: string;
  sections_done: Generated<number>;
  sections_total: number;
  job_id: string | null;
  error: string | null;
  data: ColumnType<unknown, string | null, string | null>;
  data_read_at: Timestamp | null;
  rule_sets: ColumnType<unknown, string | undefined, string>;
  docx_file_id: string | null;
  xlsx_file_id: string | null;
  pdf_file_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
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
  audit_chain: AuditChainTable;
  audit_pending: AuditPendingTable;
  job: JobTable;
  eval_framework: EvalFrameworkTable;
  eval_cycle: EvalCycleTable;
  eval_cycle_unit: EvalCycleUnitTable;
  eval_unit_setting: EvalUnitSettingTable;
  evaluation: EvaluationTable;
  evaluation_step: EvaluationStepTable;
  stored_file: StoredFileTable;
  eval_task: EvalTaskTable;
  kpi_product: KpiProductTable;
  kpi_entry: KpiEntryTable;
  eval_delegation: EvalDelegationTable;
  person_finding: PersonFindingTable;
  notification: NotificationTable;
  vote_session: VoteSessionTable;
  vote_candidate: VoteCandidateTable;
  vote_voter: VoteVoterTable;
  vote_tally: VoteTallyTable;
  vote_result: VoteResultTable;
  review_period: ReviewPeriodTable;
  annual_review: AnnualReviewTable;
  annual_review_step: AnnualReviewStepTable;
  review_meeting: ReviewMeetingTable;
  person_absence: PersonAbsenceTable;
  weak_org: WeakOrgTable;
  report_target: ReportTargetTable;
  report_target_progress: ReportTargetProgressTable;
  work_item: WorkItemTable;
  report_template: ReportTemplateTable;
  report_run: ReportRunTable;
  control_threshold: ControlThresholdTable;
  control_snapshot: ControlSnapshotTable;
  control_figures: ControlFiguresTable;
  control_subtree_figures: ControlSubtreeFiguresTable;
}
