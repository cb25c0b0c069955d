import { z } from 'zod';
import {
  ABSENCE_KINDS,
  ANNUAL_RULE_SET_IDS,
  ELIGIBILITY_STATUSES,
  REVIEW_PERIOD_KINDS,
  REVIEW_SUBJECTS,
  REVIEW_TRACKS,
  ROLLUP_FORMULAS,
} from '../annual/types';
import { GRADES, RULE_SET_IDS } from '../evaluation/types';
import { CalendarDate } from '../formats/dates';
import { Id, PageQuery, pageOf, Version } from './common';
import { QuotaMeter, RuleRefView } from './evaluations';

/**
 * Annual and mid-term review API (docs/ANNUAL.md): review periods over a subtree, one review per
 * person and track (state / party) and per collective, the self-review, the unit meeting's comments,
 * the manager's proposal, the head's decision within the quota and the leader–unit link, publication
 * into the person's record, weak base party organisations with their consolidation plans, and leave
 * periods that eligibility depends on.
 */

export const AnnualRuleSetIdSchema = z.enum(ANNUAL_RULE_SET_IDS);
export const ReviewTrackSchema = z.enum(REVIEW_TRACKS);
export const ReviewPeriodKindSchema = z.enum(REVIEW_PERIOD_KINDS);
export const ReviewSubjectSchema = z.enum(REVIEW_SUBJECTS);
export const RollupFormulaSchema = z.enum(ROLLUP_FORMULAS);
export const EligibilityStatusSchema = z.enum(ELIGIBILITY_STATUSES);
export const AbsenceKindSchema = z.enum(ABSENCE_KINDS);
const Grade = z.enum(GRADES);
const TextSchema = z.object({ vi: z.string(), en: z.string() });
const Comment = z.string().trim().min(1).max(4000);
const LongText = z.string().trim().min(1).max(20_000);

// ── Review periods ─────────────────────────────────────────────────────────────────────

/** preparing: the roll-up job is enrolling and proposing; open: in progress; closed: read-only. */
export const REVIEW_PERIOD_STATES = ['preparing', 'open', 'closed'] as const;
export const ReviewPeriodStateSchema = z.enum(REVIEW_PERIOD_STATES);

export const ReviewPeriodCounts = z.object({
  people: z.number().int(),
  collectives: z.number().int(),
  notReviewed: z.number().int(),
  selfReviewed: z.number().int(),
  proposed: z.number().int(),
  decided: z.number().int(),
  published: z.number().int(),
});

export const ReviewPeriodView = z.object({
  id: Id,
  kind: ReviewPeriodKindSchema,
  label: z.string(),
  unitId: Id,
  unitName: z.string(),
  /** Annual: the calendar year; mid-term: null. */
  year: z.number().int().nullable(),
  /** Mid-term: the term, e.g. "2025–2030"; annual: null. */
  termLabel: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  selfDue: z.string(),
  meetingDue: z.string(),
  decisionDue: z.string(),
  state: ReviewPeriodStateSchema,
  /** Rule sets in force at the period's end for each track (people of a category may use another, shown per review). */
  stateRuleSetId: AnnualRuleSetIdSchema,
  partyRuleSetId: AnnualRuleSetIdSchema,
  /** The running roll-up job while preparing. */
  jobId: Id.nullable(),
  /** The preparation job's progress (reviews computed of the total), while it is queued or running. */
  preparation: z
    .object({
      state: z.enum(['queued', 'running', 'done', 'failed']),
      done: z.number().int(),
      total: z.number().int(),
      error: z.string().nullable(),
    })
    .nullable(),
  counts: ReviewPeriodCounts,
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ReviewPeriodView = z.infer<typeof ReviewPeriodView>;

export const ReviewPeriodListQuery = PageQuery.extend({
  unitId: Id.optional(),
  kind: ReviewPeriodKindSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  state: ReviewPeriodStateSchema.optional(),
});
export const ReviewPeriodPage = pageOf(ReviewPeriodView);

export const CreateReviewPeriodInput = z
  .strictObject({
    kind: ReviewPeriodKindSchema,
    unitId: Id,
    /** Annual: the year reviewed (1 January – 31 December). */
    year: z.number().int().min(2000).max(2100).optional(),
    /** Mid-term: the term's label and the stretch reviewed. */
    termLabel: z.string().trim().min(1).max(40).optional(),
    periodStart: CalendarDate.optional(),
    periodEnd: CalendarDate.optional(),
    selfDue: CalendarDate,
    meetingDue: CalendarDate,
    decisionDue: CalendarDate,
  })
  .superRefine((input, ctx) => {
    if (input.kind === 'annual' && input.year === undefined) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'Cần chọn năm đánh giá' });
    }
    if (input.kind === 'midterm') {
      for (const key of ['termLabel', 'periodStart', 'periodEnd'] as const) {
        if (input[key] === undefined) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'Bắt buộc với kỳ giữa nhiệm kỳ' });
        }
      }
      if (input.periodStart && input.periodEnd && input.periodEnd < input.periodStart) {
        ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'Ngày kết thúc phải sau ngày bắt đầu' });
      }
    }
    if (input.meetingDue < input.selfDue) {
      ctx.addIssue({ code: 'custom', path: ['meetingDue'], message: 'Hạn họp phải sau hạn tự kiểm điểm' });
    }
    if (input.decisionDue < input.meetingDue) {
      ctx.addIssue({ code: 'custom', path: ['decisionDue'], message: 'Hạn quyết định phải sau hạn họp' });
    }
  });
