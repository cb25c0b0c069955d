import type { Selectable } from 'kysely';
import type { KpiProductTable } from '../../db/schema';
import type { Db, EvaluationAccess } from './evaluations.access';
import { ancestorPaths, relevantUnits } from './setup.access';

export type KpiProductRow = Selectable<KpiProductTable> & { unit_name: string; unit_path: string };

function productRows(db: Db, tenantId: string) {
  return db
    .selectFrom('kpi_product as k')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'k.tenant_id').onRef('u.id', '=', 'k.unit_id'),
    )
    .selectAll('k')
    .select(['u.name as unit_name', 'u.path as unit_path'])
    .where('k.tenant_id', '=', tenantId);
}

/** A product of a unit relevant to the actor (its own catalogue or one above it), or undefined. */
export function findProduct(db: Db, access: EvaluationAccess, id: string, lock = false) {
  let q = productRows(db, access.actor.tenantId)
    .where('k.id', '=', id)
    .where(relevantUnits(access, 'u.path'));
  if (lock) q = q.forUpdate('k');
  return q.executeTakeFirst() as Promise<KpiProductRow | undefined>;
}

export async function listProducts(
  db: Db,
  access: EvaluationAccess,
  filter: { unitPath?: string; active?: boolean; q?: string; page: number; pageSize: number },
) {
  let q = productRows(db, access.actor.tenantId).where(relevantUnits(access, 'u.path'));
  if (filter.unitPath) q = q.where('u.path', '=', filter.unitPath);
  if (filter.active !== undefined) q = q.where('k.active', '=', filter.active);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('k.code', 'ilike', like), eb('k.name', 'ilike', like)]));
  }
  const [rows, count] = await Promise.all([
    q
      .orderBy('u.path')
      .orderBy('k.code')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as KpiProductRow[], total: Number(count.n) };
}

/**
 * The active products an evaluation of a unit at `unitPath` may record figures against: the catalogues
 * of that unit and of every unit above it (the same rule PUT /api/evaluations/:id/kpi checks).
 */
export async function availableProducts(db: Db, tenantId: string, unitPath: string) {
  const rows = await productRows(db, tenantId)
    .where('u.path', 'in', ancestorPaths(unitPath))
    .where('k.active', '=', true)
    .orderBy('u.path')
    .orderBy('k.code')
    .execute();
  return rows as KpiProductRow[];
}

export async function codeTaken(
  db: Db,
  tenantId: string,
  unitId: string,
  code: string,
  exceptId: string | null,
) {
  let q = db
    .selectFrom('kpi_product')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('unit_id', '=', unitId)
    .where('code', '=', code);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export function presentProduct(row: KpiProductRow) {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    jobPosition: row.job_position,
    code: row.code,
    name: row.name,
    measure: row.measure,
    coefficient: Number(row.coefficient),
    active: row.active,
    version: row.version,
  };
}
