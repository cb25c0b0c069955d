import { z } from 'zod';
import { CalendarDate } from '../formats/dates';
import { Id, PageQuery, pageOf, Version } from './common';

/**
 * Reports API (docs/REPORTS.md): the indicators registry and its computed tables, the targets of a
 * year and subtree with their progress, and the work programme. Percentages are computed once from
 * integer counts and rounded half up to two decimals.
 */

export const BilingualLabel = z.object({ vi: z.string(), en: z.string() });
export type BilingualLabel = z.infer<typeof BilingualLabel>;

/** What an indicator's figures count. */
export const INDICATOR_UNITS = [
  'people',
  'units',
  'percent',
  'evaluations',
  'reviews',
  'sessions',
  'changes',
] as const;
export const IndicatorUnit = z.enum(INDICATOR_UNITS);
export type IndicatorUnit = z.infer<typeof IndicatorUnit>;

export const INDICATOR_MODULES = ['people', 'party', 'evaluations', 'annual', 'votes', 'org'] as const;

export const IndicatorParameter = z.object({
  name: z.string(),
  label: BilingualLabel,
  /** An example of the query string value ("40,51"). */
  example: z.string(),
});

/**
 * The one figure that stands for an indicator on the map of units: a measure of the table's total
 * row ("people", the total headcount) or a share ("share of women", "share graded excellent").
 */
export const IndicatorHeadline = z.object({
  key: z.string(),
  label: BilingualLabel,
  unit: IndicatorUnit,
});
export type IndicatorHeadline = z.infer<typeof IndicatorHeadline>;

export const IndicatorDefinition = z.object({
  id: z.string(),
  label: BilingualLabel,
  description: BilingualLabel,
  module: z.enum(INDICATOR_MODULES),
  unit: IndicatorUnit,
  /** 'point': counted on the as-of date; 'period': what happened between from and to. */
  timing: z.enum(['point', 'period']),
  parameters: z.array(IndicatorParameter),
  /** The figure the map of units colours by; indicators without one are not on the map. */
  headline: IndicatorHeadline.optional(),
});
export type IndicatorDefinition = z.infer<typeof IndicatorDefinition>;
export const IndicatorRegistryView = z.object({ items: z.array(IndicatorDefinition) });

export const IndicatorParams = z.strictObject({ id: z.string().regex(/^[a-zA-Z.]{1,60}$/) });

/** "40,51": the ages at which a new tier begins, ascending (the default gives < 40, 40–50, > 50). */
export const AgeBands = z
  .string()
  .max(60)
  .regex(/^\d{1,3}(,\d{1,3}){0,8}$/, 'các mốc tuổi cách nhau bởi dấu phẩy, ví dụ 40,51')
  .transform((s) => s.split(',').map(Number))
  .refine((a) => a.every((n, i) => n >= 1 && n <= 120 && (i === 0 || n > a[i - 1]!)), {
    message: 'các mốc tuổi tăng dần, từ 1 đến 120',
  });

export const IndicatorQuery = z
  .strictObject({
    unitId: Id,
    from: CalendarDate,
    to: CalendarDate,
    /** The date the subtree and headcounts are taken on; `to` when left out. */
    asOf: CalendarDate.optional(),
    bands: AgeBands.optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'ngày kết thúc trước ngày bắt đầu' });
export type IndicatorQuery = z.infer<typeof IndicatorQuery>;

export const IndicatorColumn = z.object({
  key: z.string(),
  label: BilingualLabel,
  kind: z.enum(['dimension', 'measure']),
  unit: IndicatorUnit.nullable(),
});
export type IndicatorColumn = z.infer<typeof IndicatorColumn>;

export const IndicatorCell = z.union([z.string(), z.number(), z.null()]);
export const IndicatorRow = z.object({
  /** Dimension cells hold codes (or names), measure cells numbers (percent: 41.43, or null on 0/0). */
  values: z.record(z.string(), IndicatorCell),
  /** Labels of the dimension codes of the row. */
  labels: z.record(z.string(), BilingualLabel),
});
export type IndicatorRow = z.infer<typeof IndicatorRow>;

export const IndicatorTable = z.object({
  indicatorId: z.string(),
  label: BilingualLabel,
  unit: IndicatorUnit,
  unitId: Id,
  unitName: z.string(),
  from: CalendarDate,
  to: CalendarDate,
  asOf: CalendarDate,
  columns: z.array(IndicatorColumn),
  rows: z.array(IndicatorRow),
  /** Sums of the count measures over the rows (percent measures recomputed from them); null when meaningless. */
  total: z.record(z.string(), z.number().nullable()).nullable(),
});
export type IndicatorTable = z.infer<typeof IndicatorTable>;

