import { tokenLikePatterns } from '@canbo/domain';
import { type Kysely, type SelectQueryBuilder, type SqlBool, sql, type Transaction } from 'kysely';
import type { Scope } from '../../access/actor';
import { inScope, subtreeEnd } from '../../access/scope-sql';
import type { DB } from '../../db/schema';
import { newId } from '../../ids';

/**
 * SQL of the weak base party organisations (docs/ANNUAL.md): one row per organisation and year,
 * graded "not completed" at publication or designated by an officer, with its consolidation plan.
 * Every read that starts from an id or lists takes the caller's scope over the organisation's unit.
 */

export type Db = Kysely<DB> | Transaction<DB>;

/** A consolidation measure as stored in weak_org.measures (jsonb). */
export interface StoredMeasure {
  content: string;
  responsiblePersonId: string | null;
  deadline: string;
  doneOn: string | null;
}

export function unitInScope(db: Db, scope: Scope, unitId: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path', 'type', 'is_party_org', 'status'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', unitId)
    .where(inScope(scope, 'path'))
    .executeTakeFirst();
}

const COLUMNS = [
  'w.id',
  'w.unit_id',
  'w.unit_path',
  'w.year',
  'w.reason',
  'w.review_id',
  'w.note',
  'w.status',
  'w.status_note',
  'w.measures',
  'w.consolidated_on',
  'w.version',
  'u.name as unit_name',
  'u.type as unit_type',
] as const;

function weakOrgs(db: Db, scope: Scope) {
  return db
    .selectFrom('weak_org as w')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'w.tenant_id').onRef('u.id', '=', 'w.unit_id'),
    )
    .where('w.tenant_id', '=', scope.tenantId)
    .where(inScope(scope, 'w.unit_path'));
}

export function getWeakOrg(db: Db, scope: Scope, id: string, lock = false) {
  const q = weakOrgs(db, scope).select(COLUMNS).where('w.id', '=', id);
  return (lock ? q.forUpdate('w') : q).executeTakeFirst();
}
export type WeakOrgRow = NonNullable<Awaited<ReturnType<typeof getWeakOrg>>>;

export interface WeakOrgFilter {
  page: number;
  pageSize: number;
  q?: string | undefined;
  unitId?: string | undefined;
  year?: number | undefined;
  status?: string | undefined;
}

type ListQuery = SelectQueryBuilder<DB & { w: DB['weak_org']; u: DB['org_unit'] }, 'w' | 'u', object>;

/**
 * A page of weak organisations and the "consolidated X/Y" of the year and subtree asked (the whole
 * filter but the status and the text search, which only narrow what is listed).
 */
