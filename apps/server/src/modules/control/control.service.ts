import {
  CONTROL_SIGNALS,
  type ControlDashboard,
  type ControlFiguresRefreshed,
  type ControlQuery,
  type ControlTrends,
  percentValue,
  type RefreshControlFiguresInput,
} from '@canbo/domain';
import { sql } from 'kysely';
import { type Actor, assertCan, covers, scopeOf } from '../../access/actor';
import { subtreeEnd } from '../../access/scope-sql';
import type { AppContext } from '../../context';
import { NotFound } from '../../errors';
import * as repo from './control.repository';
import { storedAggregates, storedSubtreeGrades } from './figures.repository';
import type { ControlFiguresService } from './figures.service';
import { evaluateSignals, flagsOf } from './signals';
import { controlScope, resolver } from './thresholds.service';

const done = sql.join(repo.DONE.map((s) => sql.lit(s)));

export type Unit = NonNullable<Awaited<ReturnType<typeof repo.unitById>>>;

/** The cycle's subtree and the chosen one overlap: one lies inside the other. */
const overlaps = (cycle: repo.CycleRow, unit: Unit) =>
  unit.path.startsWith(cycle.unit_path) || cycle.unit_path.startsWith(unit.path);

/**
 * The control dashboard (docs/CONTROL.md): signals per unit of a cycle over a subtree, ranked by the
 * weight of the fired ones, the KPIs of the subtree, and the trends over the last twelve periods.
 * Read with evaluations.read or evaluations.manage over the subtree; a unit or cycle out of scope
 * reads as missing.
 */
