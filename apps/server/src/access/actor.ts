import { type Permission, type Role, roleHas } from '@canbo/domain';
import { Forbidden } from '../errors';

export interface ActorGrant {
  id: string;
  role: Role;
  unitId: string;
  unitName: string;
  /** Materialised path of the granted unit; the grant covers every path that starts with it. */
  unitPath: string;
  createdAt: Date;
}

/** Who is acting, passed explicitly to every use case. */
export interface Actor {
  kind: 'user' | 'system';
  tenantId: string;
  userId: string | null;
  displayName: string;
  grants: ActorGrant[];
  requestId: string | null;
  ip: string | null;
}

export function systemActor(tenantId: string, label = 'system'): Actor {
  return {
    kind: 'system',
    tenantId,
    userId: null,
    displayName: label,
    grants: [],
    requestId: null,
    ip: null,
  };
}

/** The subtrees in which the actor holds `permission`: null means everywhere (system). */
export type Scope = { tenantId: string; paths: readonly string[] | null };

export function scopeOf(actor: Actor, permission: Permission): Scope {
  if (actor.kind === 'system') return { tenantId: actor.tenantId, paths: null };
  const paths = actor.grants.filter((g) => roleHas(g.role, permission)).map((g) => g.unitPath);
  return { tenantId: actor.tenantId, paths: minimalPaths(paths) };
}

/** Drops paths already covered by a shorter one, so SQL filters stay short. */
export function minimalPaths(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of sorted) if (!kept.some((k) => p.startsWith(k))) kept.push(p);
  return kept.sort();
}

export function covers(scope: Scope, unitPath: string): boolean {
  return scope.paths === null || scope.paths.some((p) => unitPath.startsWith(p));
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'system' || actor.grants.some((g) => roleHas(g.role, permission));
}

/** Throws Forbidden unless the actor holds `permission` over the unit at `unitPath` (or anywhere). */
export function assertCan(actor: Actor, permission: Permission, unitPath?: string): void {
  const allowed =
    unitPath === undefined ? hasPermission(actor, permission) : covers(scopeOf(actor, permission), unitPath);
  if (!allowed) throw new Forbidden();
}

export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || actor.grants.some((g) => g.role === 'admin');
}