export type CreateReviewPeriodInput = z.infer<typeof CreateReviewPeriodInput>;

/** Progress of a period per unit (people reviewed in the unit, collectives of the unit), in the caller's scope. */
export const PeriodUnitProgress = z.object({
  unitId: Id,
  unitName: z.string(),
  unitPath: z.string(),
  people: z.number().int(),
  collectives: z.number().int(),
  /** Counts by state over people and collectives. */
  states: z.record(
    z.enum(['pending', 'selfReviewed', 'proposed', 'decided', 'published', 'notReviewed']),
    z.number().int(),
  ),
});
export const PeriodUnitsView = z.object({ items: z.array(PeriodUnitProgress) });
export type PeriodUnitsView = z.infer<typeof PeriodUnitsView>;

export const VersionBody = z.strictObject({ version: Version });
export const PeriodUnitParams = z.strictObject({ id: Id, unitId: Id });
export const BoardQuery = z.strictObject({
  track: ReviewTrackSchema.default('state'),
  /** person: the people of the unit; collective: the collectives the unit decides (its sub-organisations). */
  subject: z.enum(['person', 'collective']).default('person'),
});

// ── Reviews ────────────────────────────────────────────────────────────────────────────

export const REVIEW_STATES = [
  'pending',
  'selfReviewed',
  'proposed',
  'decided',
  'published',
  'notReviewed',
] as const;
export const ReviewStateSchema = z.enum(REVIEW_STATES);

export const EligibilityView = z.object({
  status: EligibilityStatusSchema,
  cap: Grade.nullable(),
  forced: Grade.nullable(),
  selfReviewRequired: z.boolean(),
  reasons: z.array(RuleRefView),
});

export const PeriodResultView = z.object({
  periodStart: z.string(),
  periodEnd: z.string(),
  ruleSetId: z.enum(RULE_SET_IDS),
  total: z.number().nullable(),
  grade: Grade.nullable(),
  kpiPoints: z.number().nullable().optional(),
  generalPoints: z.number().nullable().optional(),
  unitName: z.string().optional(),
});

export const RollupView = z.object({
  formula: RollupFormulaSchema,
  counted: z.number().int(),
  listed: z.number().int(),
  score: z.number().nullable(),
  grade: Grade.nullable(),
  gradeCounts: z.record(Grade, z.number().int()),
  rule: RuleRefView.nullable(),
  explanation: TextSchema,
  inputs: z.array(PeriodResultView),
});

export const LinkageView = z.object({
  ok: z.boolean(),
  highestAllowed: Grade,
  violations: z.array(z.object({ rule: RuleRefView, message: TextSchema })),
});

export const AnnualReviewSummary = z.object({
  id: Id,
  periodId: Id,
  /** "Năm 2026", "Giữa nhiệm kỳ 2025–2030". */
  periodLabel: z.string(),
  subject: ReviewSubjectSchema,
  track: ReviewTrackSchema,
  ruleSetId: AnnualRuleSetIdSchema,
  /** Individuals only. */
  personId: Id.nullable(),
  personName: z.string().nullable(),
  personCode: z.string().nullable(),
  /** The unit the person is reviewed in, or the collective itself. */
  unitId: Id,
  unitName: z.string(),
  positionTitle: z.string().nullable(),
  /** Group of similar posts (people) or of similar collectives (the unit type): the quota's group. */
  quotaGroup: z.string().nullable(),
  isLeader: z.boolean(),
  state: ReviewStateSchema,
  eligibility: EligibilityView,
  /** The system's proposal from the period results (people) or the self-assessed score (collectives). */
  proposedScore: z.number().nullable(),
  proposedGrade: Grade.nullable(),
  selfGrade: Grade.nullable(),
  managerGrade: Grade.nullable(),
  decidedGrade: Grade.nullable(),
  /** The leader–unit link for the grade in play (manager's or decided); null for non-leaders. */
  linkageOk: z.boolean().nullable(),
  /** The head who decides is above this unit (leaders of the unit, collectives). */
  decidedAbove: z.boolean(),
  version: z.number().int(),
});
export type AnnualReviewSummary = z.infer<typeof AnnualReviewSummary>;

