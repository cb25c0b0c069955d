import { z } from 'zod';
import { EVALUATION_ACTIONS, EVALUATION_STATES, GRADES, RULE_SET_IDS } from '../evaluation/types';
import { CalendarDate, MAX_DATE_YEAR, MIN_DATE_YEAR } from '../formats/dates';
import { Id, PageQuery, pageOf, Version } from './common';

/**
 * Periodic evaluation API (docs/EVALUATIONS.md): frameworks, cycles, evaluations and their
 * workflow, tasks with evidence, KPI records, delegations, notifications and control views.
 * Scores are points per leaf criterion code; totals have two decimals.
 */

export const GradeSchema = z.enum(GRADES);
export const RuleSetIdSchema = z.enum(RULE_SET_IDS);
export const EvaluationStateSchema = z.enum(EVALUATION_STATES);
export const EvaluationActionSchema = z.enum(EVALUATION_ACTIONS);
export const PeriodKindSchema = z.enum(['month', 'quarter']);

const TextSchema = z.object({ vi: z.string(), en: z.string() });
const Comment = z.string().trim().min(1).max(4000);
const Points = z.number().min(0).max(100);
/** Leaf criterion code → points. */
export const Scores = z.record(z.string().min(1).max(40), Points);
export type Scores = z.infer<typeof Scores>;

export const RuleRefView = z.object({ code: z.string(), article: z.string(), text: TextSchema });

// ── Rule sets and frameworks ───────────────────────────────────────────────────────────

export const RuleSetView = z.object({
  id: RuleSetIdSchema,
  title: TextSchema,
  source: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  periods: z.array(z.string()),
  thresholds: z.object({ excellent: z.number(), good: z.number(), completed: z.number() }),
  groups: z.array(z.object({ code: z.string(), title: TextSchema, maxPoints: z.number(), kind: z.string() })),
  parameters: z.array(
    z.object({
      key: z.string(),
      value: z.union([z.number(), z.string(), z.boolean()]),
      label: TextSchema,
      note: TextSchema,
    }),
  ),
});

export interface CriterionInput {
  code: string;
  title: { vi: string; en: string };
  maxPoints: number;
  guidance?: { vi: string; en: string } | undefined;
  source?: 'manual' | 'kpi' | undefined;
  children?: CriterionInput[] | undefined;
}
export const CriterionSchema: z.ZodType<CriterionInput> = z.lazy(() =>
  z.strictObject({
    code: z.string().trim().min(1).max(40),
    title: z.strictObject({ vi: z.string().trim().min(1).max(300), en: z.string().trim().max(300) }),
    maxPoints: z.number().positive().max(100),
    guidance: z.strictObject({ vi: z.string().max(4000), en: z.string().max(4000) }).optional(),
    source: z.enum(['manual', 'kpi']).optional(),
    children: z.array(CriterionSchema).max(50).optional(),
  }),
);

