import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUnit } from '../../test/context';
import { covers, minimalPaths } from './actor';
import { inScope } from './scope-sql';

describe('scope filter in SQL', () => {
  let t: TestContext;
  const units: TestUnit[] = [];

  beforeAll(async () => {
    t = await createTestContext();
    units.push(t.root);
    // A tree of 40 units, each under a random earlier one (deterministic).
    let seed = 7;
    for (let i = 0; i < 40; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      units.push(await t.build.unit({ parent: units[seed % units.length]! }));
    }
  });
  afterAll(() => t.close());

  it('selects exactly the units the scope covers, for any set of granted units', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: units.length - 1 }), { maxLength: 5 }),
        async (picked) => {
          const scope = {
            tenantId: t.tenant.tenantId,
            paths: minimalPaths(picked.map((i) => units[i]!.path)),
          };
          const rows = await t.ctx.db
            .selectFrom('org_unit')
            .select('path')
            .where('tenant_id', '=', scope.tenantId)
            .where(inScope(scope, 'path'))
            .execute();
          const expected = units.filter((u) => covers(scope, u.path)).map((u) => u.path);
          expect(rows.map((r) => r.path).sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 40 },
    );
  });

  it('an empty scope selects nothing', async () => {
    const rows = await t.ctx.db
      .selectFrom('org_unit')
      .select('id')
      .where(inScope({ tenantId: t.tenant.tenantId, paths: [] }, 'path'))
      .execute();
    expect(rows).toEqual([]);
  });
});
