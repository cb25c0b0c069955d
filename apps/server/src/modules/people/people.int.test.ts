import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { auditEntries, cccdFor, countRows, personInput } from './people.fixtures';

describe('person records: create, read, update, history', () => {
  let t: TestContext;
  let ward: TestUnit;
  let otherWard: TestUnit;
  let officer: Client;

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Phường Ba Đình' });
    otherWard = await t.build.unit({ name: 'Phường Hoàn Kiếm' });
    officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
  });
  afterAll(() => t.close());

  it('creates a record with the Mẫu 2C essentials, normalising text and computing the keys', async () => {
    const nfd = 'Trần  Thị Hồng'.normalize('NFD');
    const res = await officer.post('/api/people', {
      ...personInput(ward, { fullName: nfd, sex: 'female', birthDate: '1990-03-08' }),
      cccd: '001 190 123 457',
      otherName: 'Hồng Nhung',
      birthPlace: 'Xã Đông Anh, Hà Nội',
      hometown: 'Nam Định',
      ethnicity: 'Tày',
      phone: '091 234 5678',
      email: 'hong.tt@hanoi.gov.vn',
      politicalTheory: 'intermediate',
      salaryScale: '01.003',
      salaryStep: 3,
      salaryDate: '2022-01-01',
    });
    expect(res.status).toBe(201);
    const p = res.body;
    expect(p.fullName).toBe('Trần Thị Hồng'.normalize('NFC'));
    expect(p.cccd).toBe('001190123457');
    expect(p.phone).toBe('0912345678');
    expect(p.code).toMatch(/^CB[0-9A-F]{10}$/);
    expect(p.age).toBeGreaterThanOrEqual(35);
    expect(p.party).toEqual({ status: 'none', admittedDate: null, fullDate: null, cardNumber: null });
    expect(p.version).toBe(1);
    expect(p.abilities).toEqual({ manage: true, readSensitive: true, isSelf: false });
    const stored = await t.ctx.db
      .selectFrom('person')
      .select(['search_key', 'sort_key', 'full_name'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(stored.search_key).toBe('tran thi hong');
    expect(stored.full_name).toBe('Trần Thị Hồng'.normalize('NFC'));
    expect(stored.sort_key.length).toBeGreaterThan(0);
  });

  it('writes history and an audit entry with the CCCD masked', async () => {
    const input = personInput(ward, {
      fullName: 'Lê Văn Bình',
      birthDate: '1980-01-20',
      party: { status: 'full', admittedDate: '2005-05-19', fullDate: '2006-05-19', cardNumber: '12345678' },
    });
    const res = await officer.post('/api/people', input);
    expect(res.status).toBe(201);
    const created = (await auditEntries(t, 'person.created', res.body.id))[0]!;
    const after = created.after as { cccd: string; party: { cardNumber: string; status: string } };
    expect(after.cccd).toBe(`${input.cccd!.slice(0, 3)}*******${input.cccd!.slice(10)}`);
    expect(after.party.cardNumber).not.toContain('12345');
    expect(JSON.stringify(created)).not.toContain(input.cccd!);
    const history = await officer.get(`/api/people/${res.body.id}/history`);
    const changes = history.body.events.filter((e: { type: string }) => e.type === 'change');
    expect(changes.map((c: any) => c.change.section).sort()).toEqual(['party', 'profile']);
    expect(changes.every((c: any) => c.change.action === 'created')).toBe(true);
    expect(history.body.events.map((e: any) => e.type)).toEqual(
      expect.arrayContaining(['partyAdmitted', 'partyFull']),
    );
  });

  it('updates only the fields sent, keeps the before and after, and bumps the version', async () => {
    const { body: p } = await officer.post(
      '/api/people',
      personInput(ward, { fullName: 'Phạm Minh Châu', phone: '0912000111' }),
    );
    const res = await officer.patch(`/api/people/${p.id}`, {
      phone: '0988777666',
      otherName: 'Châu',
      version: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body.phone).toBe('0988777666');
    expect(res.body.fullName).toBe('Phạm Minh Châu');
    expect(res.body.version).toBe(2);
    const history = await officer.get(`/api/people/${p.id}/history`);
    const update = history.body.events.find((e: any) => e.type === 'change' && e.change.action === 'updated');
    expect(update.change.section).toBe('profile');
    expect(update.change.before).toEqual({ phone: '0912000111', otherName: null });
    expect(update.change.after).toEqual({ phone: '0988777666', otherName: 'Châu' });
    expect(update.change.changedBy.name).toMatch(/Người dùng/);
    const audit = (await auditEntries(t, 'person.updated', p.id))[0]!;
    expect(audit.after).toEqual({ profile: { phone: '0988777666', otherName: 'Châu' } });
  });

  it('renaming recomputes the search and sort keys; moving records a unit change', async () => {
    const { body: p } = await officer.post('/api/people', personInput(ward, { fullName: 'Đỗ Văn Cường' }));
    const officerAll = await t.as(await t.build.user({ role: 'officer' }));
    const res = await officerAll.patch(`/api/people/${p.id}`, {
      fullName: 'Đỗ Mạnh Cường',
      unitId: otherWard.id,
      version: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body.unitId).toBe(otherWard.id);
    const stored = await t.ctx.db
      .selectFrom('person')
      .select('search_key')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(stored.search_key).toBe('do manh cuong');
    const history = await officerAll.get(`/api/people/${p.id}/history`);
    const unitChange = history.body.events.find(
      (e: any) => e.type === 'change' && e.change.section === 'unit',
    );
    expect(unitChange.change.after).toEqual({ unitId: otherWard.id, unitName: 'Phường Hoàn Kiếm' });
    // The ward officer no longer reaches the record.
    expect((await officer.get(`/api/people/${p.id}`)).status).toBe(404);
  });

  it('an update that changes nothing writes nothing and keeps the version', async () => {
    const { body: p } = await officer.post(
      '/api/people',
      personInput(ward, { fullName: 'Vũ Thị Lan', sex: 'female' }),
    );
    const before = await countRows(t, 'person_history');
    const res = await officer.patch(`/api/people/${p.id}`, { fullName: 'Vũ Thị Lan', version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(await countRows(t, 'person_history')).toBe(before);
  });

  it('a stale version answers 409 and writes nothing', async () => {
    const { body: p } = await officer.post('/api/people', personInput(ward, { fullName: 'Hoàng Văn Dũng' }));
    expect((await officer.patch(`/api/people/${p.id}`, { phone: '0911111111', version: 1 })).status).toBe(
      200,
    );
    const counts = [await countRows(t, 'person_history'), await countRows(t, 'audit_log')];
    const stale = await officer.patch(`/api/people/${p.id}`, { phone: '0922222222', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect([await countRows(t, 'person_history'), await countRows(t, 'audit_log')]).toEqual(counts);
    expect((await officer.get(`/api/people/${p.id}`)).body.phone).toBe('0911111111');
  });

  it('concurrent updates with one version: exactly one wins', async () => {
    const { body: p } = await officer.post(
      '/api/people',
      personInput(ward, { fullName: 'Bùi Thị Mai', sex: 'female' }),
    );
    const phones = ['0911000001', '0911000002', '0911000003', '0911000004'];
    const results = await Promise.all(
      phones.map((phone) => officer.patch(`/api/people/${p.id}`, { phone, version: 1 })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(3);
  });

  it('a duplicate CCCD answers 422 naming the field, and nothing is written', async () => {
    const input = personInput(ward, { fullName: 'Ngô Văn Hải' });
    expect((await officer.post('/api/people', input)).status).toBe(201);
    const people = await countRows(t, 'person');
    const again = await officer.post('/api/people', { ...input, fullName: 'Ngô Văn Hà', unitId: ward.id });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('CCCD_TAKEN');
    expect(again.body.error.details[0].path).toBe('cccd');
    expect(await countRows(t, 'person')).toBe(people);
    // Also when an update takes someone else's number.
    const { body: other } = await officer.post(
      '/api/people',
      personInput(ward, { fullName: 'Ngô Văn Hùng' }),
    );
    const steal = await officer.patch(`/api/people/${other.id}`, { cccd: input.cccd, version: 1 });
    expect(steal.status).toBe(422);
    expect(steal.body.error.details[0].path).toBe('cccd');
  });

  it('a duplicate code answers 422 naming the field', async () => {
    expect((await officer.post('/api/people', personInput(ward, { code: 'HN-0001' }))).status).toBe(201);
    const again = await officer.post('/api/people', personInput(ward, { code: 'HN-0001' }));
    expect(again.status).toBe(422);
    expect(again.body.error.details[0].path).toBe('code');
  });

  it.each([
    ['cccd', { cccd: '12345' }, 400, 'body.cccd'],
    ['cccd', { cccd: '999085123456' }, 422, 'cccd'],
    ['cccd', { cccd: '001185123456' }, 422, 'cccd'],
    ['cccd', { cccd: '001090123456' }, 422, 'cccd'],
    ['birthDate', { birthDate: '1985-02-30' }, 400, 'body.birthDate'],
    ['birthDate', { birthDate: '15/06/1985' }, 400, 'body.birthDate'],
    ['email', { email: 'not-an-email' }, 400, 'body.email'],
    ['phone', { phone: '12ab' }, 400, 'body.phone'],
    ['fullName', { fullName: '   ' }, 400, 'body.fullName'],
    ['staffCategory', { staffCategory: 'soldier' }, 400, 'body.staffCategory'],
  ])('refuses an invalid %s with a message naming the field', async (_field, override, status, path) => {
    const people = await countRows(t, 'person');
    const res = await officer.post('/api/people', { ...personInput(ward), ...override });
    expect(res.status).toBe(status);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    const detail = res.body.error.details.find((d: { path: string }) => d.path === path);
    expect(detail.message).toContain(path);
    expect(await countRows(t, 'person')).toBe(people);
  });

  it.each([
    [
      'probationary with a full-member date',
      { status: 'probationary', admittedDate: '2020-01-10', fullDate: '2021-01-10' },
      'party.fullDate',
    ],
    ['full without a full-member date', { status: 'full', admittedDate: '2020-01-10' }, 'party.fullDate'],
    [
      'full date before admission',
      { status: 'full', admittedDate: '2020-01-10', fullDate: '2019-01-10' },
      'party.fullDate',
    ],
    ['a member without an admission date', { status: 'probationary' }, 'party.admittedDate'],
    ['admission before 18', { status: 'probationary', admittedDate: '2000-01-10' }, 'party.admittedDate'],
    ['a non-member with a card', { status: 'none', cardNumber: '123' }, 'party.status'],
  ])('refuses party data that is not consistent: %s', async (_name, party, path) => {
    const res = await officer.post(
      '/api/people',
      personInput(ward, { birthDate: '1985-06-15', party: party as any }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('INVALID_PERSON');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('checks the CCCD against sex and birth year, also when only the birth date changes', async () => {
    const birthDate = '1985-06-15';
    const mismatch = await officer.post(
      '/api/people',
      personInput(ward, { sex: 'female', cccd: cccdFor('male', birthDate), birthDate }),
    );
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.details[0].path).toBe('cccd');
    const { body: p } = await officer.post('/api/people', personInput(ward, { birthDate }));
    const moved = await officer.patch(`/api/people/${p.id}`, { birthDate: '1986-06-15', version: 1 });
    expect(moved.status).toBe(422);
    expect(moved.body.error.details[0].path).toBe('cccd');
    expect((await officer.get(`/api/people/${p.id}`)).body.birthDate).toBe(birthDate);
  });

  it('a record cannot be created in a unit outside the scope (404) or by a role without people.manage (403)', async () => {
    expect((await officer.post('/api/people', personInput(otherWard))).status).toBe(404);
    const head = await t.as(await t.build.user({ role: 'head', unit: ward }));
    expect((await head.post('/api/people', personInput(ward))).status).toBe(403);
  });

  it('documents every people route with its schemas in the OpenAPI description', async () => {
    const doc = (await officer.get('/api/docs/json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/people',
        '/api/people/me',
        '/api/people/{id}',
        '/api/people/{id}/history',
        '/api/people/{id}/positions/{itemId}/end',
        '/api/people/{id}/trainings/{itemId}',
      ]),
    );
    const patch = doc.paths['/api/people/{id}'].patch.requestBody.content['application/json'].schema;
    expect(patch.required).toEqual(['version']);
    expect(Object.keys(patch.properties)).toEqual(
      expect.arrayContaining(['fullName', 'cccd', 'party', 'version']),
    );
  });
});
