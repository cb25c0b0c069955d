import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';

/**
 * Set-based reads and writes of restructuring: every statement handles all the rows of an
 * operation at once (INSERT … SELECT, UPDATE … FROM unnest), never one row per round trip.
 */

export type Db = Kysely<DB> | Transaction<DB>;

export interface PlanUnit {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  type: string;
  level: string | null;
  address: string | null;
  is_party_org: boolean;
  admin_area: string | null;
  parent_id: string | null;
  path: string;
  depth: number;
  status: string;
  valid_from: string;
  version: number;
  /** First day of the open version: no change may be entered before it. */
  open_from: string | null;
}

export async function loadUnits(db: Db, tenantId: string, ids: readonly string[]): Promise<PlanUnit[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit_version as v', (j) =>
      j.onRef('v.tenant_id', '=', 'u.tenant_id').onRef('v.unit_id', '=', 'u.id').on('v.valid_to', 'is', null),
    )
    .select([
      'u.id',
      'u.code',
      'u.name',
      'u.short_name',
      'u.type',
      'u.level',
      'u.address',
      'u.is_party_org',
      'u.admin_area',
      'u.parent_id',
      'u.path',
      'u.depth',
      'u.status',
      'u.valid_from',
      'u.version',
      'v.valid_from as open_from',
    ])
    .where('u.tenant_id', '=', tenantId)
    .where('u.id', 'in', [...new Set(ids)])
    .execute();
}

/** Locks FOR SHARE every unit on the paths (the units themselves and all their ancestors), in id order. */
export async function lockPaths(db: Db, tenantId: string, paths: readonly string[]) {
  const ids = [...new Set(paths.flatMap((p) => p.split('/').filter(Boolean)))].sort();
  if (ids.length === 0) return;
  await sql`SELECT id FROM org_unit WHERE tenant_id = ${tenantId} AND id = ANY(${ids}::uuid[]) ORDER BY id FOR SHARE`.execute(
    db,
  );
}

/** Locks FOR UPDATE the roots of subtrees about to be re-pathed, before the statement that does it. */
export async function lockRoots(db: Db, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  await sql`SELECT id FROM org_unit WHERE tenant_id = ${tenantId} AND id = ANY(${[...ids].sort()}::uuid[]) ORDER BY id FOR UPDATE`.execute(
    db,
  );
}

export function activeChildren(db: Db, tenantId: string, parentIds: readonly string[]) {
  if (parentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'parent_id', 'path'])
    .where('tenant_id', '=', tenantId)
    .where('parent_id', 'in', [...parentIds])
    .where('status', '=', 'active')
    .orderBy('sort_key')
    .orderBy('code')
    .execute();
}

/** Active units in the subtrees of `rootIds` (roots included): their paths change with the roots. */
export async function activeInSubtrees(db: Db, tenantId: string, rootIds: readonly string[], on: string) {
  if (rootIds.length === 0)
    return { count: 0, later: [] as { id: string; code: string; name: string; valid_from: string }[] };
  const { rows } = await sql<{ id: string; code: string; name: string; open_from: string | null }>`
    SELECT u.id, u.code, u.name, v.valid_from::text AS open_from
      FROM org_unit u
      JOIN org_unit r ON r.tenant_id = u.tenant_id AND r.id = ANY(${[...rootIds]}::uuid[])
       AND u.path >= r.path AND u.path < (left(r.path, -1) || '0') COLLATE "C"
      LEFT JOIN org_unit_version v ON v.tenant_id = u.tenant_id AND v.unit_id = u.id AND v.valid_to IS NULL
     WHERE u.tenant_id = ${tenantId} AND u.status = 'active'`.execute(db);
  const later = rows
    .filter((r) => r.open_from !== null && r.open_from > on)
    .map((r) => ({ ...r, valid_from: r.open_from! }));
  return { count: rows.length, later: later.slice(0, 20) };
}

export interface PositionRow {
  id: string;
  person_id: string;
  unit_id: string;
  title: string;
  is_leader: boolean;
  is_concurrent: boolean;
  start_date: string;
  person_code: string;
  full_name: string;
  person_unit_id: string;
}

