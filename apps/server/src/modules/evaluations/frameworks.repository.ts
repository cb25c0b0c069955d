import { type RawBuilder, type Selectable, sql } from 'kysely';
import type { EvalFrameworkTable } from '../../db/schema';
import type { Db, EvaluationAccess } from './evaluations.access';
import { relevantUnits } from './setup.access';

export type FrameworkRow = Selectable<EvalFrameworkTable> & { unit_name: string; unit_path: string };

function frameworkRows(db: Db, tenantId: string) {
  return db
    .selectFrom('eval_framework as f')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'f.tenant_id').onRef('u.id', '=', 'f.unit_id'),
    )
    .selectAll('f')
    .select(['u.name as unit_name', 'u.path as unit_path'])
    .where('f.tenant_id', '=', tenantId);
}

/** A framework relevant to the actor (setup.access.ts), or undefined: out of sight reads as missing. */
export function findFramework(db: Db, access: EvaluationAccess, id: string, lock = false) {
  let q = frameworkRows(db, access.actor.tenantId)
    .where('f.id', '=', id)
    .where(relevantUnits(access, 'u.path'));
  if (lock) q = q.forUpdate('f');
  return q.executeTakeFirst() as Promise<FrameworkRow | undefined>;
}

export interface FrameworkFilter {
  unitPath?: string;
  ruleSetId?: string;
  status?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listFrameworks(db: Db, access: EvaluationAccess, filter: FrameworkFilter) {
  let q = frameworkRows(db, access.actor.tenantId).where(relevantUnits(access, 'u.path'));
  if (filter.unitPath) q = q.where('u.path', '=', filter.unitPath);
  if (filter.ruleSetId) q = q.where('f.rule_set_id', '=', filter.ruleSetId);
  if (filter.status) q = q.where('f.status', '=', filter.status);
  if (filter.q) q = q.where('f.name', 'ilike', `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`);
  const [rows, count] = await Promise.all([
    q
      .orderBy('f.name')
      .orderBy('f.family_id')
      .orderBy('f.version_no', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as FrameworkRow[], total: Number(count.n) };
}

export async function nextVersionNo(db: Db, tenantId: string, familyId: string): Promise<number> {
  const row = await db
    .selectFrom('eval_framework')
    .select((eb) => eb.fn.max('version_no').as('max'))
    .where('tenant_id', '=', tenantId)
    .where('family_id', '=', familyId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** The latest published version of a family (the daily schedule opens the next cycle with it). */
export function latestPublished(db: Db, tenantId: string, familyId: string) {
  return db
    .selectFrom('eval_framework')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('family_id', '=', familyId)
    .where('status', '=', 'published')
    .orderBy('version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface NewFramework {
  id: string;
  familyId: string;
  versionNo: number;
  ruleSetId: string;
  unitId: string;
  name: string;
  criteria: unknown;
  parameters: unknown;
  basedOnId: string | null;
  createdBy: string | null;
}

export async function insertFramework(db: Db, tenantId: string, f: NewFramework, now: Date) {
  await db
    .insertInto('eval_framework')
    .values({
      tenant_id: tenantId,
      id: f.id,
      family_id: f.familyId,
      version_no: f.versionNo,
      rule_set_id: f.ruleSetId,
      unit_id: f.unitId,
      name: f.name,
      status: 'draft',
      criteria: JSON.stringify(f.criteria),
      parameters: jsonb(f.parameters),
      based_on_id: f.basedOnId,
      created_by: f.createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** eval_framework.parameters is Generated<Json> in schema.ts, which takes no plain string: cast in SQL. */
export function jsonb(value: unknown): RawBuilder<never> {
  return sql<never>`${JSON.stringify(value)}::jsonb`;
}

export type FrameworkChanges = Partial<{
  name: string;
  criteria: string;
  parameters: RawBuilder<never>;
  status: string;
  published_at: Date;
  published_by: string | null;
}>;

/** Writes the changes if the row is still at `version`; false when someone else changed it first. */
export async function updateFramework(
  db: Db,
  tenantId: string,
  id: string,
  version: number,
  changes: FrameworkChanges,
): Promise<boolean> {
  const result = await db
    .updateTable('eval_framework')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
