import { personSortKey, searchKey } from '@canbo/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { newId } from '../../ids';

/**
 * A name search finds its page in one of three ways by the number of matches (people.search.ts:
 * up to 1,000, up to 5,000, beyond). Whichever way is taken, the total, the order and the scope are
 * the same: checked here against the rows themselves, with enough people for every way.
 */

interface Seeded {
  id: string;
  fullName: string;
  sortKey: string;
  inTeam: boolean;
}

const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hải', 'Lan', 'Long', 'Mai', 'Nam', 'Sơn', 'Yến'];

describe('people: name search with many matches', () => {
  let t: TestContext;
  let ward: TestUnit;
  let team: TestUnit;
  let admin: Client;
  let teamStaff: Client;
  const people: Seeded[] = [];

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Phường Nhiều Người' });
    team = await t.build.unit({ parent: ward, name: 'Tổ Một' });
    admin = await t.as(await t.build.user({ role: 'admin' }));
    teamStaff = await t.as(await t.build.user({ role: 'officer', unit: team }));
    // 6,600 records: every one has the middle name Văn (beyond 5,000 matches), 3,000 of them are
    // named Tuấn and sort together (between 1,000 and 5,000), 300 are named Khiêm (under 1,000).
    // One in three is kept by the team; the others by the ward, outside the team officer's scope.
    const rows = Array.from({ length: 6_600 }, (_, i) => {
      const given = i < 3_000 ? 'Tuấn' : i < 3_300 ? 'Khiêm' : GIVEN[i % GIVEN.length]!;
      const fullName = `${['Nguyễn', 'Trần', 'Lê', 'Phạm'][i % 4]} Văn ${given}`;
      const inTeam = i % 3 === 0;
      const id = newId();
      people.push({ id, fullName, sortKey: personSortKey(fullName), inTeam });
      return {
        tenant_id: t.ctx.tenantId,
        id,
        code: `MANY${String(i).padStart(5, '0')}`,
        unit_id: inTeam ? team.id : ward.id,
        full_name: fullName,
        sex: 'male',
        birth_date: '1980-01-01',
        staff_category: 'civil_servant',
        search_key: searchKey(fullName),
        sort_key: personSortKey(fullName),
        created_at: new Date(),
        updated_at: new Date(),
      };
    });
    for (let i = 0; i < rows.length; i += 1_000) {
      await t.ctx.db
        .insertInto('person')
        .values(rows.slice(i, i + 1_000))
        .execute();
    }
    await sql`ANALYZE person`.execute(t.ctx.db);
  }, 120_000);
  afterAll(() => t.close());

  /** The ids of a page, as the database orders them: sort_key bytes (COLLATE "C"), then id. */
  function expectedPage(match: (p: Seeded) => boolean, page: number, pageSize = 20) {
    const byBytes = (a: Seeded, b: Seeded) =>
      Buffer.compare(Buffer.from(a.sortKey), Buffer.from(b.sortKey)) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const all = people.filter(match).sort(byBytes);
    return { total: all.length, ids: all.slice((page - 1) * pageSize, page * pageSize).map((p) => p.id) };
  }

  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

  it.each([
    ['khiem', (p: Seeded) => p.fullName.endsWith('Khiêm'), 300],
    ['tuan', (p: Seeded) => p.fullName.endsWith('Tuấn'), 3_000],
    ['van', () => true, 6_600],
  ])('"%s": the total, page 1 and page 7 in name order', async (q, match, total) => {
    for (const page of [1, 7]) {
      const res = await admin.get(`/api/people?q=${q}&page=${page}`);
      expect(res.status).toBe(200);
      const expected = expectedPage(match, page);
      expect(expected.total).toBe(total);
      expect(res.body.total).toBe(total);
      expect(ids(res)).toEqual(expected.ids);
    }
  });

  it('keeps an officer of the team to the team, whichever way the page is found', async () => {
    for (const [q, match] of [
      ['khiem', (p: Seeded) => p.fullName.endsWith('Khiêm')],
      ['tuan', (p: Seeded) => p.fullName.endsWith('Tuấn')],
      ['van', () => true],
    ] as const) {
      const res = await teamStaff.get(`/api/people?q=${q}&page=2`);
      expect(res.status).toBe(200);
      const expected = expectedPage((p) => p.inTeam && match(p), 2);
      expect(res.body.total).toBe(expected.total);
      expect(ids(res)).toEqual(expected.ids);
    }
  });

  it('answers an empty page past the end with the total', async () => {
    const res = await admin.get('/api/people?q=van&page=400');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect(res.body.total).toBe(6_600);
  });
});
