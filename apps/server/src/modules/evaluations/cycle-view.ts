import { type CycleView, EVALUATION_STATES } from '@canbo/domain';
import { sql } from 'kysely';
import type { Db } from './evaluations.repository';

/** A cycle with its unit, framework and counts per state (the control views' header). */
export async function findCycle(db: Db, tenantId: string, id: string) {
  return db
    .selectFrom('eval_cycle as c')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.unit_id'),
    )
    .innerJoin('eval_framework as f', (j) =>
      j.onRef('f.tenant_id', '=', 'c.tenant_id').onRef('f.id', '=', 'c.framework_id'),
    )
    .selectAll('c')
    .select(['u.name as unit_name', 'f.name as framework_name', 'f.version_no as framework_version_no'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type CycleRow = NonNullable<Awaited<ReturnType<typeof findCycle>>>;

export async function cycleView(db: Db, cycle: CycleRow): Promise<CycleView> {
  const rows = await sql<{ state: string; n: string }>`
    SELECT state, count(*) AS n FROM evaluation WHERE tenant_id = ${cycle.tenant_id} AND cycle_id = ${cycle.id}
     GROUP BY state`.execute(db);
  const counts = Object.fromEntries(EVALUATION_STATES.map((s) => [s, 0])) as CycleView['counts'];
  let enrolled = 0;
  for (const r of rows.rows) {
    counts[r.state as keyof CycleView['counts']] = Number(r.n);
    enrolled += Number(r.n);
  }
  return {
    id: cycle.id,
    unitId: cycle.unit_id,
    unitName: cycle.unit_name,
    frameworkId: cycle.framework_id,
    frameworkName: cycle.framework_name,
    frameworkVersionNo: cycle.framework_version_no,
    ruleSetId: cycle.rule_set_id as CycleView['ruleSetId'],
    periodKind: cycle.period_kind as CycleView['periodKind'],
    periodStart: cycle.period_start,
    periodEnd: cycle.period_end,
    label: cycle.label,
    status: cycle.status as CycleView['status'],
    deadlines: {
      selfDue: cycle.self_due,
      reviewDue: cycle.review_due,
      decisionDue: cycle.decision_due,
      complaintDays: cycle.complaint_days,
    },
    autoNext: cycle.auto_next,
    enrolled,
    counts,
    closedAt: cycle.closed_at?.toISOString() ?? null,
    version: cycle.version,
  };
}
