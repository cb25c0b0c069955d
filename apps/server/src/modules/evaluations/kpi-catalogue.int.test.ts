import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { systemActor } from '../../access/actor';
import { auditEntries } from '../people/people.fixtures';
import { addPerson, evaluationsOf, openCycle, publishedFramework } from './setup.fixtures';

describe('KPI catalogue (Decree 335 standard products)', () => {
  let t: TestContext;
  let dept: TestUnit;
  let office: TestUnit;
  let other: TestUnit;
  let officer: Client;
  let head: Client;
  let stranger: Client;
  let productId: string;

  beforeAll(async () => {
    t = await createTestContext();
    dept = await t.build.unit({ name: 'Sở Tư pháp' });
    office = await t.build.unit({ parent: dept, name: 'Phòng Hộ tịch' });
    other = await t.build.unit({ name: 'Sở Y tế' });
    officer = await t.as(await t.build.user({ role: 'officer', unit: dept }));
    head = await t.as(await t.build.user({ role: 'head', unit: office }));
    stranger = await t.as(await t.build.user({ role: 'officer', unit: other }));
  });
  afterAll(() => t.close());

  it('adds a product with its conversion coefficient, audited; the code is unique per unit (409)', async () => {
    const input = {
      unitId: dept.id,
      code: 'HT-01',
      name: 'Hồ sơ đăng ký khai sinh',
      measure: 'hồ sơ',
      coefficient: 0.5,
    };
    const res = await officer.post('/api/kpi-products', { ...input, jobPosition: 'Chuyên viên hộ tịch' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: 'HT-01',
      coefficient: 0.5,
      active: true,
      unitName: 'Sở Tư pháp',
      version: 1,
    });
    productId = res.body.id;
    expect(await auditEntries(t, 'kpiProduct.created', productId)).toHaveLength(1);
    const again = await officer.post('/api/kpi-products', input);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('KPI_CODE_TAKEN');
    expect(again.body.error.message).toContain('HT-01');
    expect((await officer.post('/api/kpi-products', { ...input, unitId: office.id })).status).toBe(201);
    expect(
      (await officer.post('/api/kpi-products', { ...input, code: 'HT-02', coefficient: 0 })).status,
    ).toBe(400);
  });

  it('changes a product with its version; only officers write', async () => {
    const res = await officer.patch(`/api/kpi-products/${productId}`, {
      coefficient: 0.75,
      active: false,
      version: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ coefficient: 0.75, active: false, version: 2 });
    expect((await officer.patch(`/api/kpi-products/${productId}`, { name: 'Cũ', version: 1 })).status).toBe(
      409,
    );
    expect((await head.patch(`/api/kpi-products/${productId}`, { name: 'Không', version: 2 })).status).toBe(
      403,
    );
    expect(
      (await head.post('/api/kpi-products', { unitId: office.id, code: 'X', name: 'X', coefficient: 1 }))
        .status,
    ).toBe(403);
  });

  it('lists the catalogue of the unit and those above it; others see none of it', async () => {
    const mine = await head.get('/api/kpi-products?pageSize=200');
    expect(mine.body.items.map((p: { id: string }) => p.id)).toContain(productId);
    expect(mine.body.total).toBe(2);
    const theirs = await stranger.get('/api/kpi-products?pageSize=200');
    expect(theirs.body.items).toEqual([]);
    expect(
      (await stranger.patch(`/api/kpi-products/${productId}`, { name: 'Không', version: 2 })).status,
    ).toBe(404);
    expect((await stranger.get(`/api/kpi-products?unitId=${dept.id}`)).status).toBe(404);
  });
});

describe('KPI products offered to an evaluation (the person fills in their own figures)', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('lists the active products of the unit and those above it to whoever sees the evaluation; 404 otherwise', async () => {
    const system = systemActor(t.ctx.tenantId, 'test');
    const dept = await t.build.unit({ name: 'Sở Tư pháp' });
    const office = await t.build.unit({ parent: dept, name: 'Phòng Hộ tịch' });
    const sibling = await t.build.unit({ parent: dept, name: 'Phòng Công chứng' });
    const add = (unitId: string, code: string) =>
      t.services.kpiCatalogue.create(system, { unitId, code, name: `Sản phẩm ${code}`, coefficient: 1 });
    const above = await add(dept.id, 'TP-01');
    await add(office.id, 'HT-01');
    const retired = await add(office.id, 'HT-02');
    await t.services.kpiCatalogue.update(system, retired.id, { active: false, version: 1 });
    const aside = await add(sibling.id, 'CC-01');

    const personId = await addPerson(t, office, [{ unit: office, start: '2020-01-01' }]);
    const framework = await publishedFramework(t, office, 'nd-335-2025');
    const cycle = await openCycle(t, office, framework.id, '2026-10-01');
    const [evaluation] = await evaluationsOf(t, cycle.id);
    const personUser = await t.build.user({ role: 'staff', unit: office });
    await t.ctx.db
      .updateTable('app_user')
      .set({ person_id: personId })
      .where('id', '=', personUser.id)
      .execute();
    const person = await t.as(personUser);
    const colleague = await t.as(await t.build.user({ role: 'staff', unit: office }));
    const head = await t.as(await t.build.user({ role: 'head', unit: office }));
    const url = `/api/evaluations/${evaluation!.id}/kpi-products`;

    // The catalogue route is for evaluation grants: the person finds nothing there.
    expect((await person.get('/api/kpi-products?pageSize=200')).body.items).toEqual([]);
    const res = await person.get(url);
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { code: string }) => p.code)).toEqual(['TP-01', 'HT-01']);
    expect(res.body.items[0]).toMatchObject({ id: above.id, unitName: 'Sở Tư pháp', active: true });
    expect(JSON.stringify(res.body)).not.toContain(aside.id);
    expect(JSON.stringify(res.body)).not.toContain(retired.id);
    expect((await head.get(url)).status).toBe(200);
    expect((await colleague.get(url)).status).toBe(404);

    // What is offered is what the KPI save accepts.
    const version = (await person.get(`/api/evaluations/${evaluation!.id}`)).body.version;
    const saved = await person.put(`/api/evaluations/${evaluation!.id}/kpi`, {
      entries: res.body.items.map((p: { id: string }) => ({ productId: p.id, assigned: 4, completed: 3 })),
      version,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.kpi.entries).toHaveLength(2);
  });
});
