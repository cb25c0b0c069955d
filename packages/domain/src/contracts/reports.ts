import { z } from 'zod';
import { CalendarDate } from '../formats/dates';
import { Id, Version } from './common';

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

export const IndicatorDefinition = z.object({
  id: z.string(),
  label: BilingualLabel,
  description: BilingualLabel,
  module: z.enum(INDICATOR_MODULES),
  unit: IndicatorUnit,
  /** 'point': counted on the as-of date; 'period': what happened between from and to. */
  timing: z.enum(['point', 'period']),
  parameters: z.array(IndicatorParameter),
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
