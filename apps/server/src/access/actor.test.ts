import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, type ActorGrant, assertCan, covers, minimalPaths, scopeOf, systemActor } from './actor';
import { subtreeEnd } from './scope-sql';

const grant = (role: ActorGrant['role'], unitPath: string): ActorGrant => ({
  id: unitPath,
  role,
  unitId: unitPath,
  unitName: unitPath,
  unitPath,
  createdAt: new Date(0),
});
const actor = (...grants: ActorGrant[]): Actor => ({
  kind: 'user',
  tenantId: 't',
  userId: 'u',
  displayName: 'u',
  grants,
  requestId: null,
  ip: null,
});

describe('scope of an actor', () => {
  it('covers the granted unit and everything under it, nothing beside it', () => {
    const scope = scopeOf(actor(grant('head', '/r/a/')), 'units.read');
    expect(covers(scope, '/r/a/')).toBe(true);
    expect(covers(scope, '/r/a/b/c/')).toBe(true);
    expect(covers(scope, '/r/')).toBe(false);
    expect(covers(scope, '/r/ab/')).toBe(false);
  });

  it('only grants whose role has the permission count', () => {
    const a = actor(grant('staff', '/r/a/'), grant('officer', '/r/b/'));
    expect(scopeOf(a, 'users.manage').paths).toEqual(['/r/b/']);
    expect(scopeOf(a, 'settings.manage').paths).toEqual([]);
    expect(() => assertCan(a, 'users.manage', '/r/a/x/')).toThrow();
    expect(() => assertCan(a, 'users.manage', '/r/b/x/')).not.toThrow();
  });

  it('the inspector reads but holds no permission to change', () => {
    const a = actor(grant('inspector', '/r/'));
    expect(() => assertCan(a, 'audit.read', '/r/x/')).not.toThrow();
    for (const p of [
      'units.manage',
      'users.manage',
      'grants.manage',
      'settings.manage',
      'jobs.manage',
    ] as const) {
      expect(() => assertCan(a, p, '/r/x/')).toThrow();
    }
  });

  it('the system actor has no limit', () => {
    expect(scopeOf(systemActor('t'), 'users.manage').paths).toBeNull();
  });

  it('minimalPaths drops nested paths and keeps the same coverage', () => {
    const segment = fc.constantFrom('a', 'b', 'ab', 'c');
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join('/')}/`);
    fc.assert(
      fc.property(fc.array(path, { maxLength: 8 }), path, (paths, probe) => {
        const kept = minimalPaths(paths);
        expect(kept.length).toBeLessThanOrEqual(new Set(paths).size);
        for (const k of kept) expect(kept.filter((o) => o !== k && k.startsWith(o))).toEqual([]);
        const before = paths.some((p) => probe.startsWith(p));
        const after = kept.some((p) => probe.startsWith(p));
        expect(after).toBe(before);
      }),
    );
  });

  it("a subtree's byte range holds exactly the paths that start with it", () => {
    const id = fc.stringMatching(/^[0-9a-f-]{1,6}$/);
    const path = fc.array(id, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join('/')}/`);
    fc.assert(
      fc.property(path, path, (root, probe) => {
        const inRange = probe >= root && probe < subtreeEnd(root);
        expect(inRange).toBe(probe.startsWith(root));
      }),
    );
  });
});