export const ReviewMeetingView = z.object({
  unitId: Id,
  meetingDate: z.string(),
  present: z.number().int(),
  summoned: z.number().int(),
  minutes: z.string(),
  chairedBy: z.string().nullable(),
  version: z.number().int(),
});

export const ReviewStepView = z.object({
  action: z.enum(['selfReview', 'comment', 'propose', 'decide', 'publish', 'reopen']),
  grade: Grade.nullable(),
  comment: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
});

export const CollectiveEvidence = z.object({
  /** Decided (else proposed) grades of the people reviewed in the unit, by grade. */
  members: z.record(Grade, z.number().int()),
  membersNotGraded: z.number().int(),
  /** Grades of its directly subordinate collectives. */
  subordinates: z.record(Grade, z.number().int()),
  disciplineInside: z.boolean(),
});

export const AnnualReviewDetail = AnnualReviewSummary.extend({
  period: ReviewPeriodView,
  rollup: RollupView.nullable(),
  selfReview: z.string().nullable(),
  selfScore: z.number().nullable(),
  selfSubmittedAt: z.string().nullable(),
  meeting: ReviewMeetingView.nullable(),
  collectiveComment: z.string().nullable(),
  targetsOverfulfilledPercent: z.number().nullable(),
  managerComment: z.string().nullable(),
  decisionComment: z.string().nullable(),
  decidedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  linkage: LinkageView.nullable(),
  collective: CollectiveEvidence.nullable(),
  steps: z.array(ReviewStepView),
  /** What the caller may do now. */
  can: z.object({
    selfReview: z.boolean(),
    comment: z.boolean(),
    propose: z.boolean(),
    decide: z.boolean(),
  }),
});
export type AnnualReviewDetail = z.infer<typeof AnnualReviewDetail>;

export const AnnualReviewListQuery = PageQuery.extend({
  periodId: Id.optional(),
  unitId: Id.optional(),
  track: ReviewTrackSchema.optional(),
  subject: ReviewSubjectSchema.optional(),
  state: ReviewStateSchema.optional(),
  grade: Grade.optional(),
});
export const AnnualReviewPage = pageOf(AnnualReviewSummary);
export const AnnualReviewList = z.object({ items: z.array(AnnualReviewSummary) });

export const SelfReviewInput = z.strictObject({
  /** The bản tự kiểm điểm: strengths, shortcomings, causes, remedies. */
  selfReview: LongText,
  /** The grade the person (or collective) proposes; null for someone not graded this period. */
  proposedGrade: Grade.nullable(),
  /** Collectives: the self-assessed score (30 general + 70 results). */
  score: z.number().min(0).max(100).nullish(),
  version: Version,
});
export const CommentInput = z.strictObject({ comment: Comment, version: Version });
export const ProposeInput = z.strictObject({
  grade: Grade,
  comment: Comment.nullish(),
  /** Leaders: share of the unit's targets over-fulfilled (Decree 90) or tasks exceeding (366), 0–100. */
  targetsOverfulfilledPercent: z.number().min(0).max(100).nullish(),
  version: Version,
});
export const DecideInput = z.strictObject({ grade: Grade, comment: Comment.nullish(), version: Version });
export const ReopenInput = z.strictObject({ reason: Comment, version: Version });

export const MeetingInput = z
  .strictObject({
    meetingDate: CalendarDate,
    present: z.number().int().min(0).max(100_000),
    summoned: z.number().int().min(1).max(100_000),
    minutes: LongText,
    chairedBy: z.string().trim().max(200).nullish(),
    /** Omitted when the meeting is recorded the first time. */
    version: Version.optional(),
  })
  .refine((input) => input.present <= input.summoned, {
    path: ['present'],
    message: 'Số có mặt không thể lớn hơn số được triệu tập',
  });