// ── Targets ──────────────────────────────────────────────────────────────────────────

export const TARGET_KINDS = ['foundOrganisations', 'admitMembers', 'custom'] as const;
export const TargetKind = z.enum(TARGET_KINDS);
export type TargetKind = z.infer<typeof TargetKind>;
export const TARGET_MEASURES = ['organisations', 'people', 'units', 'items'] as const;
export const TargetMeasure = z.enum(TARGET_MEASURES);

const Line = z.string().trim().min(1);
const Year = z.number().int().min(2000).max(2100);
const Count = z.number().int().min(0).max(10_000_000);

export const CreateTargetInput = z.strictObject({
  unitId: Id,
  year: Year,
  code: Line.max(40),
  title: Line.max(500),
  kind: TargetKind,
  measure: TargetMeasure,
  target: Count,
  note: z.string().trim().max(2000).nullish(),
});
export type CreateTargetInput = z.infer<typeof CreateTargetInput>;

export const UpdateTargetInput = z.strictObject({
  version: Version,
  code: Line.max(40).optional(),
  title: Line.max(500).optional(),
  measure: TargetMeasure.optional(),
  target: Count.optional(),
  note: z.string().trim().max(2000).nullish(),
});
export type UpdateTargetInput = z.infer<typeof UpdateTargetInput>;

export const AddProgressInput = z.strictObject({
  version: Version,
  entryDate: CalendarDate,
  /** Negative to correct an earlier entry; never zero. */
  amount: z
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((n) => n !== 0, 'khác 0'),
  note: z.string().trim().max(1000).nullish(),
  /** The party organisation founded (foundOrganisations). */
  linkedUnitId: Id.nullish(),
  /** The member admitted (admitMembers). */
  linkedPersonId: Id.nullish(),
});
export type AddProgressInput = z.infer<typeof AddProgressInput>;

export const TargetListQuery = z.strictObject({
  unitId: Id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ProgressEntryView = z.object({
  id: Id,
  entryDate: CalendarDate,
  amount: z.number().int(),
  note: z.string().nullable(),
  linkedUnit: z.object({ id: Id, name: z.string() }).nullable(),
  linkedPerson: z.object({ id: Id, fullName: z.string() }).nullable(),
  createdAt: z.string(),
});

export const TargetView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  year: z.number().int(),
  code: z.string(),
  title: z.string(),
  kind: TargetKind,
  measure: TargetMeasure,
  target: z.number().int(),
  achieved: z.number().int(),
  /** achieved/target × 100, half up at two decimals; null when the target is 0. */
  percent: z.number().nullable(),
  /** "29/70 (41,43%)". */
  display: z.string(),
  note: z.string().nullable(),
  version: z.number().int(),
  entries: z.array(ProgressEntryView),
});
export type TargetView = z.infer<typeof TargetView>;
export const TargetListView = z.object({ items: z.array(TargetView) });

// ── Work programme ───────────────────────────────────────────────────────────────────

export const WORK_ITEM_STATUSES = ['planned', 'inProgress', 'done', 'cancelled'] as const;
export const WorkItemStatus = z.enum(WORK_ITEM_STATUSES);
export type WorkItemStatus = z.infer<typeof WorkItemStatus>;

export const CreateWorkItemInput = z.strictObject({
  unitId: Id,
  year: Year,
  content: Line.max(2000),
  /** The scheme (đề án) the item belongs to. */
  scheme: z.string().trim().max(500).nullish(),
  responsibleUnitId: Id,
  deadline: CalendarDate,
  note: z.string().trim().max(2000).nullish(),
});
export type CreateWorkItemInput = z.infer<typeof CreateWorkItemInput>;

export const UpdateWorkItemInput = z.strictObject({
  version: Version,
  content: Line.max(2000).optional(),
  scheme: z.string().trim().max(500).nullish(),
  responsibleUnitId: Id.optional(),
  deadline: CalendarDate.optional(),
  status: WorkItemStatus.optional(),
  /** Required with status 'done'. */
  completedOn: CalendarDate.nullish(),
  note: z.string().trim().max(2000).nullish(),
});
export type UpdateWorkItemInput = z.infer<typeof UpdateWorkItemInput>;