export const FRAMEWORK_STATUSES = ['draft', 'published', 'retired'] as const;
export const FrameworkView = z.object({
  id: Id,
  familyId: Id,
  versionNo: z.number().int(),
  ruleSetId: RuleSetIdSchema,
  unitId: Id,
  unitName: z.string(),
  name: z.string(),
  status: z.enum(FRAMEWORK_STATUSES),
  criteria: z.array(CriterionSchema),
  parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  basedOnId: Id.nullable(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type FrameworkView = z.infer<typeof FrameworkView>;
export const FrameworkListQuery = PageQuery.extend({
  unitId: Id.optional(),
  ruleSetId: RuleSetIdSchema.optional(),
  status: z.enum(FRAMEWORK_STATUSES).optional(),
});
export const FrameworkPage = pageOf(FrameworkView);
export const CreateFrameworkInput = z.strictObject({
  ruleSetId: RuleSetIdSchema,
  unitId: Id,
  name: z.string().trim().min(1).max(300),
  /** Start from this framework's criteria (a new version of its family when `newVersion`). */
  basedOnId: Id.optional(),
  newVersion: z.boolean().optional(),
  /** Omitted: the rule set's default breakdown (or the base framework's). */
  criteria: z.array(CriterionSchema).max(20).optional(),
  parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
});
export const UpdateFrameworkInput = z.strictObject({
  name: z.string().trim().min(1).max(300).optional(),
  criteria: z.array(CriterionSchema).max(20).optional(),
  parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
  version: Version,
});
export const VersionInput = z.strictObject({ version: Version });

// ── Cycles ────────────────────────────────────────────────────────────────────────────

export const CYCLE_STATUSES = ['open', 'closed'] as const;
export const CycleDeadlines = z.strictObject({
  selfDue: CalendarDate,
  reviewDue: CalendarDate,
  decisionDue: CalendarDate,
  /** Days after publication during which a person may complain. */
  complaintDays: z.number().int().min(0).max(60),
});
export const CycleView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  frameworkId: Id,
  frameworkName: z.string(),
  frameworkVersionNo: z.number().int(),
  ruleSetId: RuleSetIdSchema,
  periodKind: PeriodKindSchema,
  periodStart: z.string(),
  periodEnd: z.string(),
  /** "Tháng 11/2026", "Quý IV/2026". */
  label: z.string(),
  status: z.enum(CYCLE_STATUSES),
  deadlines: CycleDeadlines,
  autoNext: z.boolean(),
  enrolled: z.number().int(),
  counts: z.record(EvaluationStateSchema, z.number().int()),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type CycleView = z.infer<typeof CycleView>;
export const CycleListQuery = PageQuery.extend({
  unitId: Id.optional(),
  status: z.enum(CYCLE_STATUSES).optional(),
});
export const CyclePage = pageOf(CycleView);
export const CreateCycleInput = z.strictObject({
  unitId: Id,
  frameworkId: Id,
  periodKind: PeriodKindSchema.default('month'),
  /** First day of the month or quarter. */
  periodStart: CalendarDate,
  /** Omitted: defaults relative to the period's end (docs/EVALUATIONS.md). */
  deadlines: CycleDeadlines.optional(),
  autoNext: z.boolean().default(true),
});
export const UpdateCycleInput = z.strictObject({
  deadlines: CycleDeadlines.optional(),
  autoNext: z.boolean().optional(),
  version: Version,
});
export const CloseCycleResult = z.object({
  cycle: CycleView,
  finalised: z.number().int(),
  notEvaluated: z.number().int(),
  /** Units whose published grades break the quota (the close refuses when any). */
  quotaViolations: z.array(
    z.object({ unitId: Id, unitName: z.string(), group: z.string().nullable(), message: TextSchema }),
  ),
});
export const OutstandingInput = z.strictObject({
  outstanding: z.boolean(),
  reason: z.string().trim().min(1).max(2000).optional(),
  version: Version,
});
export const CycleUnitParams = z.strictObject({ id: Id, unitId: Id });

// ── Evaluations ───────────────────────────────────────────────────────────────────────

export const StepView = z.object({
  id: Id,
  action: EvaluationActionSchema,
  fromState: EvaluationStateSchema,
  toState: EvaluationStateSchema,
  level: z.number().int(),
  scores: Scores.nullable(),
  total: z.number().nullable(),
  grade: GradeSchema.nullable(),
  rule: RuleRefView.nullable(),
  comment: z.string().nullable(),
  actorName: z.string(),
  onBehalfOf: z.string().nullable(),
  bulk: z.boolean(),
  at: z.string(),
});

export const EvaluationSummary = z.object({
  id: Id,
  cycleId: Id,
  cycleLabel: z.string(),
  /** The rule set the evaluation is graded under (its grade words: "Loại A (…)"). */
  ruleSetId: RuleSetIdSchema,
  personId: Id,
  personName: z.string(),
  personCode: z.string(),
  unitId: Id,
  unitName: z.string(),
  positionTitle: z.string().nullable(),
  titleGroup: z.string().nullable(),
  isLeader: z.boolean(),
  state: EvaluationStateSchema,
  reviewLevel: z.number().int(),
  reviewLevels: z.number().int(),
  selfTotal: z.number().nullable(),
  selfGrade: GradeSchema.nullable(),
  total: z.number().nullable(),
  grade: GradeSchema.nullable(),
  /** Scores unchanged since the self-assessment (bulk approval allowed). */
  unchanged: z.boolean(),
  late: z.boolean(),
  dueDate: z.string().nullable(),
  version: z.number().int(),
});
export type EvaluationSummary = z.infer<typeof EvaluationSummary>;

export const KpiEntryView = z.object({
  id: Id,
  productId: Id,
  productCode: z.string(),
  productName: z.string(),
  measure: z.string().nullable(),
  coefficient: z.number(),
  assigned: z.number(),
  completed: z.number(),
  qualityFailures: z.number().int(),
  objectiveQualityFailures: z.number().int(),
  delays: z.number().int(),
  objectiveDelays: z.number().int(),
  objectiveNote: z.string().nullable(),
  version: z.number().int(),
});
export const KpiResultView = z.object({
  assignedConverted: z.number(),
  completedConverted: z.number(),
  quantityPercent: z.number(),
  qualityPercent: z.number(),
  schedulePercent: z.number(),
  unitComponent: z.number().nullable(),
  organisingCapacity: z.number().nullable(),
  points: z.number(),
});

export const TASK_STATUSES = ['planned', 'inProgress', 'done', 'dropped'] as const;
export const TaskView = z.object({
  id: Id,
  title: z.string(),
  product: z.string().nullable(),
  deadline: z.string(),
  committedDate: z.string().nullable(),
  progress: z.number().int(),
  status: z.enum(TASK_STATUSES),
  doneDate: z.string().nullable(),
  exceeded: z.boolean(),
  onTime: z.boolean().nullable(),
  evidenceText: z.string().nullable(),
  evidenceLink: z.string().nullable(),
  evidenceFile: z
    .object({ id: Id, name: z.string(), size: z.number().int(), contentType: z.string() })
    .nullable(),
  version: z.number().int(),
});
export type TaskView = z.infer<typeof TaskView>;

export const EvaluationDetail = EvaluationSummary.extend({
  ruleSetId: RuleSetIdSchema,
  framework: z.object({
    id: Id,
    name: z.string(),
    versionNo: z.number().int(),
    criteria: z.array(CriterionSchema),
  }),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** The latest scores (draft, self, or the last review/decision). */
  scores: Scores,
  rule: RuleRefView.nullable(),
  selfComment: z.string().nullable(),
  /** Facts that rules other than points depend on (disqualifiers, tasks). */
  facts: z.object({
    disciplinesInYear: z.array(z.string()),
    degradationConcluded: z.boolean(),
    corruptionInManagedUnit: z.boolean(),
    shortcomingsRemedied: z.boolean().nullable(),
  }),
  steps: z.array(StepView),
  tasks: z.array(TaskView),
  kpi: z
    .object({
      entries: z.array(KpiEntryView),
      result: KpiResultView.nullable(),
      organisingCapacity: z.number().nullable(),
    })
    .nullable(),
  /** What the caller may do now. */
  allowed: z.array(EvaluationActionSchema.or(z.literal('saveDraft'))),
  publishedAt: z.string().nullable(),
  complaintUntil: z.string().nullable(),
});
export type EvaluationDetail = z.infer<typeof EvaluationDetail>;

export const EvaluationListQuery = PageQuery.extend({
  cycleId: Id.optional(),
  unitId: Id.optional(),
  state: EvaluationStateSchema.optional(),
  grade: GradeSchema.optional(),
  /** Only items waiting on the caller (review or decision). */
  waiting: z.coerce.boolean().optional(),
  late: z.coerce.boolean().optional(),
  sort: z.enum(['name', 'unit', 'total', 'state']).default('name'),
});
export const EvaluationPage = pageOf(EvaluationSummary);

export const SaveScoresInput = z.strictObject({
  scores: Scores,
  comment: Comment.optional(),
  shortcomingsRemedied: z.boolean().optional(),
  version: Version,
});
/** Review or decision: scores omitted keeps the current ones; changed scores need a comment. */
export const StepInput = z.strictObject({
  scores: Scores.optional(),
  comment: Comment.optional(),
  /**
   * When the reviewer opened the item (control signals: time spent). The year is kept to the API's
   * calendar range: PostgreSQL has no year 0, and "0000-01-01T00:00:00Z" (a valid ISO datetime) was
   * a 500 (found by the body fuzz test).
   */
  openedAt: z.iso
    .datetime()
    .refine((s) => s.slice(0, 4) >= String(MIN_DATE_YEAR) && s.slice(0, 4) <= String(MAX_DATE_YEAR), {
      message: `the year must be from ${MIN_DATE_YEAR} to ${MAX_DATE_YEAR}`,
    })
    .optional(),
  version: Version,
});
export const ReasonInput = z.strictObject({ reason: Comment, version: Version });
export const BulkInput = z.strictObject({
  items: z
    .array(z.strictObject({ id: Id, version: Version }))
    .min(1)
    .max(500),
});
export const BulkResult = z.object({
  done: z.array(z.object({ id: Id, version: z.number().int() })),
  failed: z.array(z.object({ id: Id, code: z.string(), message: z.string() })),
});

/** Head's unit board: people, grades and the quota meter. */
export const QuotaMeter = z.object({
  group: z.string().nullable(),
  graded: z.number().int(),
  excellent: z.number().int(),
  good: z.number().int(),
  limit: z.number().int(),
  percent: z.number(),
  basis: z.enum(['graded', 'good']),
  ok: z.boolean(),
  message: TextSchema,
});
/**
 * A row of the board. `decidedAbove`: a leader of the unit, whose deciding unit is the parent
 * (docs/EVALUATIONS.md, "Enrolment"): listed and counted in the unit's quota, but decided by the
 * level above — never by this board's decide-all unless the caller heads that level too.
 */
export const BoardItem = EvaluationSummary.extend({ decidedAbove: z.boolean() });
export const UnitBoard = z.object({
  cycle: CycleView,
  unit: z.object({
    id: Id,
    name: z.string(),
    outstanding: z.boolean(),
    outstandingReason: z.string().nullable(),
    version: z.number().int(),
  }),
  /** Proposed grades of everyone evaluated in the unit (leaders too), whoever the caller may see. */
  quota: z.array(QuotaMeter),
  items: z.array(BoardItem),
  /** Everyone the caller decides is reviewed and the proposed grades fit the quota: one click decides them. */
  canDecideAll: z.boolean(),
  /** How many reviewed items decide-all would decide (those the caller decides). */
  toDecide: z.number().int(),
  canPublish: z.boolean(),
});
export type UnitBoard = z.infer<typeof UnitBoard>;

// ── Tasks and evidence ───────────────────────────────────────────────────────────────

export const TaskParams = z.strictObject({ id: Id, taskId: Id });
export const CreateTaskInput = z.strictObject({
  title: z.string().trim().min(1).max(500),
  product: z.string().trim().min(1).max(500).optional(),
  deadline: CalendarDate,
  committedDate: CalendarDate.optional(),
});
export const UpdateTaskInput = z.strictObject({
  title: z.string().trim().min(1).max(500).optional(),
  product: z.string().trim().min(1).max(500).nullable().optional(),
  deadline: CalendarDate.optional(),
  committedDate: CalendarDate.nullable().optional(),
  progress: z.number().int().min(0).max(100).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  doneDate: CalendarDate.nullable().optional(),
  exceeded: z.boolean().optional(),
  evidenceText: z.string().trim().max(4000).nullable().optional(),
  evidenceLink: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
  version: Version,
});

// ── KPI (Decree 335) ─────────────────────────────────────────────────────────────────

export const KpiProductView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  jobPosition: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  measure: z.string().nullable(),
  coefficient: z.number(),
  active: z.boolean(),
  version: z.number().int(),
});
export const KpiProductQuery = PageQuery.extend({
  unitId: Id.optional(),
  active: z.coerce.boolean().optional(),
});
export const KpiProductPage = pageOf(KpiProductView);
/** The active products an evaluation records figures against: its unit's catalogue and those above it. */
export const KpiProductList = z.object({ items: z.array(KpiProductView) });
export const CreateKpiProductInput = z.strictObject({
  unitId: Id,
  jobPosition: z.string().trim().min(1).max(200).optional(),
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(500),
  measure: z.string().trim().min(1).max(100).optional(),
  // kpi_product.coefficient is numeric(10,3) CHECK (> 0): a positive value below 0.0005 rounded to 0
  // and broke the CHECK (a 500, found by the body fuzz test). 0.001 is the smallest it can hold.
  coefficient: z.number().min(0.001).max(1000),
});
export const UpdateKpiProductInput = CreateKpiProductInput.omit({ unitId: true })
  .partial()
  .extend({ active: z.boolean().optional(), version: Version })
  .strict();
export const KpiEntryInput = z.strictObject({
  productId: Id,
  assigned: z.number().min(0).max(100_000),
  completed: z.number().min(0).max(100_000),
  qualityFailures: z.number().int().min(0).max(1000).default(0),
  delays: z.number().int().min(0).max(1000).default(0),
});
export const SaveKpiInput = z.strictObject({
  entries: z.array(KpiEntryInput).max(200),
  /** Leaders: capacity to organise implementation, 0–100 (reviewer). */
  organisingCapacity: z.number().min(0).max(100).nullable().optional(),
  version: Version,
});
/** The reviewer attributes some failures or delays to an objective cause (audited). */
export const ObjectiveCauseInput = z.strictObject({
  objectiveQualityFailures: z.number().int().min(0).max(1000),
  objectiveDelays: z.number().int().min(0).max(1000),
  note: Comment,
  version: Version,
});
export const KpiEntryParams = z.strictObject({ id: Id, entryId: Id });

// ── Findings that disqualify (Decree 335 Art. 20 cl. 4 b, d) ─────────────────────────

export const FINDING_KINDS = ['degradation', 'corruptionInManagedUnit'] as const;
export const FindingView = z.object({
  id: Id,
  kind: z.enum(FINDING_KINDS),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string(),
  issuer: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export const CreateFindingInput = z.strictObject({
  kind: z.enum(FINDING_KINDS),
  decisionNumber: z.string().trim().min(1).max(100).optional(),
  decisionDate: CalendarDate,
  issuer: z.string().trim().min(1).max(300).optional(),
  note: z.string().trim().min(1).max(4000).optional(),
});

// ── Delegation, review levels ────────────────────────────────────────────────────────

export const DelegationView = z.object({
  id: Id,
  fromUserId: Id,
  fromName: z.string(),
  toUserId: Id,
  toName: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  reason: z.string().nullable(),
  active: z.boolean(),
  revokedAt: z.string().nullable(),
});
export const CreateDelegationInput = z.strictObject({
  toUserId: Id,
  validFrom: CalendarDate,
  validTo: CalendarDate,
  reason: z.string().trim().min(1).max(1000).optional(),
});
export const DelegationList = z.object({ given: z.array(DelegationView), received: z.array(DelegationView) });
/** Who may be named deputy: active users in the caller's review or decision scopes. */
export const DelegationCandidateQuery = z.strictObject({ q: z.string().trim().max(200).optional() });
export const DelegationCandidate = z.object({ id: Id, displayName: z.string(), unitName: z.string() });
export const DelegationCandidateList = z.object({ items: z.array(DelegationCandidate) });
export const ReviewSettingView = z.object({
  unitId: Id,
  reviewLevels: z.number().int().min(1).max(3),
  version: z.number().int(),
});
export const ReviewSettingInput = z.strictObject({
  reviewLevels: z.number().int().min(1).max(3),
  version: Version.optional(),
});

// ── Notifications ────────────────────────────────────────────────────────────────────

export const NotificationView = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const NotificationList = z.object({ items: z.array(NotificationView), unread: z.number().int() });

// ── Control views ────────────────────────────────────────────────────────────────────

export const MonitorQuery = z.strictObject({ unitId: Id.optional() });
export const MonitorRow = z.object({
  unitId: Id,
  unitName: z.string(),
  unitPath: z.string(),
  depth: z.number().int(),
  enrolled: z.number().int(),
  counts: z.record(EvaluationStateSchema, z.number().int()),
  late: z.number().int(),
  /** Share (0–100, two decimals) at decided or beyond. */
  completion: z.number(),
  grades: z.record(GradeSchema, z.number().int()),
});
export const Monitor = z.object({
  cycle: CycleView,
  total: MonitorRow,
  /** The unit asked for and its direct children (drill down by asking for a child). */
  rows: z.array(MonitorRow),
  late: z.array(EvaluationSummary),
});
export const GradeHistory = z.object({
  personId: Id,
  items: z.array(
    z.object({
      evaluationId: Id,
      cycleId: Id,
      label: z.string(),
      periodStart: z.string(),
      ruleSetId: RuleSetIdSchema,
      state: EvaluationStateSchema,
      total: z.number().nullable(),
      grade: GradeSchema.nullable(),
    }),
  ),
});

// ── Setup views added with the setup routes (frameworks, cycles, tasks, findings) ────────────

export const RuleSetList = z.array(RuleSetView);
export const UnitIdParams = z.strictObject({ unitId: Id });
/**
 * POST /api/cycles/:id/enrol: the cycle after enrolment, with who was added and who was re-homed;
 * `skipped`: people of the subtree left out because another cycle whose period overlaps this one
 * already evaluates them (nobody is evaluated twice for the same time).
 */
export const EnrolResult = z.object({
  cycle: CycleView,
  added: z.number().int(),
  rehomed: z.number().int(),
  skipped: z.number().int(),
});
/** POST /api/cycles: the cycle opened, with `skipped` as in EnrolResult. */
export const OpenedCycleView = CycleView.extend({ skipped: z.number().int() });
export type OpenedCycleView = z.infer<typeof OpenedCycleView>;
/** A unit of a cycle: the outstanding mark an organisation officer sets for the period. */
export const CycleUnitView = z.object({
  cycleId: Id,
  unitId: Id,
  unitName: z.string(),
  outstanding: z.boolean(),
  outstandingReason: z.string().nullable(),
  version: z.number().int(),
});
export const FindingList = z.object({ items: z.array(FindingView) });
export const TaskList = z.object({ items: z.array(TaskView) });
/** Evidence upload: the task's version, when the client wants the upload refused on a stale copy. */
export const EvidenceQuery = z.strictObject({
  version: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
});
