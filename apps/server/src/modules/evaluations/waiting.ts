import { type Permission, ROLES, type Role, roleHas } from '@canbo/domain';
import { sql } from 'kysely';
import type { Db } from './evaluations.repository';
import { reviewersSinceSubmitMany } from './evaluations.repository';

/**
 * Who an evaluation waits on (notifications and reminders): the person while drafting; reviewers of the
 * deciding unit (not the person, not those who reviewed at an earlier level) and their active deputies
 * while in review; heads of the deciding unit when it awaits a decision.
 */
export interface WaitingRow {
  id: string;
  tenant_id: string;
  person_id: string;
  state: string;
  decision_unit_path: string;
  /** Reviewers of the step being written, not yet among the stored steps (transitions ask first). */
  reviewed_now?: readonly string[];
}

/** The permission an evaluation in `state` waits on, or 'self' while the person drafts. */
function waitingPermission(state: string): Permission | 'self' | null {
  if (state === 'draft' || state === 'returned') return 'self';
  if (state === 'selfAssessed' || state === 'inReview') return 'evaluations.review';
  if (state === 'reviewed' || state === 'complained') return 'evaluations.decide';
  return null;
}

/**
 * Enabled users holding `permission` through a grant on each unit path or above it, for many paths in
 * one statement. A path is the chain of unit ids from the root ('/root/child/'), so the candidate
 * units are the ids it names, each found by key; a candidate counts only while its current path is
 * still a prefix (a unit moved since the path was recorded is no longer above it, as scopes judge).
 */
export async function usersWithPermissionOverPaths(
  db: Db,
  tenantId: string,
  permission: Permission,
  paths: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(paths.map((p) => [p, []]));
  if (paths.length === 0) return out;
  const roles = ROLES.filter((r) => roleHas(r, permission));
  const onPath: string[] = [];
  const unitIds: string[] = [];
  for (const path of new Set(paths)) {
    for (const id of path.split('/')) {
      if (id === '') continue;
      onPath.push(path);
      unitIds.push(id);
    }
  }
  const { rows } = await sql<{ path: string; user_id: string }>`
    SELECT DISTINCT t.path, g.user_id
      FROM unnest(${onPath}::text[], ${unitIds}::uuid[]) AS t(path, unit_id)
      JOIN org_unit o ON o.tenant_id = ${tenantId} AND o.id = t.unit_id AND left(t.path, length(o.path)) = o.path
      JOIN role_grant g ON g.tenant_id = o.tenant_id AND g.unit_id = o.id
      JOIN app_user u ON u.tenant_id = g.tenant_id AND u.id = g.user_id
     WHERE g.role IN (${sql.join(roles)}) AND NOT u.disabled`.execute(db);
  for (const row of rows) out.get(row.path)?.push(row.user_id);
  return out;
}

/** Active deputies of each delegating user today. */
async function delegatesOf(
  db: Db,
  tenantId: string,
  fromUserIds: readonly string[],
  today: string,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (fromUserIds.length === 0) return out;
  const rows = await db
    .selectFrom('eval_delegation')
    .select(['from_user_id', 'to_user_id'])
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('from_user_id', 'in', [...new Set(fromUserIds)])
    .where('revoked_at', 'is', null)
    .where('valid_from', '<=', today)
    .where('valid_to', '>=', today)
    .execute();
  for (const row of rows) out.set(row.from_user_id, [...(out.get(row.from_user_id) ?? []), row.to_user_id]);
  return out;
}

/** The enabled accounts of each person. */
async function accountsOf(
  db: Db,
  tenantId: string,
  personIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (personIds.length === 0) return out;
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'person_id'])
    .where('tenant_id', '=', tenantId)
    .where('person_id', 'in', [...new Set(personIds)])
    .where('disabled', '=', false)
    .execute();
  for (const row of rows) {
    if (row.person_id) out.set(row.person_id, [...(out.get(row.person_id) ?? []), row.id]);
  }
  return out;
}

/** What deciding who items wait on takes; read set-wise (`waitingOnMany`) or with the row (`waitingColumns`). */
export interface WaitingFacts {
  /** Enabled accounts of each person. */
  accounts: ReadonlyMap<string, readonly string[]>;
  /** Enabled holders of each permission over each deciding unit path. */
  holders: Record<'evaluations.review' | 'evaluations.decide', ReadonlyMap<string, readonly string[]>>;
  /** Who reviewed each inReview evaluation (or for whom a deputy did) since it was last (re)submitted. */
  earlier: ReadonlyMap<string, readonly string[]>;
  /** Active deputies of each delegating user today (a superset of the holders' is fine). */
  deputies: ReadonlyMap<string, readonly string[]>;
}

/** Who each item waits on, from the facts (no database). */
export function whoWaits(rows: readonly WaitingRow[], facts: WaitingFacts): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of rows) {
    const permission = waitingPermission(row.state);
    if (permission === null) {
      out.set(row.id, []);
      continue;
    }
    const accounts = facts.accounts.get(row.person_id) ?? [];
    if (permission === 'self') {
      out.set(row.id, [...accounts]);
      continue;
    }
    // Never the person, nor who already reviewed this round (the next level is someone else).
    const excluded = new Set(accounts);
    if (row.state === 'inReview') {
      for (const u of facts.earlier.get(row.id) ?? []) excluded.add(u);
      for (const u of row.reviewed_now ?? []) excluded.add(u);
    }
    const holders =
      facts.holders[permission as keyof WaitingFacts['holders']]?.get(row.decision_unit_path) ?? [];
    const direct = holders.filter((u) => !excluded.has(u));
    const extra = direct.flatMap((u) => facts.deputies.get(u) ?? []).filter((u) => !excluded.has(u));
    out.set(row.id, [...new Set([...direct, ...extra])]);
  }
  return out;
}

