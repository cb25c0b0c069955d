import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context';
import { systemActor } from '../../access/actor';
import { newId } from '../../ids';
import { ref, staff, unit } from './org.fixtures';
import { insertUnits } from './units.repository';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
}, 600_000);
afterAll(() => t.close());

it('merge of two wards of 2000 people each', async () => {
  const t0 = Date.now();
  const city = await unit(t, { name: 'Thành phố', validFrom: '2010-01-01' });
  const wards: { id: string; path: string }[] = [];
  const rows: Parameters<typeof insertUnits>[1][number][] = [];
  for (let i = 0; i < 120; i++) {
    const id = newId();
    wards.push({ id, path: `${city.path}${id}/` });
    rows.push({
      tenantId: t.ctx.tenantId,
      id,
      code: `W${i}`,
      name: `Phường ${i}`,
      parentId: city.id,
      path: `${city.path}${id}/`,
      depth: 2,
      now: new Date(),
      validFrom: '2010-01-01',
    });
    for (let j = 0; j < 40; j++) {
      const cid = newId();
      rows.push({
        tenantId: t.ctx.tenantId,
        id: cid,
        code: `W${i}-${j}`,
        name: `Tổ ${i}-${j}`,
        parentId: id,
        path: `${city.path}${id}/${cid}/`,
        depth: 3,
        now: new Date(),
        validFrom: '2010-01-01',
      });
    }
  }
  await t.ctx.db.transaction().execute((tx) => insertUnits(tx, rows));
  for (const w of wards) await staff(t, w.id, 1250);
  const a = await unit(t, { parent: city, name: 'Phường A', validFrom: '2010-01-01' });
  const b = await unit(t, { parent: city, name: 'Phường B', validFrom: '2010-01-01' });
  for (const w of [a, b]) {
    for (let j = 0; j < 20; j++) await unit(t, { parent: w, validFrom: '2010-01-01' });
    await staff(t, w.id, 2000, { since: '2020-01-01', leaders: 20 });
  }
  await (await import('kysely')).sql`ANALYZE`.execute(t.ctx.db);
  console.log('setup s', (Date.now() - t0) / 1000);
  const input = {
    kind: 'merge' as const,
    effectiveDate: '2025-07-01',
    sources: [await ref(t, a), await ref(t, b)],
    into: {
      kind: 'new' as const,
      unit: { code: 'P-AB', name: 'Phường AB', type: 'commune' as const, parentId: city.id },
    },
    grants: 'keep' as const,
  };
  const actor = systemActor(t.ctx.tenantId, 'perf');
  const { sql } = await import('kysely');
  const pos = await t.ctx.db
    .selectFrom('position')
    .select('id')
    .where('unit_id', 'in', [a.id, b.id])
    .execute();
  const idsArr = pos.map((p) => p.id);
  const newIds = idsArr.map(() => newId());
  const to = idsArr.map(() => a.id);
  const plan1 =
    await sql`EXPLAIN ANALYZE UPDATE position p SET unit_id = x.to_unit FROM unnest(${idsArr}::uuid[], ${to}::uuid[], ${newIds}::uuid[]) AS x(id, to_unit, new_id) WHERE p.tenant_id = ${t.ctx.tenantId} AND p.id = x.id AND p.start_date >= ${'2025-07-01'}`.execute(
      t.ctx.db,
    );
  console.log((plan1.rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n'));
  const plan2 =
    await sql`EXPLAIN ANALYZE SELECT count(*) FROM unnest(${idsArr}::uuid[], ${to}::uuid[], ${newIds}::uuid[]) AS x(id, to_unit, new_id) JOIN position p ON p.tenant_id = ${t.ctx.tenantId} AND p.id = x.id WHERE p.start_date < ${'2025-07-01'}`.execute(
      t.ctx.db,
    );
  console.log((plan2.rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n'));
  let s = Date.now();
  const preview = await t.services.units.restructure.preview(actor, input);
  console.log('preview ms', Date.now() - s, JSON.stringify(preview.counts));
  if (process.env.SKIP_APPLY) return;
  s = Date.now();
  const change = await t.services.units.restructure.apply(actor, input);
  console.log('apply ms', Date.now() - s, JSON.stringify(change.summary.counts));
  expect(change.summary.counts.peopleMoved).toBe(4000);
}, 900_000);
