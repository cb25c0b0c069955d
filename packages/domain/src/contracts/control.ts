import { z } from 'zod';
import { CalendarDate } from '../formats/dates';
import { Id, Version } from './common';

/**
 * The control dashboard (docs/CONTROL.md): signals of formalism in periodic evaluation per unit and
 * cycle, each against a threshold an organisation officer tunes (per tenant, overridable for a
 * subtree), a ranked list of units with red flags, the people behind each signal and their trail.
 */

export const CONTROL_SIGNALS = [
  'selfMax',
  'unchangedReview',
  'reviewTime',
  'bulkApproval',
  'identicalScores',
  'topGrade',
  'late',
  'reopened',
] as const;
export type ControlSignal = (typeof CONTROL_SIGNALS)[number];
export const ControlSignalSchema = z.enum(CONTROL_SIGNALS);

const Percent = z.number().min(0).max(100);

export const SignalSetting = z.strictObject({
  enabled: z.boolean(),
  /** How much a fired signal weighs in the unit's rank (0–10). */
  weight: z.number().int().min(0).max(10),
  /** Percent, seconds (reviewTime) or a count (reopened): see docs/CONTROL.md. */
  threshold: z.number().min(0).max(1_000_000),
});
export type SignalSetting = z.infer<typeof SignalSetting>;

export const ControlThresholds = z.strictObject({
  /** Share-based signals fire only when the unit has at least this many items behind the share. */
  minSample: z.number().int().min(1).max(10_000),
  /** Identical score vectors count as a cluster from this many people up. */
  clusterSize: z.number().int().min(2).max(1_000),
  signals: z.strictObject({
    selfMax: SignalSetting.extend({ threshold: Percent }),
    unchangedReview: SignalSetting.extend({ threshold: Percent }),
    reviewTime: SignalSetting.extend({ threshold: z.number().int().min(0).max(86_400) }),
    bulkApproval: SignalSetting.extend({ threshold: Percent }),
    identicalScores: SignalSetting.extend({ threshold: Percent }),
    /** threshold: points over the subtree's share; weakCollectiveShare: the most allowed under a weak collective. */
    topGrade: SignalSetting.extend({ threshold: Percent, weakCollectiveShare: Percent }),
    late: SignalSetting.extend({ threshold: Percent }),
    reopened: SignalSetting.extend({ threshold: z.number().int().min(1).max(10_000) }),
  }),
});
export type ControlThresholds = z.infer<typeof ControlThresholds>;

/** The defaults (docs/CONTROL.md explains each). */
export const DEFAULT_CONTROL_THRESHOLDS: ControlThresholds = {
  minSample: 5,
  clusterSize: 3,
  signals: {
    selfMax: { enabled: true, weight: 2, threshold: 30 },
    unchangedReview: { enabled: true, weight: 2, threshold: 90 },
    reviewTime: { enabled: true, weight: 2, threshold: 30 },
    bulkApproval: { enabled: true, weight: 1, threshold: 50 },
    identicalScores: { enabled: true, weight: 3, threshold: 40 },
    topGrade: { enabled: true, weight: 3, threshold: 15, weakCollectiveShare: 10 },
    late: { enabled: true, weight: 1, threshold: 20 },
    reopened: { enabled: true, weight: 2, threshold: 1 },
  },
};

export const ThresholdSource = z.enum(['default', 'tenant', 'unit']);

export const ControlThresholdsQuery = z.strictObject({ unitId: Id.optional() });

export const ControlThresholdsView = z.object({
  /** The level asked for: a unit, or null for the whole tenant. */
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  /** What applies at that level, and where it comes from. */
  thresholds: ControlThresholds,
  source: ThresholdSource,
  sourceUnitId: Id.nullable(),
  sourceUnitName: z.string().nullable(),
  /** The version of the setting stored at exactly this level (null: none, it inherits). */
  version: Version.nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  defaults: ControlThresholds,
  /** Subtree overrides the caller can see. */
  overrides: z.array(z.object({ unitId: Id, unitName: z.string(), unitPath: z.string(), version: Version })),
  canManage: z.boolean(),
});
export type ControlThresholdsView = z.infer<typeof ControlThresholdsView>;

export const UpdateControlThresholdsInput = z.strictObject({
  /** null: the tenant's own setting; a unit: an override for its subtree. */
  unitId: Id.nullable(),
  thresholds: ControlThresholds,
  /** The version read (null when nothing is stored at this level yet). */
  version: Version.nullable(),
});
export type UpdateControlThresholdsInput = z.infer<typeof UpdateControlThresholdsInput>;

export const DeleteControlThresholdsQuery = z.strictObject({ version: z.coerce.number().int().min(1) });
export const ControlUnitParams = z.strictObject({ unitId: Id });

export const ControlQuery = z.strictObject({
  cycleId: Id,
  /** The subtree; the cycle's unit when left out. */
  unitId: Id.optional(),
  /** How many ranked units to return (all are counted). */
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
});
export type ControlQuery = z.infer<typeof ControlQuery>;

const Numbers = z.record(z.string(), z.union([z.number(), z.string(), z.null()]));

export const SignalResult = z.object({
  signal: ControlSignalSchema,
  /** Percent, seconds or a count; null when there is nothing to measure. */
  value: z.number().nullable(),
  threshold: z.number(),
  fired: z.boolean(),
  enabled: z.boolean(),
  weight: z.number(),
  /** The figures behind the value (counts, the subtree's share, the collective grade…). */
  numbers: Numbers,
});
export type SignalResult = z.infer<typeof SignalResult>;

