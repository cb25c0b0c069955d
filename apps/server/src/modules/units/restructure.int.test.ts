import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext } from '../../../test/context';
import {
  personUnit,
  positionsOf,
  post,
  ref,
  snapshot,
  staff,
  treeProblems,
  unit,
  unitRow,
} from './org.fixtures';

const ids = (items: { id: string }[]) => items.map((u) => u.id);
const names = (items: { name: string }[]) => items.map((u) => u.name);
const roles = (participants: { code: string; role: string }[]) =>
  participants.map((p) => `${p.role}:${p.code}`).sort();

describe('restructuring operations: effect, history, as-of, preview', () => {
  let t: TestContext;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestContext();
    admin = await t.as(await t.build.user({ role: 'admin' }));
  });
  afterAll(() => t.close());

  /** Previews, applies, and checks that the preview announced exactly what was done. */
  async function previewThenApply(body: Record<string, unknown>) {
    const preview = await admin.post('/api/org/changes/preview', body);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const applied = await admin.post('/api/org/changes', body);
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body.summary.counts).toEqual(preview.body.counts);
    expect(roles(applied.body.summary.participants)).toEqual(roles(preview.body.participants));
    return { preview: preview.body, change: applied.body };
  }

  it('move: the whole subtree gets new paths and dated versions; as of before, the old parent and path come back', async () => {
    const d1 = await unit(t, { name: 'Quận Ba Đình', validFrom: '2010-01-01' });
    const d2 = await unit(t, { name: 'Quận Tây Hồ', validFrom: '2010-01-01' });
    const ward = await unit(t, { parent: d1, name: 'Phường Quán Thánh', validFrom: '2012-01-01' });
    const office = await unit(t, { parent: ward, name: 'Văn phòng phường', validFrom: '2012-01-01' });
    const team = await unit(t, { parent: office, name: 'Tổ một cửa', validFrom: '2013-01-01' });
    await staff(t, office.id, 3);

    const { preview, change } = await previewThenApply({
      kind: 'move',
      effectiveDate: '2025-07-01',
      unit: await ref(t, ward),
      newParentId: d2.id,
    });
    expect(preview.counts).toMatchObject({
      unitsReparented: 1,
      unitsRepathed: 3,
      positionsEnded: 0,
      peopleMoved: 0,
    });
    expect(roles(preview.participants)).toEqual(
      roles([
        { code: ward.code, role: 'subject' },
        { code: d2.code, role: 'target' },
        { code: d1.code, role: 'parent' },
      ]),
    );
    expect(change.kind).toBe('move');

    const rows = await Promise.all([ward, office, team].map((u) => unitRow(t, u.id)));
    expect(rows.map((r) => r.path)).toEqual([
      `${d2.path}${ward.id}/`,
      `${d2.path}${ward.id}/${office.id}/`,
      `${d2.path}${ward.id}/${office.id}/${team.id}/`,
    ]);
    expect(rows.map((r) => r.depth)).toEqual([2, 3, 4]);
    expect(rows[0]!.parent_id).toBe(d2.id);

    const before = (await admin.get(`/api/units/${team.id}?asOf=2025-06-30`)).body;
    expect(names(before.ancestors)).toEqual([
      t.root.name,
      'Quận Ba Đình',
      'Phường Quán Thánh',
      'Văn phòng phường',
    ]);
    const after = (await admin.get(`/api/units/${team.id}?asOf=2025-07-01`)).body;
    expect(names(after.ancestors)).toEqual([
      t.root.name,
      'Quận Tây Hồ',
      'Phường Quán Thánh',
      'Văn phòng phường',
    ]);
    expect(ids((await admin.get(`/api/units?parentId=${d1.id}&asOf=2025-06-30`)).body.items)).toEqual([
      ward.id,
    ]);
    expect((await admin.get(`/api/units?parentId=${d1.id}`)).body.items).toEqual([]);
    expect(ids((await admin.get(`/api/units?parentId=${d2.id}`)).body.items)).toEqual([ward.id]);

    const history = (await admin.get(`/api/units/${team.id}/history`)).body;
    expect(
      history.versions.map((v: { validFrom: string; pathNames: string[] }) => [v.validFrom, v.pathNames[1]]),
    ).toEqual([
      ['2013-01-01', 'Quận Ba Đình'],
      ['2025-07-01', 'Quận Tây Hồ'],
    ]);
    expect(history.changes.map((c: { kind: string }) => c.kind)).toEqual(['create', 'move']);
    const listed = await admin.get(`/api/org/changes?unitId=${team.id}&kind=move`);
    expect(ids(listed.body.items)).toEqual([change.id]);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_id', 'in', [change.id, ward.id])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['org.move', 'unit.created', 'unit.moved']);

    const inside = await admin.post('/api/org/changes', {
      kind: 'move',
      effectiveDate: '2025-08-01',
      unit: await ref(t, ward),
      newParentId: team.id,
    });
    expect(inside.status).toBe(422);
    expect(inside.body.error).toMatchObject({
      code: 'MOVE_INTO_OWN_SUBTREE',
      details: [expect.objectContaining({ path: 'newParentId' })],
    });
  });

  it('dissolve is refused while sub-units or people remain, unless told where they go', async () => {
    const parent = await unit(t, { name: 'Đảng bộ Khối doanh nghiệp', validFrom: '2010-01-01' });
    const receiver = await unit(t, { parent, name: 'Chi bộ tiếp nhận', validFrom: '2010-01-01' });
    const cell = await unit(t, { parent, name: 'Chi bộ Công ty Xây lắp', validFrom: '2012-01-01' });
    const team = await unit(t, { parent: cell, name: 'Tổ đảng số 1', validFrom: '2012-01-01' });
    const people = await staff(t, cell.id, 2, { since: '2020-01-01', title: 'Bí thư chi bộ' });
    const officer = await t.build.user({ role: 'officer', unit: cell });
    const before = await snapshot(t);

    const noChildren = await admin.post('/api/org/changes', {
      kind: 'dissolve',
      effectiveDate: '2025-01-01',
      unit: await ref(t, cell),
    });
    expect(noChildren.status).toBe(422);
    expect(noChildren.body.error).toMatchObject({
      code: 'HAS_CHILDREN',
      details: [expect.objectContaining({ path: 'childrenTo' })],
    });
    expect(noChildren.body.error.message).toContain('Tổ đảng số 1');
    const noPeople = await admin.post('/api/org/changes', {
      kind: 'dissolve',
      effectiveDate: '2025-01-01',
      unit: await ref(t, cell),
      childrenTo: receiver.id,
    });
    expect(noPeople.body.error).toMatchObject({
      code: 'HAS_PEOPLE',
      details: [expect.objectContaining({ path: 'peopleTo' })],
    });
    expect(noPeople.body.error.messageEn).toContain('2 current post(s)');
    expect(await snapshot(t)).toEqual(before);

    const { preview } = await previewThenApply({
      kind: 'dissolve',
      effectiveDate: '2025-01-01',
      unit: await ref(t, cell),
      childrenTo: receiver.id,
      peopleTo: receiver.id,
    });
    expect(preview.counts).toMatchObject({
      unitsClosed: 1,
      unitsReparented: 1,
      unitsRepathed: 1,
      positionsEnded: 2,
      positionsCreated: 2,
      peopleMoved: 2,
      grantsKept: 1,
    });
    expect(preview.warnings.map((w: { code: string }) => w.code)).toContain('GRANTS_KEPT');

    expect(await unitRow(t, cell.id)).toMatchObject({ status: 'dissolved', valid_to: '2025-01-01' });
    expect((await admin.get(`/api/units/${cell.id}?asOf=2024-12-31`)).status).toBe(200);
    expect((await admin.get(`/api/units/${cell.id}?asOf=2025-01-01`)).status).toBe(404);
    expect((await admin.get(`/api/units/${cell.id}`)).body.status).toBe('dissolved');
    expect(ids((await admin.get(`/api/units?parentId=${parent.id}`)).body.items)).toEqual([receiver.id]);
    expect(
      ids((await admin.get(`/api/units?parentId=${parent.id}&includeClosed=true`)).body.items).sort(),
    ).toEqual([receiver.id, cell.id].sort());
    expect((await unitRow(t, team.id)).parent_id).toBe(receiver.id);

    const posts = await positionsOf(t, people[0]!.id);
    expect(posts.map((p) => [p.unit_id, p.start_date, p.end_date, p.end_reason, p.title])).toEqual([
      [cell.id, '2020-01-01', '2025-01-01', 'dissolve', 'Bí thư chi bộ'],
      [receiver.id, '2025-01-01', null, null, 'Bí thư chi bộ'],
    ]);
    expect(await personUnit(t, people[0]!.id)).toBe(receiver.id);
    const history = await t.ctx.db
      .selectFrom('person_history')
      .select(['section', 'source'])
      .where('person_id', '=', people[0]!.id)
      .execute();
    expect(history.map((h) => `${h.source}:${h.section}`).sort()).toEqual([
      'restructure:position',
      'restructure:position',
      'restructure:unit',
    ]);

    // The officer's grant on the dissolved cell still resolves and covers the old cell only.
    const asOfficer = await t.as(officer);
    expect((await asOfficer.get('/api/auth/me')).body.grants).toEqual([
      expect.objectContaining({ unitId: cell.id }),
    ]);
    expect((await asOfficer.get('/api/units')).body.items).toEqual([]);
    expect(ids((await asOfficer.get('/api/units?includeClosed=true')).body.items)).toEqual([cell.id]);
    expect((await asOfficer.get(`/api/units/${team.id}`)).status).toBe(404);
    expect((await asOfficer.get(`/api/units/${cell.id}/history`)).status).toBe(200);
  });

  it('merge into a new unit: posts end and are re-created, records and sub-units move, the old units keep their history', async () => {
    const district = await unit(t, { name: 'Quận Hoàn Kiếm', validFrom: '2010-01-01' });
    const a = await unit(t, { parent: district, name: 'Phường Hàng Bạc', validFrom: '2010-01-01' });
    const b = await unit(t, { parent: district, name: 'Phường Hàng Đào', validFrom: '2010-01-01' });
    const a1 = await unit(t, { parent: a, name: 'Tổ dân phố số 1', validFrom: '2011-01-01' });
    const pa = await staff(t, a.id, 4, {
      since: '2020-01-01',
      leaders: 1,
      title: 'Phó Chủ tịch UBND phường',
    });
    const pb = await staff(t, b.id, 3, { since: '2021-01-01' });
    const concurrent = await post(t, pa[0]!.id, b.id, {
      since: '2022-01-01',
      concurrent: true,
      title: 'Chủ tịch Hội Cựu chiến binh',
    });
    const later = await post(t, pb[0]!.id, a.id, { since: '2025-08-01', concurrent: true });
    const ended = await post(t, pb[1]!.id, a.id, { since: '2019-01-01', until: '2024-01-01' });

    const { preview, change } = await previewThenApply({
      kind: 'merge',
      effectiveDate: '2025-07-01',
      decisionNumber: '1656/NQ-UBTVQH15',
      sources: [await ref(t, a), await ref(t, b)],
      into: {
        kind: 'new',
        unit: {
          code: 'P-HOANKIEM-MOI',
          name: 'Phường Hoàn Kiếm',
          type: 'commune',
          level: 'commune',
          parentId: district.id,
        },
      },
    });
    expect(preview.counts).toEqual({
      unitsCreated: 1,
      unitsClosed: 2,
      unitsRenamed: 0,
      unitsReparented: 1,
      unitsRepathed: 1,
      positionsEnded: 8,
      positionsCreated: 8,
      positionsMoved: 1,
      peopleMoved: 7,
      accountsMoved: 0,
      grantsMoved: 0,
      grantsKept: 0,
    });
    expect(preview.positions).toHaveLength(9);
    expect(preview.people).toHaveLength(7);
    const result = change.summary.participants.find((p: { role: string }) => p.role === 'created');
    expect(result).toMatchObject({ code: 'P-HOANKIEM-MOI', name: 'Phường Hoàn Kiếm' });
    const r = result.unitId as string;

    expect(await unitRow(t, r)).toMatchObject({
      parent_id: district.id,
      valid_from: '2025-07-01',
      status: 'active',
      path: `${district.path}${r}/`,
    });
    for (const old of [a, b])
      expect(await unitRow(t, old.id)).toMatchObject({ status: 'merged', valid_to: '2025-07-01' });

    // Posts: the old ones end on the date and stay with the old units; new ones begin in the result.
    const chairman = await positionsOf(t, pa[0]!.id);
    const tag = (id: string) => (id === a.id ? 'A' : id === b.id ? 'B' : id === r ? 'R' : '?');
    const rowsOf = (list: typeof chairman) =>
      list
        .map((p) =>
          JSON.stringify([tag(p.unit_id), p.start_date, p.end_date, p.is_concurrent, p.is_leader, p.title]),
        )
        .sort();
    expect(rowsOf(chairman)).toEqual(
      [
        ['A', '2020-01-01', '2025-07-01', false, true, 'Phó Chủ tịch UBND phường'],
        ['B', '2022-01-01', '2025-07-01', true, false, 'Chủ tịch Hội Cựu chiến binh'],
        ['R', '2025-07-01', null, false, true, 'Phó Chủ tịch UBND phường'],
        ['R', '2025-07-01', null, true, false, 'Chủ tịch Hội Cựu chiến binh'],
      ]
        .map((x) => JSON.stringify(x))
        .sort(),
    );
    expect(
      chairman.filter((p) => p.unit_id === r).every((p) => p.decision_number === '1656/NQ-UBTVQH15'),
    ).toBe(true);
    const movedLater = (await positionsOf(t, pb[0]!.id)).find((p) => p.id === later)!;
    expect([movedLater.unit_id, movedLater.start_date, movedLater.end_date]).toEqual([r, '2025-08-01', null]);
    const untouched = (await positionsOf(t, pb[1]!.id)).find((p) => p.id === ended)!;
    expect([untouched.unit_id, untouched.end_date, untouched.end_reason]).toEqual([a.id, '2024-01-01', null]);
    expect((await positionsOf(t, pa[0]!.id)).find((p) => p.id === concurrent)!.end_reason).toBe('merge');
    for (const p of [...pa, ...pb]) expect(await personUnit(t, p.id)).toBe(r);

    // Sub-units follow the result; as of before the date they were under the old ward.
    expect(await unitRow(t, a1.id)).toMatchObject({ parent_id: r, path: `${district.path}${r}/${a1.id}/` });
    expect(names((await admin.get(`/api/units/${a1.id}?asOf=2025-06-30`)).body.ancestors).at(-1)).toBe(
      'Phường Hàng Bạc',
    );
    expect(
      ids((await admin.get(`/api/units?parentId=${district.id}&asOf=2025-06-30`)).body.items).sort(),
    ).toEqual([a.id, b.id].sort());
    expect(ids((await admin.get(`/api/units?parentId=${district.id}&asOf=2025-07-01`)).body.items)).toEqual([
      r,
    ]);
    expect(ids((await admin.get(`/api/units?parentId=${district.id}`)).body.items)).toEqual([r]);

    // Counts on either side of the date.
    expect((await admin.get(`/api/units/${a.id}/summary?asOf=2025-06-30`)).body).toMatchObject({
      positions: 4,
      childUnits: 1,
    });
    expect((await admin.get(`/api/units/${a.id}/summary`)).body).toMatchObject({
      positions: 0,
      childUnits: 0,
      recordsKept: 0,
    });
    expect((await admin.get(`/api/units/${r}/summary`)).body).toMatchObject({
      positions: 9,
      leaders: 1,
      concurrent: 2,
      people: 7,
      recordsKept: 7,
    });

    // Succession, both ways, on the service for later modules and on the unit pages.
    const predecessors = await t.services.units.predecessorsOf(r);
    expect(predecessors.map((p) => [p.id, p.kind, p.generation, p.effective_date]).sort()).toEqual(
      [
        [a.id, 'merge', 1, '2025-07-01'],
        [b.id, 'merge', 1, '2025-07-01'],
      ].sort(),
    );
    expect((await t.services.units.successorsOf(a.id)).map((s) => s.id)).toEqual([r]);
    const detail = (await admin.get(`/api/units/${r}`)).body;
    expect(ids(detail.predecessors).sort()).toEqual([a.id, b.id].sort());
    const oldHistory = (await admin.get(`/api/units/${a.id}/history`)).body;
    expect(oldHistory.versions.at(-1)).toMatchObject({ validTo: '2025-07-01', name: 'Phường Hàng Bạc' });
    expect(oldHistory.changes.map((c: { kind: string }) => c.kind)).toEqual(['create', 'merge']);
    expect(ids(oldHistory.successors)).toEqual([r]);

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_id', 'in', [change.id, a.id, b.id, r])
      .execute();
    expect(audit.map((e) => e.action).sort()).toEqual([
      'org.merge',
      'unit.created',
      'unit.created',
      'unit.created',
      'unit.merged',
      'unit.merged',
    ]);
  });

  it('a later merge makes chains: predecessors are found through several steps', async () => {
    const parent = await unit(t, { validFrom: '2010-01-01' });
    const [x, y, z] = [
      await unit(t, { parent, name: 'Xã X', validFrom: '2010-01-01' }),
      await unit(t, { parent, name: 'Xã Y', validFrom: '2010-01-01' }),
      await unit(t, { parent, name: 'Xã Z', validFrom: '2010-01-01' }),
    ];
    await admin.post('/api/org/changes', {
      kind: 'merge',
      effectiveDate: '2020-01-01',
      sources: [await ref(t, x)],
      into: { kind: 'existing', unit: await ref(t, y) },
    });
    await admin.post('/api/org/changes', {
      kind: 'merge',
      effectiveDate: '2025-07-01',
      sources: [await ref(t, y)],
      into: { kind: 'existing', unit: await ref(t, z) },
    });
    const chain = await t.services.units.predecessorsOf(z.id);
    expect(chain.map((c) => [c.name, c.generation])).toEqual([
      ['Xã Y', 1],
      ['Xã X', 2],
    ]);
    expect((await t.services.units.successorsOf(x.id)).map((c) => [c.name, c.generation])).toEqual([
      ['Xã Y', 1],
      ['Xã Z', 2],
    ]);
  });

  it('split: every post must be placed; people follow their main post; parts succeed the split unit', async () => {
    const district = await unit(t, { name: 'Huyện Sóc Sơn', validFrom: '2010-01-01' });
    const commune = await unit(t, { parent: district, name: 'Xã Phù Linh', validFrom: '2010-01-01' });
    const hamlet1 = await unit(t, { parent: commune, name: 'Thôn Đông', validFrom: '2010-01-01' });
    const hamlet2 = await unit(t, { parent: commune, name: 'Thôn Tây', validFrom: '2010-01-01' });
    const people = await staff(t, commune.id, 6, { since: '2020-01-01' });
    const retired = (await staff(t, commune.id, 1, { names: ['Đỗ Văn Nghỉ'] }))[0]!;
    await t.ctx.db
      .updateTable('position')
      .set({ end_date: '2024-01-01' })
      .where('id', '=', retired.positionId)
      .execute();
    const second = await post(t, people[0]!.id, commune.id, {
      concurrent: true,
      title: 'Chủ tịch Hội Nông dân',
    });

    const parts = [
      { key: 'bac', code: 'X-PHULINH-BAC', name: 'Xã Phù Linh Bắc', type: 'commune' },
      { key: 'nam', code: 'X-PHULINH-NAM', name: 'Xã Phù Linh Nam', type: 'commune' },
    ];
    const assign = people.map((p, i) => ({ positionId: p.positionId, part: i < 3 ? 'bac' : 'nam' }));
    const base = { kind: 'split', effectiveDate: '2025-07-01', unit: await ref(t, commune), parts };
    const before = await snapshot(t);

    const missing = await admin.post('/api/org/changes', { ...base, positions: assign });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('POSITIONS_UNASSIGNED');
    expect(missing.body.error.message).toContain('Chủ tịch Hội Nông dân');
    expect(missing.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'positions',
      `positions[${second}]`,
    ]);

    const all = [...assign, { positionId: second, part: 'nam' }];
    const orphans = await admin.post('/api/org/changes', { ...base, positions: all });
    expect(orphans.body.error).toMatchObject({
      code: 'CHILDREN_UNASSIGNED',
      details: [expect.objectContaining({ path: 'children' })],
    });
    const children = [
      { unitId: hamlet1.id, part: 'bac' },
      { unitId: hamlet2.id, part: 'nam' },
    ];
    const unplaced = await admin.post('/api/org/changes', { ...base, positions: all, children });
    expect(unplaced.body.error).toMatchObject({
      code: 'PEOPLE_UNASSIGNED',
      details: [expect.objectContaining({ path: 'people' })],
    });
    expect(unplaced.body.error.message).toContain('Đỗ Văn Nghỉ');
    const badPart = await admin.post('/api/org/changes', {
      ...base,
      positions: all,
      children,
      defaultPart: 'tay',
    });
    expect(badPart.body.error).toMatchObject({
      code: 'UNKNOWN_PART',
      details: [expect.objectContaining({ path: 'defaultPart' })],
    });
    expect(await snapshot(t)).toEqual(before);

    const { preview, change } = await previewThenApply({
      ...base,
      positions: all,
      children,
      people: [{ personId: retired.id, part: 'nam' }],
    });
    expect(preview.counts).toMatchObject({
      unitsCreated: 2,
      unitsClosed: 1,
      unitsReparented: 2,
      positionsEnded: 7,
      positionsCreated: 7,
      peopleMoved: 7,
    });
    const created = Object.fromEntries(
      change.summary.participants
        .filter((p: { role: string }) => p.role === 'created')
        .map((p: { key: string; unitId: string }) => [p.key, p.unitId]),
    );
    expect(await unitRow(t, commune.id)).toMatchObject({ status: 'split', valid_to: '2025-07-01' });
    expect((await unitRow(t, hamlet1.id)).parent_id).toBe(created.bac);
    expect((await unitRow(t, hamlet2.id)).parent_id).toBe(created.nam);
    // The person with a main post in the north part and a concurrent one in the south goes north.
    expect(await personUnit(t, people[0]!.id)).toBe(created.bac);
    expect(
      (await positionsOf(t, people[0]!.id))
        .filter((p) => p.end_date === null)
        .map((p) => p.unit_id)
        .sort(),
    ).toEqual([created.bac, created.nam].sort());
    expect(await personUnit(t, people[5]!.id)).toBe(created.nam);
    expect(await personUnit(t, retired.id)).toBe(created.nam);
    expect((await t.services.units.successorsOf(commune.id)).map((s) => s.id).sort()).toEqual(
      [created.bac, created.nam].sort(),
    );
    expect((await t.services.units.predecessorsOf(created.bac)).map((s) => [s.id, s.kind])).toEqual([
      [commune.id, 'split'],
    ]);
    expect(names((await admin.get(`/api/units?parentId=${district.id}&asOf=2025-06-30`)).body.items)).toEqual(
      ['Xã Phù Linh'],
    );
    expect(names((await admin.get(`/api/units?parentId=${district.id}`)).body.items)).toEqual([
      'Xã Phù Linh Bắc',
      'Xã Phù Linh Nam',
    ]);
  });

  it('refuses a closed unit, a nested merge, a receiver inside the merged unit and dates before a later change', async () => {
    const parent = await unit(t, { validFrom: '2010-01-01' });
    const a = await unit(t, { parent, validFrom: '2010-01-01' });
    const inner = await unit(t, { parent: a, validFrom: '2010-01-01' });
    const b = await unit(t, { parent, validFrom: '2010-01-01' });
    const nested = await admin.post('/api/org/changes', {
      kind: 'merge',
      effectiveDate: '2025-01-01',
      sources: [await ref(t, a), await ref(t, inner)],
      into: { kind: 'existing', unit: await ref(t, b) },
    });
    expect(nested.body.error).toMatchObject({
      code: 'SOURCES_NESTED',
      details: [expect.objectContaining({ path: 'sources.1.id' })],
    });
    const intoInner = await admin.post('/api/org/changes', {
      kind: 'merge',
      effectiveDate: '2025-01-01',
      sources: [await ref(t, a)],
      into: { kind: 'existing', unit: await ref(t, inner) },
    });
    expect(intoInner.body.error).toMatchObject({
      code: 'RECEIVER_INSIDE_CLOSED_UNIT',
      details: [expect.objectContaining({ path: 'into.unit.id' })],
    });
    const twice = await admin.post('/api/org/changes', {
      kind: 'merge',
      effectiveDate: '2025-01-01',
      sources: [await ref(t, a), await ref(t, a)],
      into: { kind: 'existing', unit: await ref(t, b) },
    });
    expect(twice.body.error).toMatchObject({
      code: 'DUPLICATE_UNIT',
      details: [expect.objectContaining({ path: 'sources.1.id' })],
    });
    const noParent = await admin.post('/api/org/changes', {
      kind: 'merge',
      effectiveDate: '2025-01-01',
      sources: [await ref(t, a)],
      into: { kind: 'new', unit: { code: 'MOI-1', name: 'Mới', type: 'commune' } },
    });
    expect(noParent.body.error).toMatchObject({
      code: 'PARENT_REQUIRED',
      details: [expect.objectContaining({ path: 'into.unit.parentId' })],
    });
    const badKind = await admin.post('/api/org/changes', { kind: 'explode', effectiveDate: '2025-01-01' });
    expect(badKind.status).toBe(400);

    await admin.patch(`/api/units/${inner.id}`, {
      version: (await ref(t, inner)).version,
      effectiveDate: '2025-03-01',
      name: 'Tổ đổi tên',
    });
    const early = await admin.post('/api/org/changes', {
      kind: 'move',
      effectiveDate: '2025-02-01',
      unit: await ref(t, a),
      newParentId: b.id,
    });
    expect(early.body.error.code).toBe('DATE_BEFORE_LAST_CHANGE');
    expect(early.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'effectiveDate',
      'unit.id',
    ]);

    await admin.post('/api/org/changes', {
      kind: 'merge',
      effectiveDate: '2025-06-01',
      sources: [await ref(t, a)],
      into: { kind: 'existing', unit: await ref(t, b) },
    });
    const closed = await admin.post('/api/org/changes', {
      kind: 'move',
      effectiveDate: '2025-07-01',
      unit: await ref(t, a),
      newParentId: parent.id,
    });
    expect(closed.body.error).toMatchObject({
      code: 'UNIT_CLOSED',
      details: [expect.objectContaining({ path: 'unit.id' })],
    });
    expect(closed.body.error.message).toContain('đã sáp nhập');
  });

  it('leaves the tree consistent: paths, depths and one open version per active unit', async () => {
    expect(await treeProblems(t)).toEqual([]);
  });
});