export function createControlService(ctx: AppContext, figures: ControlFiguresService) {
  const { db, tenantId } = ctx;

  /** The cycle and the subtree, both checked against the caller's scope. */
  async function target(
    actor: Actor,
    cycleId: string,
    unitId?: string,
  ): Promise<{ cycle: repo.CycleRow; unit: Unit }> {
    const scope = controlScope(actor);
    const cycle = await repo.cycleById(db, tenantId, cycleId);
    if (!cycle) throw new NotFound('cycle');
    const unit = await repo.unitById(db, tenantId, unitId ?? cycle.unit_id);
    if (!unit || !covers(scope, unit.path)) throw new NotFound(unitId ? 'unit' : 'cycle');
    if (!overlaps(cycle, unit)) throw new NotFound('cycle');
    return { cycle, unit };
  }

  /**
   * Signals of every unit of the slice (or of one unit), each against its own thresholds, from the
   * cycle's stored figures (figures.service.ts); `asOf` is when they were computed.
   */
  async function signalsOf(slice: repo.Slice, cycle: repo.CycleRow, comparedWith?: repo.Slice) {
    const [asOf, stored] = await Promise.all([figures.ensure(cycle), repo.thresholdRows(db, tenantId)]);
    const thresholds = resolver(stored);
    const year = Number(cycle.period_start.slice(0, 4));
    const [agg, compared] = await Promise.all([
      storedAggregates(db, slice, thresholds.minClusterSize, year),
      comparedWith ? storedSubtreeGrades(db, comparedWith) : undefined,
    ]);
    const subtree = compared ?? agg.total;
    const rows = [...agg.units.values()].map((f) => {
      const meta = agg.meta.get(f.unitId)!;
      const applied = thresholds.forPath(meta.path);
      const signals = evaluateSignals(f, applied.thresholds, subtree);
      return {
        unitId: f.unitId,
        unitName: meta.name,
        unitPath: meta.path,
        enrolled: f.enrolled,
        decided: f.decided,
        ...flagsOf(signals),
        thresholdUnitId: applied.row?.unit_id ?? null,
        signals,
      };
    });
    return { rows, total: agg.total, thresholds, asOf };
  }

  async function dashboard(actor: Actor, query: ControlQuery): Promise<ControlDashboard> {
    const { cycle, unit } = await target(actor, query.cycleId, query.unitId);
    const { rows, total, asOf } = await signalsOf({ tenantId, cycleId: cycle.id, path: unit.path }, cycle);
    rows.sort(
      (a, b) =>
        b.weight - a.weight ||
        b.flags - a.flags ||
        b.enrolled - a.enrolled ||
        (a.unitPath < b.unitPath ? -1 : a.unitPath > b.unitPath ? 1 : 0),
    );
    return {
      cycle: cycleRef(cycle),
      unit: { id: unit.id, name: unit.name, path: unit.path },
      kpis: {
        units: rows.length,
        flaggedUnits: rows.filter((r) => r.flags > 0).length,
        enrolled: total.enrolled,
        decided: total.decided,
        completion: percentValue(total.decided, total.enrolled) ?? 0,
        excellentShare: percentValue(total.excellent, total.graded),
        selfMaxShare: percentValue(total.selfMax, total.selfAssessed),
        unchangedShare: percentValue(total.unchangedSteps, total.reviewSteps),
        medianReviewSeconds: total.medianSeconds === null ? null : Math.round(total.medianSeconds * 10) / 10,
        late: total.late,
        reopened: total.reopened,
      },
      signalTotals: CONTROL_SIGNALS.map((signal) => ({
        signal,
        units: rows.filter((r) => r.signals.some((s) => s.signal === signal && s.fired)).length,
      })),
      units: rows.slice(0, query.limit),
      totalUnits: rows.length,
      figuresAsOf: asOf.toISOString(),
      canRefreshFigures: covers(scopeOf(actor, 'evaluations.manage'), unit.path),
    };
  }

  /**
   * Grade distribution and completion per period over the twelve months up to the cycle, for the
   * subtree: every cycle whose subtree contains the chosen unit or lies inside it, one row per cycle —
   * the sum of its stored figures in the subtree's path range, or, for a cycle without stored figures,
   * one index-only range scan of evaluation_cycle_unit_cover_idx — then summed per period.
   */
  async function trends(actor: Actor, cycleId: string, unitId?: string): Promise<ControlTrends> {
    const { cycle, unit } = await target(actor, cycleId, unitId);
    const end = subtreeEnd(unit.path);
    const decidedAs = (grade: string) =>
      sql`count(*) FILTER (WHERE e.state IN (${done}) AND e.grade = ${grade})::int`;
    const { rows } = await sql<{
      period_kind: string;
      period_start: string;
      label: string;
      enrolled: number;
      decided: number;
      excellent: number;
      good: number;
      completed: number;
      not_completed: number;
    }>`
      WITH c AS (
        SELECT c.id, c.period_kind, c.period_start, c.label, s.computed_at IS NOT NULL AS stored
          FROM eval_cycle c
          LEFT JOIN control_snapshot s ON s.tenant_id = c.tenant_id AND s.cycle_id = c.id
         WHERE c.tenant_id = ${tenantId}
           AND c.period_start > (${cycle.period_start}::date - interval '12 months')
           AND c.period_start <= ${cycle.period_start}::date
           AND (left(${unit.path}::text, length(c.unit_path)) = c.unit_path
                OR (c.unit_path >= ${unit.path} AND c.unit_path < ${end}))),
      per_cycle AS (
        SELECT c.period_kind, c.period_start, c.label, f.*
          FROM c CROSS JOIN LATERAL (
            SELECT sum(f.enrolled) AS enrolled, sum(f.decided) AS decided, sum(f.excellent) AS excellent,
                   sum(f.good) AS good, sum(f.completed) AS completed, sum(f.not_completed) AS not_completed
              FROM control_figures f
             WHERE f.tenant_id = ${tenantId} AND f.cycle_id = c.id
               AND f.unit_path >= ${unit.path} AND f.unit_path < ${end}) f
         WHERE c.stored
        UNION ALL
        SELECT c.period_kind, c.period_start, c.label, e.*
          FROM c CROSS JOIN LATERAL (
            SELECT count(*) AS enrolled, count(*) FILTER (WHERE e.state IN (${done})) AS decided,
                   ${decidedAs('excellent')} AS excellent, ${decidedAs('good')} AS good,
                   ${decidedAs('completed')} AS completed, ${decidedAs('notCompleted')} AS not_completed
              FROM evaluation e
             WHERE e.tenant_id = ${tenantId} AND e.cycle_id = c.id
               AND e.unit_path >= ${unit.path} AND e.unit_path < ${end}) e
         WHERE NOT c.stored)
      SELECT period_kind, period_start, min(label) AS label, sum(enrolled)::int AS enrolled,
             sum(decided)::int AS decided, sum(excellent)::int AS excellent, sum(good)::int AS good,
             sum(completed)::int AS completed, sum(not_completed)::int AS not_completed
        FROM per_cycle
       WHERE enrolled > 0
       GROUP BY period_kind, period_start
       ORDER BY period_start, period_kind`.execute(db);
    const periods = rows.map((r) => ({
      periodStart: r.period_start,
      periodKind: r.period_kind,
      label: r.label,
      enrolled: Number(r.enrolled),
      decided: Number(r.decided),
      completion: percentValue(Number(r.decided), Number(r.enrolled)) ?? 0,
      grades: {
        excellent: Number(r.excellent),
        good: Number(r.good),
        completed: Number(r.completed),
        notCompleted: Number(r.not_completed),
      },
    }));
    return { unitId: unit.id, periods };
  }

  /**
   * Recomputes the cycle's stored figures now, for whoever manages evaluations over the chosen unit
   * (404 out of scope, 403 with read only); a refresh that finished after this request began is enough.
   */
  async function refreshFigures(
    actor: Actor,
    input: RefreshControlFiguresInput,
  ): Promise<ControlFiguresRefreshed> {
    const { cycle, unit } = await target(actor, input.cycleId, input.unitId);
    assertCan(actor, 'evaluations.manage', unit.path);
    const since = Date.now();
    const asOf = await figures.refresh(cycle.id, (s) => new Date(s.computed_at!).getTime() >= since);
    return { cycleId: cycle.id, figuresAsOf: asOf.toISOString() };
  }

  return { target, signalsOf, dashboard, trends, refreshFigures };
}

export function cycleRef(cycle: repo.CycleRow) {
  return {
    id: cycle.id,
    label: cycle.label,
    periodStart: cycle.period_start,
    periodEnd: cycle.period_end,
    status: cycle.status,
    unitId: cycle.unit_id,
  };
}

export type ControlService = ReturnType<typeof createControlService>;