/** Posts in the units held on `on` or starting later (end_date NULL or after `on`), by name order. */
export async function currentPositions(
  db: Db,
  tenantId: string,
  unitIds: readonly string[],
  on: string,
): Promise<PositionRow[]> {
  if (unitIds.length === 0) return [];
  const { rows } = await sql<PositionRow>`
    SELECT ps.id, ps.person_id, ps.unit_id, ps.title, ps.is_leader, ps.is_concurrent, ps.start_date::text AS start_date,
           p.code AS person_code, p.full_name, p.unit_id AS person_unit_id
      FROM position ps JOIN person p ON p.tenant_id = ps.tenant_id AND p.id = ps.person_id
     WHERE ps.tenant_id = ${tenantId} AND ps.unit_id = ANY(${[...unitIds]}::uuid[])
       AND (ps.end_date IS NULL OR ps.end_date > ${on})
     ORDER BY p.sort_key, p.id, ps.start_date, ps.id`.execute(db);
  return rows;
}

export async function peopleKept(db: Db, tenantId: string, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('person')
    .select(['id', 'code', 'full_name', 'unit_id'])
    .where('tenant_id', '=', tenantId)
    .where('unit_id', 'in', [...unitIds])
    .orderBy('sort_key')
    .orderBy('id')
    .execute();
}

export async function accountsHomed(db: Db, tenantId: string, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('app_user')
    .select(['id', 'person_id', 'unit_id'])
    .where('tenant_id', '=', tenantId)
    .where('unit_id', 'in', [...unitIds])
    .execute();
}

export async function grantsOn(db: Db, tenantId: string, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('role_grant as g')
    .innerJoin('app_user as a', (j) =>
      j.onRef('a.tenant_id', '=', 'g.tenant_id').onRef('a.id', '=', 'g.user_id'),
    )
    .select(['g.id', 'g.user_id', 'g.role', 'g.unit_id', 'a.display_name'])
    .where('g.tenant_id', '=', tenantId)
    .where('g.unit_id', 'in', [...unitIds])
    .orderBy('a.display_name')
    .execute();
}

