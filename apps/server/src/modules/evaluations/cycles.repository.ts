import { type Selectable, sql } from 'kysely';
import type { Scope } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import type { EvalCycleTable, EvalCycleUnitTable } from '../../db/schema';
import { type Db, type EvaluationAccess, visibleEvaluations } from './evaluations.access';
import { relevantUnits } from './setup.access';

/** A unit by id within `scope` (units.read), with its path; undefined when missing or out of scope. */
export function findUnitIn(db: Db, scope: Scope, id: string) {
  return db
    .selectFrom('org_unit as u')
    .select(['u.id', 'u.name', 'u.path', 'u.status', 'u.parent_id'])
    .where('u.tenant_id', '=', scope.tenantId)
    .where('u.id', '=', id)
    .where(inScope(scope, 'u.path'))
    .executeTakeFirst();
}

export type CycleRow = Selectable<EvalCycleTable> & {
  unit_name: string;
  framework_name: string;
  framework_version_no: number;
  framework_family_id: string;
};

export function cycleRows(db: Db, tenantId: string) {
  return db
    .selectFrom('eval_cycle as c')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.unit_id'),
    )
    .innerJoin('eval_framework as f', (j) =>
      j.onRef('f.tenant_id', '=', 'c.tenant_id').onRef('f.id', '=', 'c.framework_id'),
    )
    .selectAll('c')
    .select([
      'u.name as unit_name',
      'f.name as framework_name',
      'f.version_no as framework_version_no',
      'f.family_id as framework_family_id',
    ])
    .where('c.tenant_id', '=', tenantId);
}

/** A cycle whose subtree overlaps the actor's evaluation scopes (setup.access.ts), or undefined. */
export function findCycle(db: Db, access: EvaluationAccess, id: string, lock = false) {
  let q = cycleRows(db, access.actor.tenantId)
    .where('c.id', '=', id)
    .where(relevantUnits(access, 'c.unit_path'));
  if (lock) q = q.forUpdate('c');
  return q.executeTakeFirst() as Promise<CycleRow | undefined>;
}

export async function listCycles(
  db: Db,
  access: EvaluationAccess,
  filter: { unitPath?: string; status?: string; page: number; pageSize: number },
) {
  let q = cycleRows(db, access.actor.tenantId).where(relevantUnits(access, 'c.unit_path'));
  if (filter.unitPath) q = q.where('c.unit_path', '=', filter.unitPath);
  if (filter.status) q = q.where('c.status', '=', filter.status);
  const [rows, count] = await Promise.all([
    q
      .orderBy('c.period_start', 'desc')
      .orderBy('c.unit_path')
      .orderBy('c.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as CycleRow[], total: Number(count.n) };
}

/** Evaluations per state in each cycle, counting only those the actor may see. */
export async function stateCounts(db: Db, access: EvaluationAccess, cycleIds: string[]) {
  if (cycleIds.length === 0) return [];
  return db
    .selectFrom('evaluation as e')
    .select(['e.cycle_id', 'e.state', (eb) => eb.fn.countAll<string>().as('n')])
    .where('e.tenant_id', '=', access.actor.tenantId)
    .where('e.cycle_id', 'in', cycleIds)
    .where(visibleEvaluations(access, 'e'))
    .groupBy(['e.cycle_id', 'e.state'])
    .execute();
}

export function cycleAt(db: Db, tenantId: string, unitId: string, kind: string, start: string) {
  return db
    .selectFrom('eval_cycle')
    .select(['id', 'label'])
    .where('tenant_id', '=', tenantId)
    .where('unit_id', '=', unitId)
    .where('period_kind', '=', kind)
    .where('period_start', '=', start)
    .executeTakeFirst();
}

export async function bumpCycle(
  db: Db,
  tenantId: string,
  id: string,
  version: number,
  changes: Partial<{
    self_due: string;
    review_due: string;
    decision_due: string;
    complaint_days: number;
    auto_next: boolean;
  }>,
): Promise<boolean> {
  const result = await db
    .updateTable('eval_cycle')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type CycleUnitRow = Selectable<EvalCycleUnitTable> & { unit_name: string };

export function findCycleUnit(db: Db, tenantId: string, cycleId: string, unitId: string, lock = false) {
  let q = db
    .selectFrom('eval_cycle_unit as cu')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'cu.tenant_id').onRef('u.id', '=', 'cu.unit_id'),
    )
    .selectAll('cu')
    .select('u.name as unit_name')
    .where('cu.tenant_id', '=', tenantId)
    .where('cu.cycle_id', '=', cycleId)
    .where('cu.unit_id', '=', unitId);
  if (lock) q = q.forUpdate('cu');
  return q.executeTakeFirst() as Promise<CycleUnitRow | undefined>;
}

export async function markOutstanding(
  db: Db,
  tenantId: string,
  row: CycleUnitRow,
  changes: { outstanding: boolean; reason: string | null; by: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('eval_cycle_unit')
    .set({
      outstanding: changes.outstanding,
      outstanding_reason: changes.reason,
      outstanding_by: changes.by,
      version: sql`version + 1`,
    })
    .where('tenant_id', '=', tenantId)
    .where('cycle_id', '=', row.cycle_id)
    .where('unit_id', '=', row.unit_id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function unitSetting(db: Db, tenantId: string, unitId: string, lock = false) {
  let q = db
    .selectFrom('eval_unit_setting')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('unit_id', '=', unitId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Open cycles with auto-next whose period ended before `today` and that have no successor yet. */
export function cyclesDueForNext(db: Db, tenantId: string, today: string) {
  return db
    .selectFrom('eval_cycle as c')
    .select('c.id')
    .where('c.tenant_id', '=', tenantId)
    .where('c.status', '=', 'open')
    .where('c.auto_next', '=', true)
    .where('c.period_end', '<', today)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('eval_cycle as n')
            .select('n.id')
            .whereRef('n.tenant_id', '=', 'c.tenant_id')
            .whereRef('n.previous_id', '=', 'c.id'),
        ),
      ),
    )
    .orderBy('c.period_start')
    .execute();
}

export function openCycleIds(db: Db, tenantId: string) {
  return db
    .selectFrom('eval_cycle')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'open')
    .orderBy('period_start')
    .execute();
}
