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
  return accessFrom(actor, await ownRecord(db, actor, today));
}

/** The access of `actor` given their own record (`ownRecordColumns`). */
export function accessFrom(actor: Actor, own: OwnRecordColumns): EvaluationAccess {
  const delegations = (own.me_delegations ?? [])
    .filter((d) => (ROLES as readonly string[]).includes(d.role))
    .map((d) => ({
      delegationId: d.id,
      fromUserId: d.fromUserId,
      fromName: d.fromName,
      role: d.role as Role,
      unitPath: d.unitPath,
    }));
  return {
    actor,
    selfId: own.me_person_id ?? null,
    read: scopeOf(actor, 'evaluations.read'),
    review: widen(scopeOf(actor, 'evaluations.review'), delegations, 'evaluations.review'),
    decide: widen(scopeOf(actor, 'evaluations.decide'), delegations, 'evaluations.decide'),
    manage: scopeOf(actor, 'evaluations.manage'),
    delegations,
  };
}

export interface DelegationJson {
  id: string;
  fromUserId: string;
  fromName: string;
  role: string;
  unitPath: string;
}

/** What `ownRecordColumns` adds to a row. */
export interface OwnRecordColumns {
  me_person_id: string | null;
  me_delegations: DelegationJson[] | null;
}

/**
 * The actor's own person record and the grants delegated to them today as two scalar columns (every
 * evaluation request starts here; a step reads them with its row): a delegation lends its giver's
 * grants while it runs.
 */
export function ownRecordColumns(actor: Actor, today: string) {
  if (actor.userId === null) {
    return [sql<null>`NULL::uuid`.as('me_person_id'), sql<null>`NULL::json`.as('me_delegations')] as const;
  }
  return [
    sql<string | null>`(SELECT me.person_id FROM app_user me
        WHERE me.tenant_id = ${actor.tenantId} AND me.id = ${actor.userId})`.as('me_person_id'),
    sql<DelegationJson[] | null>`(SELECT json_agg(json_build_object('id', d.id, 'fromUserId', d.from_user_id,
               'fromName', u.display_name, 'role', g.role, 'unitPath', o.path))
          FROM eval_delegation d
          JOIN app_user u ON u.tenant_id = d.tenant_id AND u.id = d.from_user_id
          JOIN role_grant g ON g.tenant_id = d.tenant_id AND g.user_id = d.from_user_id
          JOIN org_unit o ON o.tenant_id = g.tenant_id AND o.id = g.unit_id
         WHERE d.tenant_id = ${actor.tenantId} AND d.to_user_id = ${actor.userId} AND d.revoked_at IS NULL
           AND d.valid_from <= ${today}::date AND d.valid_to >= ${today}::date AND NOT u.disabled)`.as(
      'me_delegations',
    ),
  ] as const;
}

/** The actor's own record on its own: one statement by key. */
async function ownRecord(db: Db, actor: Actor, today: string): Promise<OwnRecordColumns> {
  if (actor.userId === null) return { me_person_id: null, me_delegations: null };
  const { rows } = await sql<OwnRecordColumns>`
    /* prepared */ -- one user's rows by key (db/prepared.ts)
    SELECT ${sql.join(ownRecordColumns(actor, today))}`.execute(db);
  return rows[0] ?? { me_person_id: null, me_delegations: null };
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