export const ClassificationBoard = z.object({
  period: ReviewPeriodView,
  unit: z.object({ id: Id, name: z.string() }),
  track: ReviewTrackSchema,
  subject: z.enum(['person', 'collective']),
  ruleSetIds: z.array(AnnualRuleSetIdSchema),
  /** Quota on the grades in play (decided, else proposed by the manager, else the system's proposal). */
  quota: z.array(QuotaMeter),
  items: z.array(AnnualReviewSummary),
  /** Leaders whose grade in play breaks the link with their unit, with the reasons. */
  linkageWarnings: z.array(z.object({ reviewId: Id, name: z.string(), violations: z.array(TextSchema) })),
  meeting: ReviewMeetingView.nullable(),
  /** Counts by state. */
  progress: z.record(ReviewStateSchema, z.number().int()),
  canDecide: z.boolean(),
  canPublish: z.boolean(),
});
export type ClassificationBoard = z.infer<typeof ClassificationBoard>;

export const PublishResult = z.object({ published: z.number().int(), weakOrganisations: z.number().int() });

/** A person's published annual and mid-term results, filed in the record. */
export const FiledResultView = z.object({
  reviewId: Id,
  periodLabel: z.string(),
  kind: ReviewPeriodKindSchema,
  track: ReviewTrackSchema,
  ruleSetId: AnnualRuleSetIdSchema,
  grade: Grade.nullable(),
  unitName: z.string(),
  publishedAt: z.string(),
});
export const FiledResultList = z.object({ items: z.array(FiledResultView) });

// ── Leave periods (eligibility) ───────────────────────────────────────────────────────

export const AbsenceView = z.object({
  id: Id,
  personId: Id,
  kind: AbsenceKindSchema,
  startDate: z.string(),
  endDate: z.string(),
  note: z.string().nullable(),
});
export const AbsenceList = z.object({ items: z.array(AbsenceView) });
export const AbsenceInput = z
  .strictObject({
    kind: AbsenceKindSchema,
    startDate: CalendarDate,
    endDate: CalendarDate,
    note: z.string().trim().max(1000).nullish(),
  })
  .refine((input) => input.endDate >= input.startDate, {
    path: ['endDate'],
    message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi',
  });
export const AbsenceParams = z.strictObject({ id: Id, absenceId: Id });

// ── Weak base party organisations ─────────────────────────────────────────────────────

export const WEAK_ORG_REASONS = ['graded', 'designated'] as const;
export const WEAK_ORG_STATUSES = ['planned', 'inProgress', 'consolidated', 'notConsolidated'] as const;
export const WeakOrgStatusSchema = z.enum(WEAK_ORG_STATUSES);

export const ConsolidationMeasure = z.strictObject({
  content: z.string().trim().min(1).max(2000),
  responsiblePersonId: Id.nullable(),
  deadline: CalendarDate,
  doneOn: CalendarDate.nullish(),
});

export const WeakOrgView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  unitType: z.string(),
  year: z.number().int(),
  reason: z.enum(WEAK_ORG_REASONS),
  /** The review that graded it not completed, for reason 'graded'. */
  reviewId: Id.nullable(),
  note: z.string().nullable(),
  status: WeakOrgStatusSchema,
  statusNote: z.string().nullable(),
  measures: z.array(
    ConsolidationMeasure.extend({ responsibleName: z.string().nullable() }).omit({ doneOn: true }).extend({
      doneOn: z.string().nullable(),
    }),
  ),
  /** Measures past their deadline and not done. */
  overdue: z.number().int(),
  consolidatedOn: z.string().nullable(),
  version: z.number().int(),
});
export type WeakOrgView = z.infer<typeof WeakOrgView>;

export const WeakOrgListQuery = PageQuery.extend({
  unitId: Id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: WeakOrgStatusSchema.optional(),
});
/** The page plus "consolidated X/Y" over the whole filter (not just the page). */
export const WeakOrgPage = pageOf(WeakOrgView).extend({
  consolidated: z.number().int(),
  totalWeak: z.number().int(),
});

export const DesignateWeakOrgInput = z.strictObject({
  unitId: Id,
  year: z.number().int().min(2000).max(2100),
  note: z.string().trim().min(1).max(2000),
});
export const UpdateWeakOrgInput = z.strictObject({
  measures: z.array(ConsolidationMeasure).max(50),
  status: WeakOrgStatusSchema,
  statusNote: z.string().trim().max(2000).nullish(),
  version: Version,
});
