import type { Kysely, Transaction } from 'kysely';
import type { Scope } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import type { DB } from '../../db/schema';

/** SQL of targets and the work programme. Every read that starts from an id takes the caller's scope. */

export type Db = Kysely<DB> | Transaction<DB>;

export function unitInScope(db: Db, scope: Scope, unitId: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', unitId)
    .where(inScope(scope, 'path'))
    .executeTakeFirst();
}

export function personInScope(db: Db, scope: Scope, personId: string) {
  return db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.unit_id'),
    )
    .select(['p.id', 'p.full_name'])
    .where('p.tenant_id', '=', scope.tenantId)
    .where('p.id', '=', personId)
    .where(inScope(scope, 'u.path'))
    .executeTakeFirst();
}

const TARGET_COLUMNS = [
  't.id',
  't.unit_id',
  't.year',
  't.code',
  't.title',
  't.kind',
  't.measure',
  't.target',
  't.achieved',
  't.note',
  't.version',
  'u.name as unit_name',
  'u.path as unit_path',
] as const;

function targets(db: Db, scope: Scope) {
  return db
    .selectFrom('report_target as t')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 't.tenant_id').onRef('u.id', '=', 't.unit_id'),
    )
    .where('t.tenant_id', '=', scope.tenantId)
    .where(inScope(scope, 'u.path'));
}

export function getTarget(db: Db, scope: Scope, id: string, lock = false) {
  const q = targets(db, scope).select(TARGET_COLUMNS).where('t.id', '=', id);
  return (lock ? q.forUpdate('t') : q).executeTakeFirst();
}
export type TargetRow = NonNullable<Awaited<ReturnType<typeof getTarget>>>;

/** Targets of units in `scope` (and under `unitPath` when given), by year, unit and code. */
export function listTargets(db: Db, scope: Scope, filter: { unitPath?: string; year?: number | undefined }) {
  let q = targets(db, scope).select(TARGET_COLUMNS);
  if (filter.unitPath) q = q.where(inScope({ tenantId: scope.tenantId, paths: [filter.unitPath] }, 'u.path'));
  if (filter.year !== undefined) q = q.where('t.year', '=', filter.year);
  return q.orderBy('t.year', 'desc').orderBy('u.path').orderBy('t.code').orderBy('t.id').limit(500).execute();
}

export function entriesOf(db: Db, tenantId: string, targetIds: readonly string[]) {
  if (targetIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('report_target_progress as e')
    .leftJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'e.tenant_id').onRef('u.id', '=', 'e.linked_unit_id'),
    )
    .leftJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.linked_person_id'),
    )
    .select([
      'e.id',
      'e.target_id',
      'e.entry_date',
      'e.amount',
      'e.note',
      'e.linked_unit_id',
      'e.linked_person_id',
      'e.created_at',
      'u.name as unit_name',
      'p.full_name as person_name',
    ])
    .where('e.tenant_id', '=', tenantId)
    .where('e.target_id', 'in', [...targetIds])
    .orderBy('e.entry_date')
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}
export type EntryRow = Awaited<ReturnType<typeof entriesOf>>[number];

export async function targetCodeTaken(
  db: Db,
  tenantId: string,
  unitId: string,
  year: number,
  code: string,
  exceptId?: string,
) {
  let q = db
    .selectFrom('report_target')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .where('code', '=', code);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Guarded by the version it was read at; false when someone else changed it first. */
export async function saveTarget(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  version: number,
  changes: Partial<{
    code: string;
    title: string;
    measure: string;
    target: number;
    note: string | null;
    achieved: number;
  }>,
): Promise<boolean> {
  const res = await tx
    .updateTable('report_target')
    .set({ ...changes, version: version + 1, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

// ── Work programme ──────────────────────────────────────────────────────────────────

const ITEM_COLUMNS = [
  'w.id',
  'w.unit_id',
  'w.year',
  'w.content',
  'w.scheme',
  'w.responsible_unit_id',
  'w.deadline',
  'w.status',
  'w.completed_on',
  'w.note',
  'w.version',
  'u.name as unit_name',
  'u.path as unit_path',
  'r.name as responsible_unit_name',
] as const;

function items(db: Db, scope: Scope) {
  return db
    .selectFrom('work_item as w')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'w.tenant_id').onRef('u.id', '=', 'w.unit_id'),
    )
    .innerJoin('org_unit as r', (j) =>
      j.onRef('r.tenant_id', '=', 'w.tenant_id').onRef('r.id', '=', 'w.responsible_unit_id'),
    )
    .where('w.tenant_id', '=', scope.tenantId)
    .where(inScope(scope, 'u.path'));
}

export function getItem(db: Db, scope: Scope, id: string, lock = false) {
  const q = items(db, scope).select(ITEM_COLUMNS).where('w.id', '=', id);
  return (lock ? q.forUpdate('w') : q).executeTakeFirst();
}
export type ItemRow = NonNullable<Awaited<ReturnType<typeof getItem>>>;

export function listItems(
  db: Db,
  scope: Scope,
  filter: { unitPath?: string; year?: number | undefined; status?: string | undefined; overdueOn?: string },
) {
  let q = items(db, scope).select(ITEM_COLUMNS);
  if (filter.unitPath) q = q.where(inScope({ tenantId: scope.tenantId, paths: [filter.unitPath] }, 'u.path'));
  if (filter.year !== undefined) q = q.where('w.year', '=', filter.year);
  if (filter.status) q = q.where('w.status', '=', filter.status);
  if (filter.overdueOn) {
    const on = filter.overdueOn;
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('w.status', 'in', ['planned', 'inProgress']), eb('w.deadline', '<', on)]),
        eb.and([eb('w.status', '=', 'done'), eb('w.completed_on', '>', eb.ref('w.deadline'))]),
      ]),
    );
  }
  return q.orderBy('w.deadline').orderBy('w.id').limit(1000).execute();
}

export async function saveItem(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  version: number,
  changes: Partial<{
    content: string;
    scheme: string | null;
    responsible_unit_id: string;
    deadline: string;
    status: string;
    completed_on: string | null;
    note: string | null;
  }>,
): Promise<boolean> {
  const res = await tx
    .updateTable('work_item')
    .set({ ...changes, version: version + 1, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}