export async function listWeakOrgs(db: Db, scope: Scope, filter: WeakOrgFilter) {
  let base = weakOrgs(db, scope) as unknown as ListQuery;
  if (filter.unitId) {
    const unit = await db
      .selectFrom('org_unit')
      .select('path')
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', filter.unitId)
      .executeTakeFirst();
    if (!unit) return { rows: [], total: 0, consolidated: 0, totalWeak: 0 };
    base = base.where('w.unit_path', '>=', unit.path).where('w.unit_path', '<', subtreeEnd(unit.path));
  }
  if (filter.year !== undefined) base = base.where('w.year', '=', filter.year);
  let listed = base;
  if (filter.status) listed = listed.where('w.status', '=', filter.status);
  const patterns = filter.q ? tokenLikePatterns(filter.q) : [];
  if (patterns.length)
    listed = listed.where(
      sql<SqlBool>`(${sql.join(
        patterns.map((p) => sql`u.search_key LIKE ${p}`),
        sql` AND `,
      )})`,
    );
  const [rows, total, counts] = await Promise.all([
    listed
      .select(COLUMNS)
      .orderBy('w.year', 'desc')
      .orderBy('u.sort_key')
      .orderBy('w.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    listed.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    base
      .select([
        (eb) => eb.fn.countAll<string>().as('all'),
        sql<string>`count(*) FILTER (WHERE w.status = 'consolidated')`.as('consolidated'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    rows,
    total: Number(total.n),
    consolidated: Number(counts.consolidated),
    totalWeak: Number(counts.all),
  };
}

export async function existsFor(db: Db, tenantId: string, unitId: string, year: number): Promise<boolean> {
  const row = await db
    .selectFrom('weak_org')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertWeakOrg(
  tx: Transaction<DB>,
  row: {
    tenantId: string;
    id: string;
    unitId: string;
    unitPath: string;
    year: number;
    note: string;
    createdBy: string | null;
  },
): Promise<void> {
  const now = new Date();
  await tx
    .insertInto('weak_org')
    .values({
      tenant_id: row.tenantId,
      id: row.id,
      unit_id: row.unitId,
      unit_path: row.unitPath,
      year: row.year,
      reason: 'designated',
      note: row.note,
      created_by: row.createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Saves the plan, guarded by the version it was read at; false when someone else saved first. */
export async function saveWeakOrg(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  version: number,
  changes: {
    measures: StoredMeasure[];
    status: string;
    status_note: string | null;
    consolidated_on: string | null;
  },
): Promise<boolean> {
  const res = await tx
    .updateTable('weak_org')
    .set({
      ...changes,
      measures: sql<never>`${JSON.stringify(changes.measures)}::jsonb`,
      updated_at: new Date(),
      version: version + 1,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/** Active people among `ids` whose record lies in `scope`, with their names. */
export function peopleInScope(db: Db, scope: Scope, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.unit_id'),
    )
    .select(['p.id', 'p.full_name'])
    .where('p.tenant_id', '=', scope.tenantId)
    .where('p.id', 'in', [...ids])
    .where('p.status', '=', 'active')
    .where(inScope(scope, 'u.path'))
    .execute();
}

/** Names of the people responsible for measures (whoever they are now: the plan keeps them). */
export async function personNames(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('person')
    .select(['id', 'full_name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

export interface GradedOrganisation {
  reviewId: string;
  unitId: string;
  unitPath: string;
}

/**
 * Files the party organisations a publication decided "not completed" as weak organisations of the
 * year (reason 'graded', linked to the review), inside the publication's transaction. Idempotent: an
 * organisation already listed for the year keeps its plan and status; one designated by hand becomes
 * 'graded' with the review. Returns how many rows were created or changed.
 */
export async function recordGradedWeakOrgs(
  trx: Transaction<DB>,
  input: {
    tenantId: string;
    year: number;
    actorId: string | null;
    organisations: readonly GradedOrganisation[];
  },
): Promise<number> {
  if (input.organisations.length === 0) return 0;
  const now = new Date();
  const seen = new Set<string>();
  const rows = input.organisations
    .filter((o) => !seen.has(o.unitId) && seen.add(o.unitId))
    .map((o) => ({
      tenant_id: input.tenantId,
      id: newId(),
      unit_id: o.unitId,
      unit_path: o.unitPath,
      year: input.year,
      reason: 'graded',
      review_id: o.reviewId,
      created_by: input.actorId,
      created_at: now,
      updated_at: now,
    }));
  let changed = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const res = await trx
      .insertInto('weak_org')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'unit_id', 'year'])
          .doUpdateSet((eb) => ({
            reason: 'graded',
            review_id: eb.ref('excluded.review_id'),
            updated_at: now,
            version: sql<number>`weak_org.version + 1`,
          }))
          .where((eb) =>
            eb.or([
              eb('weak_org.reason', '<>', 'graded'),
              sql<SqlBool>`weak_org.review_id IS DISTINCT FROM excluded.review_id`,
            ]),
          ),
      )
      .executeTakeFirst();
    changed += Number(res.numInsertedOrUpdatedRows ?? 0n);
  }
  return changed;
}
