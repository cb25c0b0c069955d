import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { auditEntries } from '../people/people.fixtures';
import { findingsInYear } from './findings.service';
import { addPerson } from './setup.fixtures';

describe('disqualifying findings (Decree 335 Art. 20 cl. 4 b, d)', () => {
  let t: TestContext;
  let ward: TestUnit;
  let officer: Client;
  let head: Client;
  let staff: Client;
  let outsider: Client;
  let personId: string;

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Phường Kim Mã' });
    const other = await t.build.unit({ name: 'Phường Khác' });
    officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    head = await t.as(await t.build.user({ role: 'head', unit: ward }));
    staff = await t.as(await t.build.user({ role: 'staff', unit: ward }));
    outsider = await t.as(await t.build.user({ role: 'officer', unit: other }));
    personId = await addPerson(t, ward, [{ unit: ward, start: '2020-01-01', leader: true }]);
  });
  afterAll(() => t.close());

  it('records a finding, audited, and lists it to those who read the person', async () => {
    const res = await officer.post(`/api/people/${personId}/findings`, {
      kind: 'corruptionInManagedUnit',
      decisionNumber: '15-KL/UBKT',
      decisionDate: '2026-03-10',
      issuer: 'Ủy ban Kiểm tra Thành ủy',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'corruptionInManagedUnit',
      decisionNumber: '15-KL/UBKT',
      version: 1,
    });
    expect(await auditEntries(t, 'personFinding.created', res.body.id)).toHaveLength(1);
    const list = await head.get(`/api/people/${personId}/findings`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
  });

  it('refuses writers without people.manage (403) and hides the person out of scope (404)', async () => {
    const input = { kind: 'degradation', decisionDate: '2025-05-01' };
    expect((await head.post(`/api/people/${personId}/findings`, input)).status).toBe(403);
    expect((await staff.get(`/api/people/${personId}/findings`)).status).toBe(404);
    expect((await outsider.get(`/api/people/${personId}/findings`)).status).toBe(404);
    expect((await outsider.post(`/api/people/${personId}/findings`, input)).status).toBe(404);
    expect(
      (
        await officer.post(`/api/people/${personId}/findings`, {
          kind: 'bribery',
          decisionDate: '2025-05-01',
        })
      ).status,
    ).toBe(400);
  });

  it('gives the kinds found in a calendar year to the scoring', async () => {
    await officer.post(`/api/people/${personId}/findings`, {
      kind: 'degradation',
      decisionDate: '2025-12-31',
    });
    expect(await findingsInYear(t.ctx.db, t.ctx.tenantId, personId, 2026)).toEqual([
      'corruptionInManagedUnit',
    ]);
    expect(await findingsInYear(t.ctx.db, t.ctx.tenantId, personId, 2025)).toEqual(['degradation']);
    expect(await findingsInYear(t.ctx.db, t.ctx.tenantId, personId, 2024)).toEqual([]);
  });
});