export const WorkItemListQuery = z.strictObject({
  unitId: Id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: WorkItemStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

export const WorkItemView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  year: z.number().int(),
  content: z.string(),
  scheme: z.string().nullable(),
  responsibleUnitId: Id,
  responsibleUnitName: z.string(),
  deadline: CalendarDate,
  status: WorkItemStatus,
  completedOn: CalendarDate.nullable(),
  /** Not done (nor cancelled) after its deadline, or done after it. */
  overdue: z.boolean(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type WorkItemView = z.infer<typeof WorkItemView>;
export const WorkItemListView = z.object({ items: z.array(WorkItemView) });

// ── Report builder ───────────────────────────────────────────────────────────────────
// Templates of the six-month and year-end review reports and the runs that build them
// (docs/REPORTS.md, "Report builder").

export const REPORT_KINDS = ['midYear', 'yearEnd', 'custom'] as const;
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;

/** The two templates every tenant has; they cannot be changed (copy one to adapt it). */
export const BUILT_IN_TEMPLATE_IDS = ['builtin-midYear', 'builtin-yearEnd'] as const;
export const ReportTemplateId = z.union([z.enum(BUILT_IN_TEMPLATE_IDS), Id]);
export const ReportTemplateParams = z.strictObject({ id: ReportTemplateId });

export const ReportChartKind = z.enum(['bar', 'stackedBar', 'line', 'pie', 'pyramid']);
export type ReportChartKind = z.infer<typeof ReportChartKind>;

export const ReportSectionIndicator = z.strictObject({
  id: z.string().regex(/^[a-zA-Z.]{1,60}$/),
  /** Ages at which a new tier begins (age tiers only), ascending. */
  bands: z
    .array(z.number().int().min(1).max(120))
    .min(1)
    .max(9)
    .refine((a) => a.every((n, i) => i === 0 || n > a[i - 1]!), 'các mốc tuổi tăng dần')
    .nullish(),
});
export type ReportSectionIndicator = z.infer<typeof ReportSectionIndicator>;

export const ReportSectionSpec = z.strictObject({
  /** 'indicators': tables of indicators; 'targets': achieved/target of the year's targets; 'text': prose only. */
  kind: z.enum(['indicators', 'targets', 'text']),
  title: Line.max(300),
  intro: z.string().trim().max(4000).nullish(),
  indicators: z.array(ReportSectionIndicator).max(10).default([]),
  /** Decimals of percentages: 2 ("41,43%") or 1 ("44,5%"). */
  decimals: z.union([z.literal(1), z.literal(2)]).default(2),
  /** Adds "cùng kỳ" (the same period a year earlier) and the change beside each figure. */
  compare: z.boolean().default(false),
  /** A chart of the section's first indicator. */
  chart: ReportChartKind.nullish(),
});
export type ReportSectionSpec = z.infer<typeof ReportSectionSpec>;

export const CreateReportTemplateInput = z.strictObject({
  /** The unit that owns the template (units.manage over it). */
  unitId: Id,
  name: Line.max(200),
  kind: ReportKind,
  sections: z.array(ReportSectionSpec).min(1).max(30),
});
export type CreateReportTemplateInput = z.infer<typeof CreateReportTemplateInput>;

export const UpdateReportTemplateInput = z.strictObject({
  version: Version,
  name: Line.max(200).optional(),
  kind: ReportKind.optional(),
  sections: z.array(ReportSectionSpec).min(1).max(30).optional(),
});
export type UpdateReportTemplateInput = z.infer<typeof UpdateReportTemplateInput>;

export const ReportTemplateView = z.object({
  id: z.string(),
  name: z.string(),
  kind: ReportKind,
  builtIn: z.boolean(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  sections: z.array(ReportSectionSpec),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type ReportTemplateView = z.infer<typeof ReportTemplateView>;
export const ReportTemplateListQuery = z.strictObject({ unitId: Id.optional() });
export const ReportTemplateListView = z.object({ items: z.array(ReportTemplateView) });

export const CreateReportRunInput = z
  .strictObject({
    templateId: ReportTemplateId,
    unitId: Id,
    from: CalendarDate,
    to: CalendarDate,
    /** The date the subtree and headcounts are taken on; `to` when left out. */
    asOf: CalendarDate.optional(),
    /** "12-BC/ĐU": printed as "Số 12-BC/ĐU"; left blank to fill in by hand. */
    documentNumber: z
      .string()
      .trim()
      .max(40)
      .regex(/^[^\n\r]*$/)
      .nullish(),
    place: z.string().trim().max(100).nullish(),
    /** The date on the document; today when left out. */
    issueDate: CalendarDate.optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'ngày kết thúc trước ngày bắt đầu' });
export type CreateReportRunInput = z.infer<typeof CreateReportRunInput>;

export const REPORT_RUN_STATES = ['queued', 'running', 'done', 'failed'] as const;
export const ReportRunState = z.enum(REPORT_RUN_STATES);

export const ReportRunListQuery = PageQuery.omit({ q: true }).extend({
  unitId: Id.optional(),
  state: ReportRunState.optional(),
});

export const ReportRuleSetUse = z.object({
  ruleSetId: z.string(),
  /** Where it is used: an evaluation cycle or an annual review period of the report's period. */
  source: z.enum(['evaluationCycle', 'reviewPeriodState', 'reviewPeriodParty']),
  /** Labels of the cycles or periods that use it. */
  usedBy: z.array(z.string()),
});

export const ReportRunView = z.object({
  id: Id,
  templateId: z.string(),
  templateName: z.string(),
  kind: ReportKind,
  title: z.string(),
  unitId: Id,
  unitName: z.string(),
  from: CalendarDate,
  to: CalendarDate,
  asOf: CalendarDate,
  state: ReportRunState,
  sectionsDone: z.number().int(),
  sectionsTotal: z.number().int(),
  percent: z.number(),
  jobId: Id.nullable(),
  error: z.string().nullable(),
  /** When the figures were read from the database. */
  dataReadAt: z.string().nullable(),
  ruleSets: z.array(ReportRuleSetUse),
  files: z.object({ docx: z.boolean(), xlsx: z.boolean(), pdf: z.boolean() }),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  createdBy: z.object({ id: Id, name: z.string() }).nullable(),
});
export type ReportRunView = z.infer<typeof ReportRunView>;
export const ReportRunPage = pageOf(ReportRunView);

export const ReportChartSpec = z.object({
  kind: ReportChartKind,
  title: z.string().nullable(),
  categories: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })),
  valueUnit: z.enum(['count', 'percent']),
});
export type ReportChartSpec = z.infer<typeof ReportChartSpec>;

/** A table as printed: header and cells already written the Vietnamese way; `values` keep the numbers. */
export const ReportTableData = z.object({
  indicatorId: z.string().nullable(),
  title: z.string(),
  headers: z.array(z.string()),
  /** Per column: 'text' or 'number' (right-aligned). */
  align: z.array(z.enum(['left', 'right'])),
  rows: z.array(z.array(z.string())),
  values: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  /** The last row is the total. */
  totalRow: z.boolean(),
});
export type ReportTableData = z.infer<typeof ReportTableData>;

export const ReportSectionData = z.object({
  /** "I", "II"… */
  number: z.string(),
  title: z.string(),
  intro: z.string().nullable(),
  /** Sentences written from the figures ("Thành lập được 29/70 tổ chức đảng (đạt 41,43%)."). */
  highlights: z.array(z.string()),
  tables: z.array(ReportTableData),
  chart: ReportChartSpec.nullable(),
});
export type ReportSectionData = z.infer<typeof ReportSectionData>;

export const ReportData = z.object({
  issuer: z.string(),
  superior: z.string().nullable(),
  /** "Số 12-BC/ĐU" or "Số     -BC/…" to fill in. */
  number: z.string(),
  /** "Hà Nội, ngày 03 tháng 4 năm 2025". */
  placeAndDate: z.string(),
  /** "BÁO CÁO". */
  type: z.string(),
  /** "Sơ kết công tác … 6 tháng đầu năm 2025". */
  subject: z.string(),
  /** "Số liệu tính đến ngày 30/6/2025". */
  asOfLine: z.string(),
  sections: z.array(ReportSectionData),
});
export type ReportData = z.infer<typeof ReportData>;

export const ReportRunDetail = ReportRunView.extend({ data: ReportData.nullable() });
export type ReportRunDetail = z.infer<typeof ReportRunDetail>;

export const ReportFileParams = z.strictObject({ id: Id, format: z.enum(['docx', 'xlsx', 'pdf']) });

// ── Indicators by unit (the map of units) ────────────────────────────────────────────

export const IndicatorByUnitQuery = IndicatorQuery;
export type IndicatorByUnitQuery = z.infer<typeof IndicatorByUnitQuery>;

/** A direct child of the chosen unit with its own subtree: its headcount and the headline figure. */
export const IndicatorUnitFigure = z.object({
  unitId: Id,
  name: z.string(),
  type: z.string(),
  /** Direct children of the unit today (0: nothing to drill into). */
  childCount: z.number().int(),
  /** People of its subtree on the as-of date (the size of its tile). */
  headcount: z.number().int(),
  /** The headline of the indicator over its subtree; null when there is nothing to count (0/0). */
  value: z.number().nullable(),
});
export type IndicatorUnitFigure = z.infer<typeof IndicatorUnitFigure>;

export const IndicatorByUnitView = z.object({
  indicatorId: z.string(),
  label: BilingualLabel,
  headline: IndicatorHeadline,
  unitId: Id,
  unitName: z.string(),
  from: CalendarDate,
  to: CalendarDate,
  asOf: CalendarDate,
  /** The chosen unit as a whole: its headcount and headline. */
  headcount: z.number().int(),
  value: z.number().nullable(),
  items: z.array(IndicatorUnitFigure),
});
export type IndicatorByUnitView = z.infer<typeof IndicatorByUnitView>;
