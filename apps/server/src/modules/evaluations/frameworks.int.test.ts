import { defaultFramework, ruleSetById } from '@canbo/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { auditEntries } from '../people/people.fixtures';

describe('criteria frameworks: create, derive, validate, publish, immutability', () => {
  let t: TestContext;
  let city: TestUnit;
  let ward: TestUnit;
  let other: TestUnit;
  let officer: Client;
  let wardHead: Client;
  let otherInspector: Client;

  beforeAll(async () => {
    t = await createTestContext();
    city = await t.build.unit({ name: 'Sở Nội vụ' });
    ward = await t.build.unit({ parent: city, name: 'Phòng Công chức' });
    other = await t.build.unit({ name: 'Phường Khác' });
    officer = await t.as(await t.build.user({ role: 'officer', unit: city }));
    wardHead = await t.as(await t.build.user({ role: 'head', unit: ward }));
    otherInspector = await t.as(await t.build.user({ role: 'inspector', unit: other }));
  });
  afterAll(() => t.close());

  it('lists the rule sets with groups, thresholds and parameters to any signed-in user', async () => {
    const res = await wardHead.get('/api/evaluation/rule-sets');
    expect(res.status).toBe(200);
    const hn = res.body.find((r: { id: string }) => r.id === 'hn-3814-2018');
    expect(hn.thresholds).toEqual({ excellent: 90, good: 70, completed: 50 });
    expect(hn.groups.map((g: { maxPoints: number }) => g.maxPoints)).toEqual([20, 70, 10]);
    expect(res.body.map((r: { id: string }) => r.id).sort()).toEqual([
      'hn-3814-2018',
      'nd-335-2025',
      'qd-366-2025',
    ]);
  });

  it("creates a draft from the rule set's default breakdown, audited", async () => {
    const res = await officer.post('/api/frameworks', {
      ruleSetId: 'nd-335-2025',
      unitId: city.id,
      name: 'Khung của Sở',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', versionNo: 1, unitName: 'Sở Nội vụ', basedOnId: null });
    expect(res.body.familyId).toBe(res.body.id);
    expect(res.body.criteria).toEqual(defaultFramework(ruleSetById('nd-335-2025')!).groups);
    expect(await auditEntries(t, 'evaluationFramework.created', res.body.id)).toHaveLength(1);
  });

  it('refuses a breakdown whose points break a group maximum, naming the criterion path', async () => {
    const groups = structuredClone(defaultFramework(ruleSetById('hn-3814-2018')!).groups);
    groups[0]!.children![0]!.maxPoints = 15; // discipline: 15 + 4 × 4 > 20
    const res = await officer.post('/api/frameworks', {
      ruleSetId: 'hn-3814-2018',
      unitId: city.id,
      name: 'Sai điểm',
      criteria: groups,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('INVALID_FRAMEWORK');
    expect(res.body.error.details[0].path).toMatch(/^criteria\/discipline/);
    expect(res.body.error.details[0].messageEn).toBeTruthy();
    const unknown = await officer.post('/api/frameworks', {
      ruleSetId: 'hn-3814-2018',
      unitId: city.id,
      name: 'Tham số lạ',
      parameters: { 'no.such': 1 },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0].path).toBe('parameters.no.such');
  });

  it('changes a draft with its version, publishes it, then refuses any change (409 with a clear message)', async () => {
    const { body: draft } = await officer.post('/api/frameworks', {
      ruleSetId: 'hn-3814-2018',
      unitId: city.id,
      name: 'Khung 3814',
    });
    const renamed = await officer.patch(`/api/frameworks/${draft.id}`, {
      name: 'Khung 3814 của Sở',
      version: 1,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.version).toBe(2);
    expect((await officer.patch(`/api/frameworks/${draft.id}`, { name: 'Cũ', version: 1 })).status).toBe(409);
    expect((await officer.post(`/api/frameworks/${draft.id}/publish`, { version: 1 })).status).toBe(409);
    const published = await officer.post(`/api/frameworks/${draft.id}/publish`, { version: 2 });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(published.body.publishedAt).not.toBeNull();
    const change = await officer.patch(`/api/frameworks/${draft.id}`, { name: 'Sửa sau', version: 3 });
    expect(change.status).toBe(409);
    expect(change.body.error.code).toBe('FRAMEWORK_IMMUTABLE');
    expect(change.body.error.message).toContain('đã ban hành');
    expect((await officer.post(`/api/frameworks/${draft.id}/publish`, { version: 3 })).status).toBe(409);
  });

  it('derives a new version of the same family, and a new family from another framework', async () => {
    const { body: v1 } = await officer.post('/api/frameworks', {
      ruleSetId: 'hn-3814-2018',
      unitId: city.id,
      name: 'Họ khung',
    });
    await officer.post(`/api/frameworks/${v1.id}/publish`, { version: 1 });
    const v2 = await officer.post('/api/frameworks', {
      ruleSetId: 'hn-3814-2018',
      unitId: city.id,
      name: 'Họ khung (sửa đổi)',
      basedOnId: v1.id,
      newVersion: true,
    });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ familyId: v1.id, versionNo: 2, basedOnId: v1.id, status: 'draft' });
    expect(v2.body.criteria).toEqual(v1.criteria);
    await officer.post(`/api/frameworks/${v2.body.id}/publish`, { version: 1 });
    const first = await officer.get(`/api/frameworks/${v1.id}`);
    expect(first.body.status).toBe('published'); // running cycles keep the version they use

    const copy = await officer.post('/api/frameworks', {
      ruleSetId: 'hn-3814-2018',
      unitId: ward.id,
      name: 'Khung riêng của Phòng',
      basedOnId: v1.id,
    });
    expect(copy.status).toBe(201);
    expect(copy.body.familyId).toBe(copy.body.id);
    expect(copy.body.versionNo).toBe(1);
    const wrongSet = await officer.post('/api/frameworks', {
      ruleSetId: 'nd-335-2025',
      unitId: city.id,
      name: 'Sai bộ',
      basedOnId: v1.id,
    });
    expect(wrongSet.status).toBe(422);
    expect(wrongSet.body.error.details[0].path).toBe('basedOnId');
  });

  it('shows a framework of the unit above to the head below, and nothing to someone elsewhere', async () => {
    const { body: fw } = await officer.post('/api/frameworks', {
      ruleSetId: 'hn-3814-2018',
      unitId: city.id,
      name: 'Khung áp dụng xuống dưới',
    });
    expect((await wardHead.get(`/api/frameworks/${fw.id}`)).status).toBe(200);
    const list = await wardHead.get('/api/frameworks?pageSize=200');
    expect(list.body.items.map((f: { id: string }) => f.id)).toContain(fw.id);
    expect((await wardHead.patch(`/api/frameworks/${fw.id}`, { name: 'Không', version: 1 })).status).toBe(
      403,
    );
    expect((await otherInspector.get(`/api/frameworks/${fw.id}`)).status).toBe(404);
    const theirs = await otherInspector.get('/api/frameworks?pageSize=200');
    expect(theirs.body.items.map((f: { id: string }) => f.id)).not.toContain(fw.id);
  });
});
