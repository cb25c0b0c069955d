import { type PersonListQuery, searchKey, tokenLikePatterns } from '@canbo/domain';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import { birthDateRange } from './people.dates';
import { type Db, type PersonRow, personRows } from './people.repository';

/** Where the list looks: the unit filter resolved by the service. */
export type UnitFilter =
  | { kind: 'current'; path: string }
  /** The unit's path on `asOf` (org_unit_version); null when the unit did not exist then. */
  | { kind: 'asOf'; path: string | null };

export interface PersonSearch {
  tenantId: string;
  /** Records the caller may read (people.read), plus their own. */
  read: Scope;
  /** Records whose CCCD and party data the caller may read (people.readSensitive), plus their own. */
  sensitive: Scope;
  selfId: string | null;
  /** Path of the tenant's root unit: a scope holding it needs no filter. */
  rootPath: string;
  /** 'YYYY-MM-DD': asOf, or today. */
  on: string;
  unit: UnitFilter | null;
  /** Post titles matching the `position` filter (matchingTitles), when it is given. */
  titles: string[] | null;
  query: PersonListQuery;
}

const CCCD_QUERY = /^\d{12}$/;

/**
 * Vietnamese letters and ASCII capitals → their unaccented lower-case base (from searchKey itself),
 * for matching position titles, which have no stored search key: translate(title, FROM, TO).
 */
const [FROM, TO] = (() => {
  const bases = [
    'a',
    'a\u0306',
    'a\u0302',
    'e',
    'e\u0302',
    'i',
    'o',
    'o\u0302',
    'o\u031B',
    'u',
    'u\u031B',
    'y',
  ];
  const tones = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
  const chars = new Set<string>(['đ', 'Đ']);
  for (const b of bases)
    for (const t of tones) for (const c of [b, b.toUpperCase()]) chars.add((c + t).normalize('NFC'));
  for (let c = 65; c <= 90; c++) chars.add(String.fromCharCode(c));
  const from = [...chars].filter((c) => searchKey(c) !== c);
  return [from.join(''), from.map((c) => searchKey(c)).join('')];
})();

/** A text column unaccented and lower-cased as searchKey does it, for text with no stored search key. */
export function unaccented(column: string) {
  return sql<string>`translate(${sql.ref(column)}, ${FROM}, ${TO})`;
}

function inSubtree(path: string, column: string) {
  return inScope({ tenantId: '', paths: [path] }, column);
}

/** Held on `on`: started on or before it and not ended by it. */
function heldOn(on: string) {
  return sql<SqlBool>`ps.start_date <= ${on} AND (ps.end_date IS NULL OR ps.end_date > ${on})`;
}

/** Ids of the units in the subtrees at `paths` today (an index range scan on org_unit.path). */
function unitsUnder(tenantId: string, paths: readonly string[]) {
  return sql`(SELECT o.id FROM org_unit o WHERE o.tenant_id = ${tenantId} AND ${inScope({ tenantId, paths }, 'o.path')})`;
}

/** Ids of the units that lay in the subtree at `path` on `on`, from the dated unit versions. */
function unitsAsOf(tenantId: string, path: string, on: string) {
  return sql`(SELECT v.unit_id FROM org_unit_version v
     WHERE v.tenant_id = ${tenantId} AND v.valid_from <= ${on} AND (v.valid_to IS NULL OR v.valid_to > ${on})
       AND ${inSubtree(path, 'v.path')})`;
}

/**
 * Records whose unit lies in the scope, or the caller's own. A scope that holds the tenant's root
 * needs no condition; otherwise the units of the scope are found by path and the people by unit
 * (person_unit_idx), so a small subtree never scans every person.
 */
function scopeCondition(s: PersonSearch, scope: Scope): Expression<SqlBool> {
  const self = s.selfId ? sql<SqlBool>`p.id = ${s.selfId}` : null;
  if (scope.paths === null || scope.paths.includes(s.rootPath)) return sql<SqlBool>`true`;
  if (scope.paths.length === 0) return self ?? sql<SqlBool>`false`;
  const units = sql<SqlBool>`p.unit_id IN ${unitsUnder(s.tenantId, scope.paths)}`;
  return self ? sql<SqlBool>`(${units} OR ${self})` : units;
}

/**
 * The record's unit lies in the subtree, or the person holds a post in it (on the date); null when
 * that holds for everyone: the tenant's root today (every unit of the tenant lies under it, which
 * scopeCondition relies on too). Without this, the root's list built the set of all its people
 * twice over (records and posts) before counting them or reading a page.
 */