export async function takenCodes(db: Db, tenantId: string, codes: readonly string[]) {
  if (codes.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('org_unit')
    .select('code')
    .where('tenant_id', '=', tenantId)
    .where('code', 'in', [...codes])
    .execute();
  return new Set(rows.map((r) => r.code));
}

// ── writes ───────────────────────────────────────────────────────────────────────────

/**
 * Gives each root a new parent and rewrites the paths and depths of its whole subtree in one
 * statement. The new parents must not move in the same call and the subtrees must not overlap.
 * Returns the active units whose path changed (each needs a new version).
 */
export async function moveSubtrees(
  tx: Transaction<DB>,
  tenantId: string,
  moves: readonly { unitId: string; newParentId: string }[],
  now: Date,
) {
  if (moves.length === 0) return [];
  const { rows } = await sql<{ id: string; status: string }>`
    WITH m AS (
      SELECT c.id AS root_id, c.path AS old_path, c.depth AS old_depth, np.id AS new_parent_id,
             np.path || c.id::text || '/' AS new_path, np.depth + 1 AS new_depth
        FROM unnest(${moves.map((m) => m.unitId)}::uuid[], ${moves.map((m) => m.newParentId)}::uuid[]) AS x(unit_id, parent_id)
        JOIN org_unit c ON c.tenant_id = ${tenantId} AND c.id = x.unit_id
        JOIN org_unit np ON np.tenant_id = ${tenantId} AND np.id = x.parent_id
    )
    UPDATE org_unit u
       SET path = m.new_path || substr(u.path, length(m.old_path) + 1),
           depth = u.depth - m.old_depth + m.new_depth,
           parent_id = CASE WHEN u.id = m.root_id THEN m.new_parent_id ELSE u.parent_id END,
           version = u.version + 1,
           updated_at = ${now}
      FROM m
     WHERE u.tenant_id = ${tenantId} AND u.path >= m.old_path AND u.path < (left(m.old_path, -1) || '0') COLLATE "C"
    RETURNING u.id, u.status`.execute(tx);
  return rows.filter((r) => r.status === 'active').map((r) => r.id);
}

export interface TransferRow {
  positionId: string;
  toUnitId: string;
  /** The post began before the date: it ends then and is re-created; otherwise it simply moves. */
  endAndRecreate: boolean;
  /** Id of the re-created post (used when the post began before the date). */
  newId: string;
  /** History row ids: the end (or move) of the old post, the new post. */
  historyIds: [string, string];
}

export interface WriteContext {
  tenantId: string;
  changeId: string;
  kind: string;
  on: string;
  actorId: string | null;
  now: Date;
  decisionNumber: string | null;
}

/*
 * Statements that join a list of ids (unnest) to a large table also say `id = ANY(list)`: the
 * primary-key index then drives the join whatever the table's statistics say, which matters
 * inside a transaction that has just inserted thousands of rows the statistics do not know of.
 */

/**
 * Posts held before the date end on it and are re-created in the receiving unit from that day
 * with the same title and flags; posts beginning on or after the date simply move. Every step
 * leaves a row in the person's history (source 'restructure').
 */
export async function transferPositions(
  tx: Transaction<DB>,
  w: WriteContext,
  transfers: readonly TransferRow[],
) {
  const ending = transfers.filter((t) => t.endAndRecreate);
  const moving = transfers.filter((t) => !t.endAndRecreate);
  const meta = sql`'changeId', ${w.changeId}::text, 'kind', ${w.kind}::text`;
  let ended = 0;
  let created = 0;
  let moved = 0;

  if (ending.length > 0) {
    const ids = ending.map((t) => t.positionId);
    const x = sql`unnest(${ids}::uuid[], ${ending.map((t) => t.toUnitId)}::uuid[], ${ending.map((t) => t.newId)}::uuid[],
                         ${ending.map((t) => t.historyIds[0])}::uuid[], ${ending.map((t) => t.historyIds[1])}::uuid[]) AS x(id, to_unit, new_id, h1, h2)`;
    const from = sql`position p JOIN ${x} ON x.id = p.id WHERE p.tenant_id = ${w.tenantId} AND p.id = ANY(${ids}::uuid[]) AND p.start_date < ${w.on}`;
    // History first: it reads the posts as they were.
    await sql`INSERT INTO person_history (tenant_id, id, person_id, changed_at, changed_by, source, section, before, after)
      SELECT p.tenant_id, x.h1, p.person_id, ${w.now}::timestamptz, ${w.actorId}::uuid, 'restructure', 'position',
             jsonb_build_object('id', p.id, 'unitId', p.unit_id, 'title', p.title, 'endDate', p.end_date),
             jsonb_build_object('id', p.id, 'unitId', p.unit_id, 'title', p.title, 'endDate', ${w.on}::text, 'endReason', ${w.kind}::text, ${meta})
        FROM ${from}
      UNION ALL
      SELECT p.tenant_id, x.h2, p.person_id, ${w.now}::timestamptz, ${w.actorId}::uuid, 'restructure', 'position', NULL,
             jsonb_build_object('id', x.new_id, 'unitId', x.to_unit, 'title', p.title, 'startDate', ${w.on}::text, 'endDate', p.end_date,
                                'isLeader', p.is_leader, 'isConcurrent', p.is_concurrent, ${meta})
        FROM ${from}`.execute(tx);
    const inserted =
      await sql`INSERT INTO position (tenant_id, id, person_id, unit_id, title, title_group, is_leader, is_concurrent,
                                                      start_date, end_date, decision_number, end_reason, version, created_at)
      SELECT p.tenant_id, x.new_id, p.person_id, x.to_unit, p.title, p.title_group, p.is_leader, p.is_concurrent,
             ${w.on}::date, p.end_date, COALESCE(${w.decisionNumber}::text, p.decision_number), NULL, 1, ${w.now}
        FROM ${from}`.execute(tx);
    const updated =
      await sql`UPDATE position SET end_date = ${w.on}, end_reason = ${w.kind}, version = version + 1
       WHERE tenant_id = ${w.tenantId} AND id = ANY(${ids}::uuid[]) AND start_date < ${w.on}`.execute(tx);
    created = Number(inserted.numAffectedRows ?? 0);
    ended = Number(updated.numAffectedRows ?? 0);
  }

  if (moving.length > 0) {
    const ids = moving.map((t) => t.positionId);
    const x = sql`unnest(${ids}::uuid[], ${moving.map((t) => t.toUnitId)}::uuid[], ${moving.map((t) => t.historyIds[0])}::uuid[]) AS x(id, to_unit, h1)`;
    await sql`INSERT INTO person_history (tenant_id, id, person_id, changed_at, changed_by, source, section, before, after)
      SELECT p.tenant_id, x.h1, p.person_id, ${w.now}::timestamptz, ${w.actorId}::uuid, 'restructure', 'position',
             jsonb_build_object('id', p.id, 'unitId', p.unit_id, 'title', p.title),
             jsonb_build_object('id', p.id, 'unitId', x.to_unit, 'title', p.title, ${meta})
        FROM position p JOIN ${x} ON x.id = p.id
       WHERE p.tenant_id = ${w.tenantId} AND p.id = ANY(${ids}::uuid[]) AND p.start_date >= ${w.on}`.execute(
      tx,
    );
    const updated = await sql`UPDATE position p SET unit_id = x.to_unit, version = p.version + 1
        FROM ${x} WHERE p.tenant_id = ${w.tenantId} AND p.id = ANY(${ids}::uuid[]) AND p.id = x.id AND p.start_date >= ${w.on}`.execute(
      tx,
    );
    moved = Number(updated.numAffectedRows ?? 0);
  }
  return { ended, created, moved };
}

/** Moves the records (person.unit_id) with a history row each; only rows still in `fromUnitId` move. */
export async function movePeople(
  tx: Transaction<DB>,
  w: WriteContext,
  moves: readonly { personId: string; fromUnitId: string; toUnitId: string; historyId: string }[],
) {
  if (moves.length === 0) return 0;
  const ids = moves.map((m) => m.personId);
  const x = sql`unnest(${ids}::uuid[], ${moves.map((m) => m.fromUnitId)}::uuid[],
                       ${moves.map((m) => m.toUnitId)}::uuid[], ${moves.map((m) => m.historyId)}::uuid[]) AS x(id, from_unit, to_unit, hid)`;
  await sql`INSERT INTO person_history (tenant_id, id, person_id, changed_at, changed_by, source, section, before, after)
    SELECT p.tenant_id, x.hid, p.id, ${w.now}, ${w.actorId}::uuid, 'restructure', 'unit',
           jsonb_build_object('unitId', x.from_unit, 'unitName', f.name),
           jsonb_build_object('unitId', x.to_unit, 'unitName', t.name, 'changeId', ${w.changeId}::text, 'kind', ${w.kind}::text,
                              'effectiveDate', ${w.on}::text)
      FROM person p
      JOIN ${x} ON x.id = p.id AND x.from_unit = p.unit_id
      JOIN org_unit f ON f.tenant_id = p.tenant_id AND f.id = x.from_unit
      JOIN org_unit t ON t.tenant_id = p.tenant_id AND t.id = x.to_unit
     WHERE p.tenant_id = ${w.tenantId} AND p.id = ANY(${ids}::uuid[])`.execute(tx);
  const result =
    await sql`UPDATE person p SET unit_id = x.to_unit, version = p.version + 1, updated_at = ${w.now}
      FROM ${x} WHERE p.tenant_id = ${w.tenantId} AND p.id = ANY(${ids}::uuid[]) AND p.id = x.id AND p.unit_id = x.from_unit`.execute(
      tx,
    );
  return Number(result.numAffectedRows ?? 0);
}

export async function moveAccounts(
  tx: Transaction<DB>,
  w: WriteContext,
  moves: readonly { userId: string; toUnitId: string }[],
) {
  if (moves.length === 0) return 0;
  const ids = moves.map((m) => m.userId);
  const result =
    await sql`UPDATE app_user a SET unit_id = x.to_unit, version = a.version + 1, updated_at = ${w.now}
      FROM unnest(${ids}::uuid[], ${moves.map((m) => m.toUnitId)}::uuid[]) AS x(id, to_unit)
     WHERE a.tenant_id = ${w.tenantId} AND a.id = ANY(${ids}::uuid[]) AND a.id = x.id`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

/** Closes units: status, last day, and the open version ends on the effective date. */
export async function closeUnits(
  tx: Transaction<DB>,
  w: WriteContext,
  unitIds: readonly string[],
  status: 'dissolved' | 'merged' | 'split',
) {
  if (unitIds.length === 0) return 0;
  const ids = [...unitIds];
  const result =
    await sql`UPDATE org_unit SET status = ${status}, valid_to = ${w.on}, version = version + 1, updated_at = ${w.now}
     WHERE tenant_id = ${w.tenantId} AND id = ANY(${ids}::uuid[]) AND status = 'active'`.execute(tx);
  await sql`UPDATE org_unit_version SET valid_to = ${w.on}
     WHERE tenant_id = ${w.tenantId} AND unit_id = ANY(${ids}::uuid[]) AND valid_to IS NULL`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

/** Bumps the version of units that received something (an existing merge target, a new parent). */
export async function touchUnits(tx: Transaction<DB>, w: WriteContext, unitIds: readonly string[]) {
  if (unitIds.length === 0) return;
  await sql`UPDATE org_unit SET version = version + 1, updated_at = ${w.now}
     WHERE tenant_id = ${w.tenantId} AND id = ANY(${[...unitIds]}::uuid[])`.execute(tx);
}

/** Re-grants each role on the successor (unless the user holds it there already) and revokes the old one. */
export async function moveGrants(
  tx: Transaction<DB>,
  w: WriteContext,
  moves: readonly { grantId: string; newId: string; toUnitId: string }[],
) {
  if (moves.length === 0) return 0;
  const x = sql`unnest(${moves.map((m) => m.grantId)}::uuid[], ${moves.map((m) => m.newId)}::uuid[], ${moves.map((m) => m.toUnitId)}::uuid[]) AS x(id, new_id, to_unit)`;
  await sql`INSERT INTO role_grant (tenant_id, id, user_id, role, unit_id, created_by, created_at)
    SELECT g.tenant_id, x.new_id, g.user_id, g.role, x.to_unit, ${w.actorId}::uuid, ${w.now}
      FROM ${x} JOIN role_grant g ON g.tenant_id = ${w.tenantId} AND g.id = x.id
    ON CONFLICT (tenant_id, user_id, role, unit_id) DO NOTHING`.execute(tx);
  const result =
    await sql`DELETE FROM role_grant g USING ${x} WHERE g.tenant_id = ${w.tenantId} AND g.id = x.id`.execute(
      tx,
    );
  return Number(result.numAffectedRows ?? 0);
}

/** What still hangs on closed units after an operation; anything here means the data changed meanwhile. */
export async function leftInClosedUnits(
  tx: Transaction<DB>,
  tenantId: string,
  unitIds: readonly string[],
  on: string,
) {
  if (unitIds.length === 0) return { positions: 0, people: 0, children: 0 };
  const ids = [...unitIds];
  const { rows } = await sql<{ positions: string; people: string; children: string }>`
    SELECT (SELECT count(*) FROM position WHERE tenant_id = ${tenantId} AND unit_id = ANY(${ids}::uuid[])
              AND (end_date IS NULL OR end_date > ${on})) AS positions,
           (SELECT count(*) FROM person WHERE tenant_id = ${tenantId} AND unit_id = ANY(${ids}::uuid[])) AS people,
           (SELECT count(*) FROM org_unit WHERE tenant_id = ${tenantId} AND parent_id = ANY(${ids}::uuid[]) AND status = 'active') AS children`.execute(
    tx,
  );
  const r = rows[0]!;
  return { positions: Number(r.positions), people: Number(r.people), children: Number(r.children) };
}
