import {
  CONTROL_SIGNALS,
  type ControlDashboard,
  type ControlQuery,
  type ControlTrends,
  GRADES,
  percentValue,
} from '@canbo/domain';
import { sql } from 'kysely';
import { type Actor, covers } from '../../access/actor';
import { subtreeEnd } from '../../access/scope-sql';
import type { AppContext } from '../../context';
import { NotFound } from '../../errors';
import * as repo from './control.repository';
import { evaluateSignals, flagsOf } from './signals';
import { controlScope, resolver } from './thresholds.service';

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
export function createControlService(ctx: AppContext) {
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

  /** Signals of every unit of the slice (or of one unit), each against its own thresholds. */
  async function signalsOf(slice: repo.Slice, cycle: repo.CycleRow, comparedWith?: repo.Slice) {
    const thresholds = resolver(await repo.thresholdRows(db, tenantId));
    const year = Number(cycle.period_start.slice(0, 4));
    const agg = await repo.aggregates(db, slice, thresholds.minClusterSize, year);
    const subtree = comparedWith
      ? (await repo.aggregates(db, comparedWith, thresholds.minClusterSize, year)).total
      : agg.total;
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
    return { rows, total: agg.total, thresholds };
  }

  async function dashboard(actor: Actor, query: ControlQuery): Promise<ControlDashboard> {
    const { cycle, unit } = await target(actor, query.cycleId, query.unitId);
    const { rows, total } = await signalsOf({ tenantId, cycleId: cycle.id, path: unit.path }, cycle);
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
    };
  }

  /**
   * Grade distribution and completion per period over the twelve months up to the cycle, for the
   * subtree: every cycle whose subtree contains the chosen unit or lies inside it, its evaluations under
   * the subtree's path range (index-only on evaluation_cycle_unit_cover_idx), one GROUP BY.
   */
  async function trends(actor: Actor, cycleId: string, unitId?: string): Promise<ControlTrends> {
    const { cycle, unit } = await target(actor, cycleId, unitId);
    const end = subtreeEnd(unit.path);
    const { rows } = await sql<{
      period_kind: string;
      period_start: string;
      label: string;
      state: string;
      grade: string | null;
      n: number;
    }>`
      SELECT c.period_kind, c.period_start, min(c.label) AS label, e.state, e.grade, count(*)::int AS n
        FROM eval_cycle c
        JOIN evaluation e ON e.tenant_id = c.tenant_id AND e.cycle_id = c.id
         AND e.unit_path >= ${unit.path} AND e.unit_path < ${end}
       WHERE c.tenant_id = ${tenantId}
         AND c.period_start > (${cycle.period_start}::date - interval '12 months')
         AND c.period_start <= ${cycle.period_start}::date
         AND (left(${unit.path}::text, length(c.unit_path)) = c.unit_path OR (c.unit_path >= ${unit.path} AND c.unit_path < ${end}))
       GROUP BY c.period_kind, c.period_start, e.state, e.grade
       ORDER BY c.period_start, c.period_kind`.execute(db);
    const periods = new Map<string, ControlTrends['periods'][number]>();
    for (const r of rows) {
      const key = `${r.period_start}|${r.period_kind}`;
      let p = periods.get(key);
      if (!p) {
        p = {
          periodStart: r.period_start,
          periodKind: r.period_kind,
          label: r.label,
          enrolled: 0,
          decided: 0,
          completion: 0,
          grades: Object.fromEntries(GRADES.map((g) => [g, 0])) as ControlTrends['periods'][number]['grades'],
        };
        periods.set(key, p);
      }
      const count = Number(r.n);
      p.enrolled += count;
      if ((repo.DONE as readonly string[]).includes(r.state)) {
        p.decided += count;
        if (r.grade && r.grade in p.grades) p.grades[r.grade as keyof typeof p.grades] += count;
      }
    }
    for (const p of periods.values()) p.completion = percentValue(p.decided, p.enrolled) ?? 0;
    return { unitId: unit.id, periods: [...periods.values()] };
  }

  return { target, signalsOf, dashboard, trends };
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