function unitCondition(s: PersonSearch, unit: UnitFilter): Expression<SqlBool> | null {
  if (unit.kind === 'current' && unit.path === s.rootPath) return null;
  if (unit.path === null) return sql<SqlBool>`false`;
  const units =
    unit.kind === 'asOf' ? unitsAsOf(s.tenantId, unit.path, s.on) : unitsUnder(s.tenantId, [unit.path]);
  return sql<SqlBool>`p.id IN (
    SELECT r.id FROM person r WHERE r.tenant_id = ${s.tenantId} AND r.unit_id IN ${units}
    UNION ALL
    SELECT ps.person_id FROM position ps WHERE ps.tenant_id = ${s.tenantId} AND ${heldOn(s.on)} AND ps.unit_id IN ${units})`;
}

/**
 * The distinct post titles that contain every word of `query` once unaccented. The translation runs
 * over the distinct titles only (OFFSET 0 keeps the planner from pushing it down to every row); the
 * list then filters positions by plain equality, which the planner estimates well.
 */
export async function matchingTitles(db: Db, tenantId: string, query: string): Promise<string[]> {
  const words = tokenLikePatterns(query).map(
    (pattern) => sql<SqlBool>`translate(t.title, ${FROM}, ${TO}) LIKE ${pattern}`,
  );
  if (words.length === 0) return [];
  const { rows } = await sql<{ title: string }>`SELECT t.title
      FROM (SELECT DISTINCT title FROM position WHERE tenant_id = ${tenantId} OFFSET 0) t
     WHERE ${sql.join(words, sql` AND `)}`.execute(db);
  return rows.map((r) => r.title);
}

function textCondition(s: PersonSearch, q: string): Expression<SqlBool> | null {
  if (CCCD_QUERY.test(q) && (s.sensitive.paths === null || s.sensitive.paths.length > 0 || s.selfId)) {
    // Only records whose CCCD the caller may read can match by CCCD: no other answer reveals one.
    return sql<SqlBool>`((p.cccd = ${q} AND ${scopeCondition(s, s.sensitive)}) OR p.code = ${q})`;
  }
  const words = tokenLikePatterns(q).map((pattern) => sql<SqlBool>`p.search_key LIKE ${pattern}`);
  if (words.length === 0) return null;
  return sql<SqlBool>`((${sql.join(words, sql` AND `)}) OR p.code = ${q})`;
}

/** Every condition of the list; none refers to the unit table, so counting reads only `person`. */
function filters(s: PersonSearch): Expression<SqlBool> {
  const q = s.query;
  const and: Expression<SqlBool>[] = [sql<SqlBool>`p.tenant_id = ${s.tenantId}`, scopeCondition(s, s.read)];
  if (q.q) {
    const text = textCondition(s, q.q);
    if (text) and.push(text);
  }
  const unit = s.unit ? unitCondition(s, s.unit) : null;
  if (unit) and.push(unit);
  if (q.status !== 'all') and.push(sql<SqlBool>`p.status = ${q.status}`);
  if (q.staffCategory) and.push(sql<SqlBool>`p.staff_category = ${q.staffCategory}`);
  if (q.sex) and.push(sql<SqlBool>`p.sex = ${q.sex}`);
  if (q.ethnicity) and.push(sql<SqlBool>`p.ethnicity = ${q.ethnicity}`);
  if (q.partyStatus)
    and.push(sql<SqlBool>`(p.party_status = ${q.partyStatus} AND ${scopeCondition(s, s.sensitive)})`);
  const band = ageBandYears(q);
  const range = birthDateRange(s.on, band.from, band.to);
  if (range.onOrBefore) and.push(sql<SqlBool>`p.birth_date <= ${range.onOrBefore}`);
  if (range.after) and.push(sql<SqlBool>`p.birth_date > ${range.after}`);
  if (s.titles) {
    and.push(
      s.titles.length === 0
        ? sql<SqlBool>`false`
        : sql<SqlBool>`p.id IN (SELECT ps.person_id FROM position ps WHERE ps.tenant_id = ${s.tenantId}
            AND ${heldOn(s.on)} AND ps.title = ANY(${s.titles}::text[]))`,
    );
  }
  return sql<SqlBool>`(${sql.join(and, sql` AND `)})`;
}

/** `ageBand` and `ageFrom`/`ageTo` together: the intersection. */
export function ageBandYears(q: Pick<PersonListQuery, 'ageBand' | 'ageFrom' | 'ageTo'>): {
  from?: number;
  to?: number;
} {
  const bands = {
    under30: [undefined, 29],
    '30to39': [30, 39],
    '40to49': [40, 49],
    '50plus': [50, undefined],
  } as const;
  const [bandFrom, bandTo] = q.ageBand ? bands[q.ageBand] : [undefined, undefined];
  const from = [bandFrom, q.ageFrom].filter((n): n is number => n !== undefined);
  const to = [bandTo, q.ageTo].filter((n): n is number => n !== undefined);
  return {
    ...(from.length ? { from: Math.max(...from) } : {}),
    ...(to.length ? { to: Math.min(...to) } : {}),
  };
}

