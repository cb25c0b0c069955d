import { type RawBuilder, sql } from 'kysely';
import { covers, minimalPaths, type Scope } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import type { EvaluationAccess } from './evaluations.access';

/**
 * Who sees the setup records of periodic evaluation — frameworks, cycles, KPI catalogues and review
 * settings — which belong to a unit but matter to the whole subtree below it (a framework or cycle of
 * the city applies to every ward under it). A record is *relevant* to an actor when its unit lies in
 * one of their evaluation scopes (read, review, decide or manage), or is an ancestor of a unit in one
 * of them. Staff without an evaluation grant see none of them through these routes (their own
 * evaluation shows its framework and cycle).
 */
export function evaluationScopes(access: EvaluationAccess): Scope[] {
  return [access.read, access.review, access.decide, access.manage];
}

/** The union of the evaluation scopes: null paths (everywhere) when any of them is unlimited. */
export function unionScope(access: EvaluationAccess): Scope {
  const scopes = evaluationScopes(access);
  if (scopes.some((s) => s.paths === null)) return { tenantId: access.actor.tenantId, paths: null };
  return { tenantId: access.actor.tenantId, paths: minimalPaths(scopes.flatMap((s) => s.paths ?? [])) };
}

/** '/r/a/b/' → ['/r/', '/r/a/', '/r/a/b/']. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

export function isRelevant(access: EvaluationAccess, unitPath: string): boolean {
  const scope = unionScope(access);
  return covers(scope, unitPath) || (scope.paths ?? []).some((p) => p.startsWith(unitPath));
}

/** SQL form of isRelevant over a unit path column. */
export function relevantUnits(access: EvaluationAccess, column: string): RawBuilder<boolean> {
  const scope = unionScope(access);
  if (scope.paths === null) return sql<boolean>`true`;
  const ancestors = [...new Set(scope.paths.flatMap(ancestorPaths))];
  if (ancestors.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${inScope(scope, column)} OR ${sql.ref(column)} IN (${sql.join(ancestors)}))`;
}
