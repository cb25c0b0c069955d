import { type Permission, ROLES, type Role, roleHas } from '@canbo/domain';
import type { Kysely, Transaction } from 'kysely';
import { type RawBuilder, sql } from 'kysely';
import { type Actor, covers, minimalPaths, type Scope, scopeOf } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import type { DB } from '../../db/schema';

export type Db = Kysely<DB> | Transaction<DB>;

/**
 * What an actor may do with evaluations, resolved once per request (docs/EVALUATIONS.md, "Who sees
 * what"):
 * - `self`: the person linked to the actor's account sees and fills in their own evaluation;
 * - `read`: evaluations.read over the evaluated person's unit (officers, inspectors);
 * - `review` / `decide`: evaluations.review / evaluations.decide over the *deciding* unit — the
 *   person's unit, or its parent for a leader of it — widened by the grants of everyone who has
 *   delegated to the actor for today;
 * - `manage`: evaluations.manage (cycles, frameworks, outstanding marks, reopening).
 */
export interface EvaluationAccess {
  actor: Actor;
  selfId: string | null;
  read: Scope;
  review: Scope;
  decide: Scope;
  manage: Scope;
  /** Active delegations to the actor: whose work they may do, and over which deciding units. */
  delegations: readonly DelegatedGrant[];
}

export interface DelegatedGrant {
  delegationId: string;
  fromUserId: string;
  fromName: string;
  role: Role;
  unitPath: string;
}

export async function evaluationAccess(db: Db, actor: Actor, today: string): Promise<EvaluationAccess> {
  const [selfId, delegations] = await Promise.all([
    ownPersonId(db, actor),
    delegatedGrants(db, actor, today),
  ]);
  return {
    actor,
    selfId,
    read: scopeOf(actor, 'evaluations.read'),
    review: widen(scopeOf(actor, 'evaluations.review'), delegations, 'evaluations.review'),
    decide: widen(scopeOf(actor, 'evaluations.decide'), delegations, 'evaluations.decide'),
    manage: scopeOf(actor, 'evaluations.manage'),
    delegations,
  };
}

async function ownPersonId(db: Db, actor: Actor): Promise<string | null> {
  if (actor.userId === null) return null;
  const row = await db
    .selectFrom('app_user')
    .select('person_id')
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  return row?.person_id ?? null;
}

async function delegatedGrants(db: Db, actor: Actor, today: string): Promise<DelegatedGrant[]> {
  if (actor.userId === null) return [];
  const rows = await db
    .selectFrom('eval_delegation as d')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'd.tenant_id').onRef('u.id', '=', 'd.from_user_id'),
    )
    .innerJoin('role_grant as g', (j) =>
      j.onRef('g.tenant_id', '=', 'd.tenant_id').onRef('g.user_id', '=', 'd.from_user_id'),
    )
    .innerJoin('org_unit as o', (j) =>
      j.onRef('o.tenant_id', '=', 'g.tenant_id').onRef('o.id', '=', 'g.unit_id'),
    )
    .select(['d.id', 'd.from_user_id', 'u.display_name', 'g.role', 'o.path'])
    .where('d.tenant_id', '=', actor.tenantId)
    .where('d.to_user_id', '=', actor.userId)
    .where('d.revoked_at', 'is', null)
    .where('d.valid_from', '<=', today)
    .where('d.valid_to', '>=', today)
    .where('u.disabled', '=', false)
    .execute();
  return rows
    .filter((r) => (ROLES as readonly string[]).includes(r.role))
    .map((r) => ({
      delegationId: r.id,
      fromUserId: r.from_user_id,
      fromName: r.display_name,
      role: r.role as Role,
      unitPath: r.path,
    }));
}

function widen(scope: Scope, delegations: readonly DelegatedGrant[], permission: Permission): Scope {
  if (scope.paths === null) return scope;
  const extra = delegations.filter((d) => roleHas(d.role, permission)).map((d) => d.unitPath);
  if (extra.length === 0) return scope;
  return { tenantId: scope.tenantId, paths: minimalPaths([...scope.paths, ...extra]) };
}

/** The columns of an evaluation row that access depends on. */
export interface EvaluationScopeRow {
  person_id: string;
  unit_path: string;
  decision_unit_path: string;
}

export function isOwn(access: EvaluationAccess, row: EvaluationScopeRow): boolean {
  return access.selfId !== null && access.selfId === row.person_id;
}

/** Reviewers and heads never act on their own evaluation, whatever their grants. */
export function canReview(access: EvaluationAccess, row: EvaluationScopeRow): boolean {
  return !isOwn(access, row) && covers(access.review, row.decision_unit_path);
}

export function canDecide(access: EvaluationAccess, row: EvaluationScopeRow): boolean {
  return !isOwn(access, row) && covers(access.decide, row.decision_unit_path);
}

export function canManage(access: EvaluationAccess, row: Pick<EvaluationScopeRow, 'unit_path'>): boolean {
  return covers(access.manage, row.unit_path);
}

export function canSee(access: EvaluationAccess, row: EvaluationScopeRow): boolean {
  return (
    isOwn(access, row) ||
    covers(access.read, row.unit_path) ||
    canReview(access, row) ||
    canDecide(access, row)
  );
}

/** The delegation through which the actor acts on a row, when their own grants do not reach it. */
export function actingFor(
  access: EvaluationAccess,
  row: EvaluationScopeRow,
  permission: 'evaluations.review' | 'evaluations.decide',
): DelegatedGrant | null {
  if (covers(scopeOf(access.actor, permission), row.decision_unit_path)) return null;
  return (
    access.delegations.find(
      (d) => roleHas(d.role, permission) && row.decision_unit_path.startsWith(d.unitPath),
    ) ?? null
  );
}

/**
 * SQL condition over an evaluation alias (default `e`) matching what `canSee` allows, so that lists
 * and look-ups filter in the database and an out-of-scope id reads as missing.
 */
export function visibleEvaluations(access: EvaluationAccess, alias = 'e'): RawBuilder<boolean> {
  const own =
    access.selfId === null
      ? sql<boolean>`false`
      : sql<boolean>`${sql.ref(`${alias}.person_id`)} = ${access.selfId}`;
  const reviewable = [access.review, access.decide]
    .filter((s) => s.paths === null || s.paths.length > 0)
    .map((s) => inScope(s, `${alias}.decision_unit_path`));
  const notOwn =
    access.selfId === null
      ? sql<boolean>`true`
      : sql<boolean>`${sql.ref(`${alias}.person_id`)} <> ${access.selfId}`;
  const parts = [own, inScope(access.read, `${alias}.unit_path`)];
  if (reviewable.length > 0) parts.push(sql<boolean>`(${notOwn} AND (${sql.join(reviewable, sql` OR `)}))`);
  return sql<boolean>`(${sql.join(parts, sql` OR `)})`;
}