/**
 * The ORDER BY of the list, over `p` (person, or the matches read by fewMatches); `fenced` hides
 * the sort key from its index (see searchPeople).
 */
function ordering(sort: PersonListQuery['sort'], dir: 'asc' | 'desc', fenced = false) {
  const d = sql.raw(dir);
  const key = (column: string) => (fenced ? sql`(${sql.ref(column)} || '') COLLATE "C"` : sql.ref(column));
  switch (sort) {
    case 'birthDate':
      return sql`p.birth_date ${d}, ${key('p.sort_key')} ${d}, p.id ${d}`;
    case 'code':
      return sql`${key('p.code')} ${d}, p.id ${d}`;
    case 'updatedAt':
      return sql`p.updated_at ${d}, p.id ${d}`;
    default:
      // sort_key is COLLATE "C": byte order of the key is Vietnamese order on every engine.
      return sql`${key('p.sort_key')} ${d}, p.id ${d}`;
  }
}

function countOf(db: Db, where: Expression<SqlBool>) {
  return db
    .selectFrom('person as p')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** Up to this many matches of a text query, one scan gives both the total and the page. */
const FEW_MATCHES = 1_000;
/** Up to this many, the matches are sorted for the page; beyond it, the page walks the sort index. */
const SORTED_MATCHES = 5_000;

/**
 * Up to FEW_MATCHES + 1 matches, with the columns every ordering uses, in one scan that stops there:
 * their number, and the ids of the requested page among them.
 */
async function fewMatches(db: Db, s: PersonSearch, where: Expression<SqlBool>, offset: number) {
  const q = s.query;
  const { rows } = await sql<{ n: string | number; ids: string[] }>`
    WITH m AS MATERIALIZED (
      SELECT p.id, p.sort_key, p.birth_date, p.code, p.updated_at FROM person p
       WHERE ${where} LIMIT ${FEW_MATCHES + 1})
    SELECT (SELECT count(*) FROM m) AS n,
           array(SELECT p.id::text FROM m p ORDER BY ${ordering(q.sort, q.order)}
                  LIMIT ${q.pageSize} OFFSET ${offset}) AS ids`.execute(db);
  const row = rows[0]!;
  return { total: Number(row.n), ids: row.ids };
}

/**
 * One page of people and the total, in the requested order (Vietnamese name order by default).
 *
 * Without a text query, the page walks the sort index and stops after one page, counted beside it.
 * With one, matches may cluster in name order ("duc" finds the people named Đức, who all sort
 * together), so walking the index could read most of it before a page is full; and a fragment too
 * short for the trigram index ("le thu lo": only "thu" narrows) can leave thousands of candidates to
 * recheck, so each scan of the matches counts. Hence, by the number of matches:
 *   - up to FEW_MATCHES: one scan reads them all and gives the total and the page;
 *   - up to SORTED_MATCHES: they are counted, then found again with the sort key hidden from its
 *     index and only the page kept (a top-N sort);
 *   - beyond: they are counted (person_active_count_idx) and, dense enough that the walk soon fills a
 *     page ("an" matches over half of all names), the page walks the sort index.
 * The page's ids are then read in full.
 */
export async function searchPeople(db: Db, s: PersonSearch): Promise<{ rows: PersonRow[]; total: number }> {
  const q = s.query;
  const where = filters(s);
  const offset = (q.page - 1) * q.pageSize;
  if (!q.q) {
    const [rows, total] = await Promise.all([
      personRows(db, s.tenantId)
        .where(where)
        .orderBy(ordering(q.sort, q.order))
        .limit(q.pageSize)
        .offset(offset)
        .execute(),
      countOf(db, where),
    ]);
    return { rows: rows as PersonRow[], total };
  }
  let { total, ids } = await fewMatches(db, s, where, offset);
  if (total > FEW_MATCHES) {
    total = await countOf(db, where);
    const ranked =
      total <= offset
        ? []
        : await db
            .selectFrom('person as p')
            .select('p.id')
            .where(where)
            .orderBy(ordering(q.sort, q.order, total <= SORTED_MATCHES))
            .limit(q.pageSize)
            .offset(offset)
            .execute();
    ids = ranked.map((r) => r.id);
  }
  if (ids.length === 0) return { rows: [], total };
  const rows = (await personRows(db, s.tenantId).where('p.id', 'in', ids).execute()) as PersonRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: ids.map((id) => byId.get(id)).filter((r): r is PersonRow => r !== undefined), total };
}