export const ControlUnitRow = z.object({
  unitId: Id,
  unitName: z.string(),
  unitPath: z.string(),
  enrolled: z.number().int(),
  decided: z.number().int(),
  flags: z.number().int(),
  weight: z.number(),
  /** The unit whose override applies (null: the tenant's setting or the defaults). */
  thresholdUnitId: Id.nullable(),
  signals: z.array(SignalResult),
});
export type ControlUnitRow = z.infer<typeof ControlUnitRow>;

export const ControlCycleRef = z.object({
  id: Id,
  label: z.string(),
  periodStart: CalendarDate,
  periodEnd: CalendarDate,
  status: z.string(),
  unitId: Id,
});

export const ControlDashboard = z.object({
  cycle: ControlCycleRef,
  unit: z.object({ id: Id, name: z.string(), path: z.string() }),
  kpis: z.object({
    units: z.number().int(),
    flaggedUnits: z.number().int(),
    enrolled: z.number().int(),
    decided: z.number().int(),
    completion: z.number(),
    excellentShare: z.number().nullable(),
    selfMaxShare: z.number().nullable(),
    unchangedShare: z.number().nullable(),
    medianReviewSeconds: z.number().nullable(),
    late: z.number().int(),
    reopened: z.number().int(),
  }),
  /** Per signal: how many units it fired in. */
  signalTotals: z.array(z.object({ signal: ControlSignalSchema, units: z.number().int() })),
  /** Units ranked by weight, then flags (flagged first), at most `limit`. */
  units: z.array(ControlUnitRow),
  totalUnits: z.number().int(),
  /** When the stored figures behind it were computed (ISO time): an open cycle's may be minutes old. */
  figuresAsOf: z.string(),
  /** The caller may have the figures recomputed now (evaluations.manage over the unit). */
  canRefreshFigures: z.boolean(),
});
export type ControlDashboard = z.infer<typeof ControlDashboard>;

/** Recompute a cycle's stored figures now (the dashboard's "recompute" button). */
export const RefreshControlFiguresInput = z.strictObject({
  cycleId: Id,
  /** The subtree the caller is looking at; the cycle's unit when left out. */
  unitId: Id.optional(),
});
export type RefreshControlFiguresInput = z.infer<typeof RefreshControlFiguresInput>;

export const ControlFiguresRefreshed = z.object({ cycleId: Id, figuresAsOf: z.string() });
export type ControlFiguresRefreshed = z.infer<typeof ControlFiguresRefreshed>;

export const DrillParams = z.strictObject({ unitId: Id, signal: ControlSignalSchema });
export const DrillQuery = z.strictObject({
  cycleId: Id,
  /** The subtree the unit is compared with (top grade); the cycle's unit when left out. */
  rootId: Id.optional(),
});

export const ControlPerson = z.object({
  evaluationId: Id,
  personId: Id,
  fullName: z.string(),
  positionTitle: z.string().nullable(),
  state: z.string(),
  selfTotal: z.number().nullable(),
  total: z.number().nullable(),
  grade: z.string().nullable(),
  late: z.boolean(),
  /** Why this person is behind the signal: seconds, a cluster number, a count… */
  detail: Numbers,
});
export type ControlPerson = z.infer<typeof ControlPerson>;

export const ControlDrillDown = z.object({
  cycleId: Id,
  unitId: Id,
  unitName: z.string(),
  result: SignalResult,
  people: z.array(ControlPerson),
  /** More people than listed (the list stops at 500). */
  truncated: z.boolean(),
});
export type ControlDrillDown = z.infer<typeof ControlDrillDown>;

export const ControlTrail = z.object({
  evaluationId: Id,
  fullName: z.string(),
  unitName: z.string(),
  cycleLabel: z.string(),
  steps: z.array(
    z.object({
      seq: z.number().int(),
      action: z.string(),
      fromState: z.string(),
      toState: z.string(),
      level: z.number().int(),
      total: z.number().nullable(),
      grade: z.string().nullable(),
      comment: z.string().nullable(),
      actorName: z.string(),
      bulk: z.boolean(),
      openedAt: z.string().nullable(),
      at: z.string(),
      /** Seconds between opening the item and acting on it. */
      seconds: z.number().nullable(),
      scoresChanged: z.boolean().nullable(),
    }),
  ),
  audit: z.array(
    z.object({
      seq: z.number().int(),
      at: z.string(),
      actorName: z.string().nullable(),
      action: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});
export type ControlTrail = z.infer<typeof ControlTrail>;

export const TrendQuery = z.strictObject({ cycleId: Id, unitId: Id.optional() });

export const ControlTrends = z.object({
  unitId: Id,
  periods: z.array(
    z.object({
      periodStart: CalendarDate,
      periodKind: z.string(),
      label: z.string(),
      enrolled: z.number().int(),
      decided: z.number().int(),
      completion: z.number(),
      grades: z.object({
        excellent: z.number().int(),
        good: z.number().int(),
        completed: z.number().int(),
        notCompleted: z.number().int(),
      }),
    }),
  ),
});
export type ControlTrends = z.infer<typeof ControlTrends>;

export const ControlReportQuery = z.strictObject({
  cycleId: Id,
  unitId: Id.optional(),
  documentNumber: z.string().trim().max(60).optional(),
  place: z.string().trim().max(100).optional(),
});