/**
 * Who each evaluation waits on, for many evaluations of one tenant in a fixed number of statements
 * (the daily reminders reach every open item of a city): accounts, grant holders per deciding unit,
 * earlier reviewers and deputies are each read once for the whole set.
 */
export async function waitingOnMany(
  db: Db,
  tenantId: string,
  rows: readonly WaitingRow[],
  today: string,
): Promise<Map<string, string[]>> {
  const pathsBy = { 'evaluations.review': new Set<string>(), 'evaluations.decide': new Set<string>() };
  const inReview: string[] = [];
  for (const row of rows) {
    const permission = waitingPermission(row.state);
    // Earlier reviewers exist only past the first level: a selfAssessed item has had no review since
    // its (re)submission, so only inReview items are looked up.
    if (row.state === 'inReview') inReview.push(row.id);
    if (permission && permission !== 'self' && permission in pathsBy)
      pathsBy[permission as keyof typeof pathsBy].add(row.decision_unit_path);
  }
  const [accounts, reviewers, deciders, earlier] = await Promise.all([
    accountsOf(
      db,
      tenantId,
      rows.map((r) => r.person_id),
    ),
    usersWithPermissionOverPaths(db, tenantId, 'evaluations.review', [...pathsBy['evaluations.review']]),
    usersWithPermissionOverPaths(db, tenantId, 'evaluations.decide', [...pathsBy['evaluations.decide']]),
    reviewersSinceSubmitMany(db, tenantId, inReview),
  ]);
  const holders = new Set([...reviewers.values(), ...deciders.values()].flat());
  const deputies = await delegatesOf(db, tenantId, [...holders], today);
  return whoWaits(rows, {
    accounts,
    holders: { 'evaluations.review': reviewers, 'evaluations.decide': deciders },
    earlier,
    deputies,
  });
}

/** The columns `waitingColumns` adds to a row. */
export interface WaitingColumns {
  w_accounts: string[] | null;
  /** Each grant holder over the deciding unit: role, user and their active deputies today (or null). */
  w_holders: [string, string, string[] | null][] | null;
}

/** Roles an evaluation can wait on: those that review or decide (a unit's staff grants are many). */
const WAITED_ON_ROLES = ROLES.filter(
  (r) => roleHas(r, 'evaluations.review') || roleHas(r, 'evaluations.decide'),
);

/**
 * Enabled users with a reviewing or deciding grant on a unit the deciding path of evaluation `e`
 * names. The path's ids come first (a handful), each unit and its grants found by key: joined the
 * other way round, the planner may read every grant of the city.
 */
const holdersOfDecisionUnit = sql`
  FROM unnest(string_to_array(trim(BOTH '/' FROM e.decision_unit_path), '/')::uuid[]) AS on_path(unit_id)
  JOIN org_unit o ON o.tenant_id = e.tenant_id AND o.id = on_path.unit_id
  JOIN role_grant g ON g.tenant_id = o.tenant_id AND g.unit_id = o.id
  JOIN app_user u ON u.tenant_id = g.tenant_id AND u.id = g.user_id
 WHERE left(e.decision_unit_path, length(o.path)) = o.path AND NOT u.disabled
   AND g.role IN (${sql.join(WAITED_ON_ROLES)})`;

/**
 * The facts of `WaitingFacts` for evaluation `e` as columns of correlated subqueries, read with the row
 * when a step is taken (workflow.ts): the step's notice then needs no statement of its own. Earlier
 * reviewers come from the steps read with the row (`reviewersSinceSubmitIn`), not from a column.
 * Each holder comes with their active deputies, found by the giver's index, so the holders are joined
 * once. The lists may repeat a user (a holder of two grants on the path): `whoWaits` reads them as
 * sets, and a DISTINCT here would sort on every step.
 */
export function waitingColumns(today: string) {
  return [
    sql<string[] | null>`(SELECT array_agg(a.id::text) FROM app_user a
        WHERE a.tenant_id = e.tenant_id AND a.person_id = e.person_id AND NOT a.disabled)`.as('w_accounts'),
    sql<WaitingColumns['w_holders']>`(SELECT json_agg(json_build_array(g.role, g.user_id,
          (SELECT json_agg(d.to_user_id) FROM eval_delegation d
            WHERE d.tenant_id = g.tenant_id AND d.from_user_id = g.user_id AND d.revoked_at IS NULL
              AND d.valid_from <= ${today}::date AND d.valid_to >= ${today}::date)))
        ${holdersOfDecisionUnit})`.as('w_holders'),
  ] as const;
}

/** The facts of one row from its `waitingColumns` and who reviewed it since its latest submission. */
export function waitingFactsOf(
  row: WaitingRow,
  columns: WaitingColumns,
  earlier: readonly string[],
): WaitingFacts {
  const holders = columns.w_holders ?? [];
  const holding = (permission: Permission) => {
    const users = holders
      .filter(([role]) => isRole(role) && roleHas(role, permission))
      .map(([, user]) => user);
    return new Map([[row.decision_unit_path, [...new Set(users)]]]);
  };
  const deputies = new Map<string, string[]>();
  for (const [, from, to] of holders) {
    if (to) deputies.set(from, [...new Set([...(deputies.get(from) ?? []), ...to])]);
  }
  return {
    accounts: new Map([[row.person_id, columns.w_accounts ?? []]]),
    holders: {
      'evaluations.review': holding('evaluations.review'),
      'evaluations.decide': holding('evaluations.decide'),
    },
    earlier: new Map([[row.id, earlier]]),
    deputies,
  };
}

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);
