import { EVALUATION_STATES, GRADES, type GradeHistory, type Monitor } from '@canbo/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import { type Actor, covers } from '../../access/actor';
import type { AppContext } from '../../context';
import { NotFound } from '../../errors';
import { cycleView, findCycle } from './cycle-view';
import { visibleEvaluations } from './evaluations.access';
import { presentSummary } from './evaluations.presenter';
import * as repo from './evaluations.repository';
import type { EvaluationsService } from './evaluations.service';

type MonitorRow = z.infer<typeof Monitor>['rows'][number];
interface CountRow {
  unit_id: string;
  state: string;
  grade: string | null;
  late: boolean;
  n: string;
}
/** The first path after every path that starts with `path` (its last '/' is followed by '0'). */
const upperOf = (path: string) => `${path.slice(0, -1)}0`;
const DONE = ['decided', 'published', 'complained', 'final'];

/** Completion of a cycle across a subtree (one GROUP BY over path prefixes), and a person's grade history. */
export function createMonitorService(ctx: AppContext, evaluations: EvaluationsService) {
  const { db, tenantId } = ctx;

  async function monitor(actor: Actor, cycleId: string, unitId?: string): Promise<z.infer<typeof Monitor>> {
    const access = await evaluations.accessOf(actor);
    const cycle = await findCycle(db, tenantId, cycleId);
    if (!cycle) throw new NotFound('cycle');
    const unit = await db
      .selectFrom('org_unit')
      .select(['id', 'name', 'path', 'depth'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', unitId ?? cycle.unit_id)
      .executeTakeFirst();
    if (!unit || !(covers(access.read, unit.path) || covers(access.review, unit.path)))
      throw new NotFound('unit');
    const on = cycle.period_end;
    const children = await db
      .selectFrom('org_unit_version as v')
      .innerJoin('org_unit as u', (j) =>
        j.onRef('u.tenant_id', '=', 'v.tenant_id').onRef('u.id', '=', 'v.unit_id'),
      )
      .select(['u.id', 'v.name', 'u.path', 'u.depth'])
      .where('v.tenant_id', '=', tenantId)
      .where('v.parent_id', '=', unit.id)
      .where('v.valid_from', '<=', on)
      .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', on)]))
      .orderBy(sql`v.sort_key COLLATE "C"`)
      .execute();
    const rows = await completionRows(cycleId, unit, children);
    const blank = (u: { id: string; name: string; path: string; depth: number }): MonitorRow => ({
      unitId: u.id,
      unitName: u.name,
      unitPath: u.path,
      depth: u.depth,
      enrolled: 0,
      counts: Object.fromEntries(EVALUATION_STATES.map((s) => [s, 0])) as MonitorRow['counts'],
      late: 0,
      completion: 0,
      grades: Object.fromEntries(GRADES.map((g) => [g, 0])) as MonitorRow['grades'],
    });
    const byId = new Map<string, MonitorRow>([
      [unit.id, blank(unit)],
      ...children.map((c) => [c.id, blank(c)] as const),
    ]);
    const done = new Map<string, number>();
    for (const r of rows) {
      const m = byId.get(r.unit_id);
      if (!m) continue;
      const n = Number(r.n);
      m.enrolled += n;
      m.counts[r.state as keyof MonitorRow['counts']] += n;
      if (r.late) m.late += n;
      if (DONE.includes(r.state)) {
        done.set(r.unit_id, (done.get(r.unit_id) ?? 0) + n);
        if (r.grade) m.grades[r.grade as keyof MonitorRow['grades']] += n;
      }
    }
    for (const [id, m] of byId) {
      m.completion = m.enrolled === 0 ? 0 : Math.round(((done.get(id) ?? 0) * 10_000) / m.enrolled) / 100;
    }
    const lateRows = (await repo
      .evaluationRows(db, tenantId)
      .where('e.cycle_id', '=', cycleId)
      .where(sql<boolean>`e.unit_path >= ${unit.path} AND e.unit_path < ${upperOf(unit.path)}`)
      .where('e.late', '=', true)
      .where(visibleEvaluations(access))
      .orderBy(sql`p.sort_key COLLATE "C"`)
      .limit(100)
      .execute()) as repo.EvaluationRow[];
    const total = byId.get(unit.id)!;
    return {
      cycle: await cycleView(db, cycle),
      total,
      rows: [total, ...children.map((c) => byId.get(c.id)!)],
      late: lateRows.map(presentSummary),
    };
  }

  /**
   * Counts per unit (the subtree's root and each child), state, grade and late in one pass over the
   * cycle's evaluations under the root (index-only on evaluation_cycle_unit_cover_idx): each row is
   * grouped by its path cut after the segment below the root, which is the path of the child it lies
   * under; the root's row is the sum of all. A child whose path is not the root's path plus one segment
   * (moved since the period) is counted over its own path range, as before.
   */
  async function completionRows(
    cycleId: string,
    unit: { id: string; path: string },
    children: readonly { id: string; path: string }[],
  ): Promise<CountRow[]> {
    const len = unit.path.length;
    const direct = new Map<string, string>();
    const moved: { id: string; path: string }[] = [];
    for (const c of children) {
      const rest = c.path.startsWith(unit.path) ? c.path.slice(len) : '';
      if (/^[^/]+\/$/.test(rest) && !direct.has(c.path)) direct.set(c.path, c.id);
      else moved.push(c);
    }
    const grouped = await sql<{
      prefix: string;
      state: string;
      grade: string | null;
      late: boolean;
      n: string;
    }>`
      SELECT substring(e.unit_path from 1 for ${len}::int + strpos(substring(e.unit_path from ${len + 1}::int), '/')) AS prefix,
             e.state, e.grade, e.late, count(*) AS n
        FROM evaluation e
       WHERE e.tenant_id = ${tenantId} AND e.cycle_id = ${cycleId}
         AND e.unit_path >= ${unit.path} AND e.unit_path < ${upperOf(unit.path)}
       GROUP BY 1, 2, 3, 4`.execute(db);
    const out: CountRow[] = [];
    for (const r of grouped.rows) {
      out.push({ unit_id: unit.id, state: r.state, grade: r.grade, late: r.late, n: r.n });
      const child = direct.get(r.prefix);
      if (child) out.push({ unit_id: child, state: r.state, grade: r.grade, late: r.late, n: r.n });
    }
    if (moved.length > 0) {
      const targets = sql.join(moved.map((c) => sql`(${c.id}::uuid, ${c.path}::text COLLATE "C")`));
      const extra = await sql<CountRow>`
        SELECT t.unit_id, e.state, e.grade, e.late, count(*) AS n
          FROM (VALUES ${targets}) AS t(unit_id, path)
          JOIN evaluation e ON e.tenant_id = ${tenantId} AND e.cycle_id = ${cycleId}
           AND e.unit_path >= t.path AND e.unit_path < (left(t.path, -1) || '0') COLLATE "C"
         GROUP BY t.unit_id, e.state, e.grade, e.late`.execute(db);
      out.push(...extra.rows);
    }
    return out;
  }

  async function history(actor: Actor, personId: string): Promise<z.infer<typeof GradeHistory>> {
    const access = await evaluations.accessOf(actor);
    let q = db
      .selectFrom('evaluation as e')
      .innerJoin('eval_cycle as c', (j) =>
        j.onRef('c.tenant_id', '=', 'e.tenant_id').onRef('c.id', '=', 'e.cycle_id'),
      )
      .select([
        'e.id',
        'e.cycle_id',
        'c.label',
        'c.period_start',
        'e.rule_set_id',
        'e.state',
        'e.total',
        'e.grade',
      ])
      .where('e.tenant_id', '=', tenantId)
      .where('e.person_id', '=', personId);
    if (access.selfId !== personId) q = q.where(visibleEvaluations(access));
    const rows = await q.orderBy('c.period_start', 'desc').limit(500).execute();
    if (rows.length === 0 && access.selfId !== personId) {
      const person = await db
        .selectFrom('person as p')
        .innerJoin('org_unit as u', (j) =>
          j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.unit_id'),
        )
        .select('u.path')
        .where('p.tenant_id', '=', tenantId)
        .where('p.id', '=', personId)
        .executeTakeFirst();
      if (!person || !covers(access.read, person.path)) throw new NotFound('person');
    }
    return {
      personId,
      items: rows.map((r) => ({
        evaluationId: r.id,
        cycleId: r.cycle_id,
        label: r.label,
        periodStart: r.period_start,
        ruleSetId: r.rule_set_id as z.infer<typeof GradeHistory>['items'][number]['ruleSetId'],
        state: r.state as z.infer<typeof GradeHistory>['items'][number]['state'],
        total: r.total === null ? null : Number(r.total),
        grade: r.grade as z.infer<typeof GradeHistory>['items'][number]['grade'],
      })),
    };
  }

  return { monitor, history };
}
