import { type Kysely, sql, type Transaction } from 'kysely';
import type { Scope } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import type { DB } from '../../db/schema';

/** SQL of the confidence votes. Every read that starts from an id takes the caller's scope. */

export type Db = Kysely<DB> | Transaction<DB>;

export const TALLY_LEVELS = ['high', 'confidence', 'low', 'blank'] as const;

export function unitInScope(db: Db, scope: Scope, unitId: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', unitId)
    .where(inScope(scope, 'path'))
    .executeTakeFirst();
}

/** Active people among `ids` whose record lies in `scope` (a party body's members are kept in state units). */
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

/** Per person, the sessions of `year` they are already voted on in (not counting void ones). */
export async function sessionsInYear(db: Db, tenantId: string, personIds: readonly string[], year: number) {
  const rows = await db
    .selectFrom('vote_candidate as c')
    .innerJoin('vote_session as s', (j) =>
      j.onRef('s.tenant_id', '=', 'c.tenant_id').onRef('s.id', '=', 'c.session_id'),
    )
    .select(['c.person_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('c.tenant_id', '=', tenantId)
    .where('c.person_id', 'in', [...personIds])
    .where('s.vote_date', '>=', `${year}-01-01`)
    .where('s.vote_date', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('s.is_void', 'is', null), eb('s.is_void', '=', false)]))
    .groupBy('c.person_id')
    .execute();
  return new Map(rows.map((r) => [r.person_id, Number(r.n)]));
}

const SESSION_COLUMNS = [
  's.id',
  's.unit_id',
  's.rule_set_id',
  's.title',
  's.vote_date',
  's.place',
  's.document_number',
  's.state',
  's.summoned',
  's.collected',
  's.result',
  's.is_void',
  's.version',
  's.created_at',
  's.opened_at',
  's.closed_at',
  'u.name as unit_name',
  'u.path as unit_path',
] as const;

function sessions(db: Db, scope: Scope) {
  return db
    .selectFrom('vote_session as s')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.unit_id'),
    )
    .where('s.tenant_id', '=', scope.tenantId)
    .where(inScope(scope, 'u.path'));
}

export function getSession(db: Db, scope: Scope, id: string, lock = false) {
  const q = sessions(db, scope).select(SESSION_COLUMNS).where('s.id', '=', id);
  return (lock ? q.forUpdate('s') : q).executeTakeFirst();
}
export type SessionRow = NonNullable<Awaited<ReturnType<typeof getSession>>>;

export async function listSessions(
  db: Db,
  scope: Scope,
  query: {
    page: number;
    pageSize: number;
    q?: string | undefined;
    unitId?: string | undefined;
    state?: string | undefined;
  },
) {
  let q = sessions(db, scope);
  if (query.unitId) q = q.where('s.unit_id', '=', query.unitId);
  if (query.state) q = q.where('s.state', '=', query.state);
  if (query.q) q = q.where(sql<boolean>`s.title ILIKE ${`%${query.q.replace(/[%_\\]/g, '\\$&')}%`}`);
  const [rows, total] = await Promise.all([
    q
      .select(SESSION_COLUMNS)
      .select((eb) =>
        eb
          .selectFrom('vote_candidate as c')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('c.tenant_id', '=', 's.tenant_id')
          .whereRef('c.session_id', '=', 's.id')
          .as('candidates'),
      )
      .orderBy('s.vote_date', 'desc')
      .orderBy('s.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export function candidatesOf(db: Db, tenantId: string, sessionId: string) {
  return db
    .selectFrom('vote_candidate as c')
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.person_id'),
    )
    .select(['c.person_id', 'c.post', 'c.ordinal', 'p.full_name'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.session_id', '=', sessionId)
    .orderBy('c.ordinal')
    .execute();
}

export function votersOf(db: Db, tenantId: string, sessionId: string) {
  return db
    .selectFrom('vote_voter as v')
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'v.tenant_id').onRef('p.id', '=', 'v.person_id'),
    )
    .select(['v.id', 'v.person_id', 'v.voted', 'p.full_name', 'p.sort_key'])
    .select(sql<boolean>`v.token_hash IS NOT NULL`.as('token_issued'))
    .where('v.tenant_id', '=', tenantId)
    .where('v.session_id', '=', sessionId)
    .orderBy('p.sort_key')
    .orderBy('v.id')
    .execute();
}

export async function issuedCount(db: Db, tenantId: string, sessionId: string): Promise<number> {
  const row = await db
    .selectFrom('vote_voter')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('session_id', '=', sessionId)
    .where('token_hash', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Moves a session on, guarded by the version it was read at; false when someone else moved it first. */
export async function saveSession(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  version: number,
  changes: Partial<{
    state: string;
    opened_at: Date;
    closed_at: Date;
    result: string;
    is_void: boolean;
  }>,
): Promise<boolean> {
  const res = await tx
    .updateTable('vote_session')
    .set({ ...changes, version: version + 1 })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

export async function tallyCounts(db: Db, tenantId: string, sessionId: string) {
  const rows = await db
    .selectFrom('vote_tally')
    .select(['person_id', 'level', 'count'])
    .where('tenant_id', '=', tenantId)
    .where('session_id', '=', sessionId)
    .execute();
  const counts = new Map<string, { high: number; confidence: number; low: number }>();
  for (const r of rows) {
    const c = counts.get(r.person_id) ?? { high: 0, confidence: 0, low: 0 };
    if (r.level !== 'blank') c[r.level as 'high'] = Number(r.count);
    counts.set(r.person_id, c);
  }
  return counts;
}

export function resultsOfPerson(db: Db, tenantId: string, personId: string) {
  return db
    .selectFrom('vote_result as r')
    .innerJoin('vote_session as s', (j) =>
      j.onRef('s.tenant_id', '=', 'r.tenant_id').onRef('s.id', '=', 'r.session_id'),
    )
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.unit_id'),
    )
    .selectAll('r')
    .select(['s.title', 'u.name as unit_name'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.person_id', '=', personId)
    .orderBy('r.vote_date', 'desc')
    .execute();
}

export function personInScope(db: Db, scope: Scope, personId: string) {
  return db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.unit_id'),
    )
    .select(['p.id', 'u.path'])
    .where('p.tenant_id', '=', scope.tenantId)
    .where('p.id', '=', personId)
    .where(inScope(scope, 'u.path'))
    .executeTakeFirst();
}
