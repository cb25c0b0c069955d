import { ROLES, type Role } from '@canbo/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { auditEntries, linkAccount, personInput } from './people.fixtures';

describe('people: scope, masking of sensitive data and its audit, own record', () => {
  let t: TestContext;
  let ward: TestUnit;
  let office: TestUnit;
  let otherWard: TestUnit;
  let admin: Client;
  let person: { id: string; cccd: string };
  let colleague: { id: string };
  let outside: { id: string };
  const clients = {} as Record<Role, Client>;
  const party = {
    status: 'full',
    admittedDate: '2008-03-03',
    fullDate: '2009-03-03',
    cardNumber: '0102030405',
  } as const;

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Phường Cửa Nam' });
    office = await t.build.unit({ parent: ward, name: 'Văn phòng Đảng ủy phường' });
    otherWard = await t.build.unit({ name: 'Phường Hàng Bạc' });
    admin = await t.as(await t.build.user({ role: 'admin' }));
    const input = personInput(office, {
      fullName: 'Nguyễn Thị Thu',
      sex: 'female',
      birthDate: '1984-09-02',
      party,
    });
    const created = await admin.post('/api/people', input);
    person = { id: created.body.id, cccd: input.cccd! };
    colleague = (await admin.post('/api/people', personInput(office, { fullName: 'Trần Văn Nam' }))).body;
    outside = (await admin.post('/api/people', personInput(otherWard, { fullName: 'Lê Văn Tám' }))).body;
    for (const role of ROLES) clients[role] = await t.as(await t.build.user({ role, unit: ward }));
  });
  afterAll(() => t.close());

  it.each(['admin', 'officer', 'inspector'] as const)(
    '%s sees the CCCD and party data in clear, and the read is audited',
    async (role) => {
      const before = (await auditEntries(t, 'person.sensitiveRead', person.id)).length;
      const res = await clients[role].get(`/api/people/${person.id}`);
      expect(res.status).toBe(200);
      expect(res.body.cccd).toBe(person.cccd);
      expect(res.body.cccdMasked).toBe(false);
      expect(res.body.party).toEqual(party);
      expect(res.body.partyMasked).toBe(false);
      const entries = await auditEntries(t, 'person.sensitiveRead', person.id);
      expect(entries).toHaveLength(before + 1);
      expect(entries[0]!.after).toMatchObject({
        view: 'profile',
        fields: expect.arrayContaining(['cccd', 'partyStatus', 'partyCardNumber']),
      });
      expect(JSON.stringify(entries[0])).not.toContain(person.cccd);
    },
  );

  it.each(['head', 'manager'] as const)(
    '%s sees the CCCD masked and no party data, and nothing is audited as sensitive',
    async (role) => {
      const before = (await auditEntries(t, 'person.sensitiveRead')).length;
      const res = await clients[role].get(`/api/people/${person.id}`);
      expect(res.status).toBe(200);
      expect(res.body.cccd).toBe(`${person.cccd.slice(0, 3)}*******${person.cccd.slice(10)}`);
      expect(res.body.cccdMasked).toBe(true);
      expect(res.body.party).toBeNull();
      expect(res.body.partyMasked).toBe(true);
      expect(res.body.abilities).toEqual({ manage: false, readSensitive: false, isSelf: false });
      expect(JSON.stringify(res.body)).not.toContain(party.cardNumber);
      expect((await auditEntries(t, 'person.sensitiveRead')).length).toBe(before);
    },
  );

  it('the history hides party changes and masks CCCD values for a head', async () => {
    const history = await clients.head.get(`/api/people/${person.id}/history`);
    expect(history.status).toBe(200);
    const types = history.body.events.map((e: { type: string }) => e.type);
    expect(types).not.toContain('partyAdmitted');
    const partyChange = history.body.events.find(
      (e: any) => e.type === 'change' && e.change.section === 'party',
    );
    expect(partyChange.change).toMatchObject({ masked: true, before: null, after: null });
    const body = JSON.stringify(history.body);
    expect(body).not.toContain(person.cccd);
    expect(body).not.toContain(party.cardNumber);
    expect(body).not.toContain(party.admittedDate);
  });

  it('lists mask per record, and one audit entry per request names the people shown in clear', async () => {
    const masked = await clients.manager.get(`/api/people?unitId=${ward.id}`);
    expect(masked.body.items.every((p: any) => p.cccdMasked && p.party === null)).toBe(true);
    const res = await clients.officer.get(`/api/people?unitId=${ward.id}`);
    expect(res.body.total).toBe(2);
    expect(res.body.items.every((p: any) => !p.cccdMasked && p.party !== null)).toBe(true);
    const entry = (await auditEntries(t, 'person.sensitiveRead'))[0]!;
    expect(entry.entity_id).toBeNull();
    expect((entry.after as { personIds: string[] }).personIds.sort()).toEqual(
      [person.id, colleague.id].sort(),
    );
    expect(entry.unit_path).toBe(office.path);
  });

  it('out of scope is the same as missing: 404 for reading, history and changes', async () => {
    for (const role of ['officer', 'head', 'inspector'] as const) {
      expect((await clients[role].get(`/api/people/${outside.id}`)).status).toBe(404);
      expect((await clients[role].get(`/api/people/${outside.id}/history`)).status).toBe(404);
    }
    expect(
      (await clients.officer.patch(`/api/people/${outside.id}`, { phone: '0912345678', version: 1 })).status,
    ).toBe(404);
    const list = await clients.officer.get('/api/people?pageSize=200');
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(outside.id);
    expect((await clients.officer.get(`/api/people?unitId=${otherWard.id}`)).status).toBe(404);
  });

  it('readers without people.manage may not change a record (403)', async () => {
    for (const role of ['head', 'manager', 'inspector'] as const) {
      expect(
        (await clients[role].patch(`/api/people/${person.id}`, { phone: '0912345678', version: 1 })).status,
      ).toBe(403);
    }
  });

  it('staff see only their own record, in clear, audited; a colleague is 404', async () => {
    const user = await t.build.user({ role: 'staff', unit: office });
    await linkAccount(t, user, person.id);
    const staff = await t.as(user);
    const me = await staff.get('/api/people/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(person.id);
    expect(me.body.cccd).toBe(person.cccd);
    expect(me.body.party).toEqual(party);
    expect(me.body.abilities).toEqual({ manage: false, readSensitive: true, isSelf: true });
    const entry = (await auditEntries(t, 'person.sensitiveRead', person.id))[0]!;
    expect(entry.actor_id).toBe(user.id);
    expect(entry.after).toMatchObject({ self: true });
    expect((await staff.get(`/api/people/${person.id}`)).status).toBe(200);
    expect((await staff.get(`/api/people/${person.id}/history`)).status).toBe(200);
    expect((await staff.get(`/api/people/${colleague.id}`)).status).toBe(404);
    expect((await staff.get(`/api/people/${colleague.id}/history`)).status).toBe(404);
    const list = await staff.get('/api/people');
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([person.id]);
    expect((await staff.patch(`/api/people/${person.id}`, { phone: '0912345678', version: 1 })).status).toBe(
      403,
    );
    expect(
      (
        await staff.post(`/api/people/${person.id}/awards`, {
          kind: 'commendation',
          title: 'Giấy khen',
          decisionDate: '2020-01-01',
        })
      ).status,
    ).toBe(403);
  });

  it('an account without a linked record gets 404 from /me', async () => {
    expect((await clients.staff.get('/api/people/me')).status).toBe(404);
    expect((await clients.staff.get(`/api/people/${colleague.id}`)).status).toBe(404);
  });

  it('a 12-digit query finds a CCCD only for callers who may read it', async () => {
    const officerHit = await clients.officer.get(`/api/people?q=${person.cccd}`);
    expect(officerHit.body.items.map((p: { id: string }) => p.id)).toEqual([person.id]);
    const headMiss = await clients.head.get(`/api/people?q=${person.cccd}`);
    expect(headMiss.status).toBe(200);
    expect(headMiss.body.total).toBe(0);
    expect(headMiss.body.items).toEqual([]);
  });

  it('filtering on party status needs people.readSensitive', async () => {
    expect((await clients.head.get('/api/people?partyStatus=full')).status).toBe(403);
    const res = await clients.inspector.get('/api/people?partyStatus=full');
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual([person.id]);
  });
});
