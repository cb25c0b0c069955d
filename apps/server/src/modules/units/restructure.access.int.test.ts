import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { applyAsSystem, ref, snapshot, staff, treeProblems, unit, unitRow } from './org.fixtures';
import { todayInVietnam } from './units.dates';

const ids = (items: { id: string }[]) => items.map((u) => u.id);

describe('restructuring and access scope', () => {
  let t: TestContext;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestContext();
    admin = await t.as(await t.build.user({ role: 'admin' }));
  });
  afterAll(() => t.close());

  async function asTestUnit(id: string): Promise<TestUnit> {
    const row = await unitRow(t, id);
    return { id, code: row.code, name: row.name, path: row.path };
  }
  const officerOn = async (u: TestUnit) => t.as(await t.build.user({ role: 'officer', unit: u }));
  const sees = async (client: Client, url: string) => (await client.get(url)).status;

  it('after a merge the officer of the result sees the people and sub-units of the merged units; others see nothing new', async () => {
    const district = await unit(t, { name: 'Quận Đống Đa', validFrom: '2010-01-01' });
    const a = await unit(t, { parent: district, name: 'Phường Văn Miếu', validFrom: '2010-01-01' });
    const b = await unit(t, { parent: district, name: 'Phường Quốc Tử Giám', validFrom: '2010-01-01' });
    const a1 = await unit(t, { parent: a, name: 'Tổ dân phố Văn Miếu 1', validFrom: '2010-01-01' });
    const unrelated = await unit(t, {
      parent: district,
      name: 'Phường Láng Thượng',
      validFrom: '2010-01-01',
    });
    const pa = await staff(t, a.id, 3);
    const pb = await staff(t, b.id, 2);
    const officerOfA = await t.build.user({ role: 'officer', unit: a });
    const outsider = await officerOn(unrelated);

    const change = await admin.post('/api/org/changes', {
      kind: 'merge',
      effectiveDate: '2025-07-01',
      sources: [await ref(t, a), await ref(t, b)],
      into: {
        kind: 'new',
        unit: {
          code: 'P-VANMIEU-QTG',
          name: 'Phường Văn Miếu – Quốc Tử Giám',
          type: 'commune',
          parentId: district.id,
        },
      },
    });
    expect(change.status).toBe(201);
    const r = change.body.summary.participants.find((p: { role: string }) => p.role === 'created')
      .unitId as string;
    const officerOfR = await officerOn(await asTestUnit(r));

    for (const p of [...pa, ...pb]) {
      expect(await sees(officerOfR, `/api/people/${p.id}`)).toBe(200);
      expect(await sees(outsider, `/api/people/${p.id}`)).toBe(404);
    }
    expect(ids((await officerOfR.get(`/api/units?parentId=${r}`)).body.items)).toEqual([a1.id]);
    expect((await officerOfR.get(`/api/units/${r}/positions`)).body.total).toBe(5);
    expect(await sees(outsider, `/api/units/${a1.id}`)).toBe(404);
    expect(await sees(outsider, `/api/units/${r}/positions`)).toBe(404);

    // The successor's officer reads the predecessors' pages and the tree as it was before the merge.
    expect(await sees(officerOfR, `/api/units/${a.id}`)).toBe(200);
    expect((await officerOfR.get(`/api/units/${a.id}/history`)).body.versions.at(-1).validTo).toBe(
      '2025-07-01',
    );
    expect(ids((await officerOfR.get('/api/units?asOf=2025-06-30')).body.items).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect(ids((await officerOfR.get('/api/units?asOf=2025-07-01')).body.items)).toEqual([r]);
    expect(ids((await officerOfR.get(`/api/org/changes?unitId=${a.id}`)).body.items)).toContain(
      change.body.id,
    );
    // …but cannot restructure them, nor anything outside the result.
    const reopen = await officerOfR.post('/api/org/changes', {
      kind: 'move',
      effectiveDate: '2025-08-01',
      unit: await ref(t, a),
      newParentId: r,
    });
    expect(reopen.status).toBe(403);
    expect(await sees(officerOfR, `/api/units/${unrelated.id}`)).toBe(404);

    // The grant on the merged unit stays, still resolves, and covers nothing that came after.
    const oldOfficer = await t.as(officerOfA);
    expect((await oldOfficer.get('/api/auth/me')).body.grants).toEqual([
      expect.objectContaining({ unitId: a.id }),
    ]);
    expect((await oldOfficer.get('/api/units')).body.items).toEqual([]);
    expect(ids((await oldOfficer.get('/api/units?includeClosed=true')).body.items)).toEqual([a.id]);
    expect(await sees(oldOfficer, `/api/people/${pa[0]!.id}`)).toBe(404);
    expect(await sees(oldOfficer, `/api/units/${a1.id}`)).toBe(404);
    expect(change.body.summary.counts.grantsKept).toBe(1);
  });

  it('grants may move to the successor with the merge, each move audited', async () => {
    const parent = await unit(t, { validFrom: '2010-01-01' });
    const a = await unit(t, { parent, name: 'Xã Đông Anh', validFrom: '2010-01-01' });
    const target = await unit(t, { parent, name: 'Xã Đông Anh mới', validFrom: '2010-01-01' });
    const people = await staff(t, a.id, 2);
    const user = await t.build.user({ role: 'officer', unit: a });
    const targetVersion = (await ref(t, target)).version;
    const preview = await admin.post('/api/org/changes/preview', {
      kind: 'merge',
      effectiveDate: '2025-07-01',
      sources: [await ref(t, a)],
      into: { kind: 'existing', unit: await ref(t, target) },
      grants: 'moveToSuccessor',
    });
    expect(preview.body.grants).toEqual([
      expect.objectContaining({
        userId: user.id,
        role: 'officer',
        unitId: a.id,
        action: 'moved',
        toUnitId: target.id,
      }),
    ]);
    const applied = await admin.post('/api/org/changes', {
      kind: 'merge',
      effectiveDate: '2025-07-01',
      sources: [await ref(t, a)],
      into: { kind: 'existing', unit: await ref(t, target) },
      grants: 'moveToSuccessor',
    });
    expect(applied.body.summary.counts).toMatchObject({ grantsMoved: 1, grantsKept: 0 });
    const moved = await t.as(user);
    expect((await moved.get('/api/auth/me')).body.grants).toEqual([
      expect.objectContaining({ unitId: target.id, role: 'officer' }),
    ]);
    expect(await sees(moved, `/api/people/${people[0]!.id}`)).toBe(200);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'grant.moved')
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        entity_type: 'grant',
        before: expect.objectContaining({ unitId: a.id }),
        after: expect.objectContaining({ unitId: target.id }),
      }),
    ]);
    // The account's home unit moved with it, so the officer of the target manages it.
    expect(
      (
        await t.ctx.db
          .selectFrom('app_user')
          .select('unit_id')
          .where('id', '=', user.id)
          .executeTakeFirstOrThrow()
      ).unit_id,
    ).toBe(target.id);
    // The receiving unit's version moved on: a wizard that previewed before must preview again.
    expect((await unitRow(t, target.id)).version).toBe(targetVersion + 1);
  });

  it("after a split each part's officer sees its own people only", async () => {
    const parent = await unit(t, { validFrom: '2010-01-01' });
    const commune = await unit(t, { parent, name: 'Xã Minh Phú', validFrom: '2010-01-01' });
    const people = await staff(t, commune.id, 4);
    const change = await applyAsSystem(t, {
      kind: 'split',
      effectiveDate: '2025-07-01',
      unit: await ref(t, commune),
      parts: [
        { key: 'a', code: 'X-MINHPHU-A', name: 'Xã Minh Phú A', type: 'commune' },
        { key: 'b', code: 'X-MINHPHU-B', name: 'Xã Minh Phú B', type: 'commune' },
      ],
      positions: people.map((p, i) => ({ positionId: p.positionId, part: i % 2 === 0 ? 'a' : 'b' })),
      children: [],
      people: [],
    });
    const part = Object.fromEntries(
      change.summary.participants.filter((p) => p.role === 'created').map((p) => [p.key, p.unitId]),
    );
    const officerA = await officerOn(await asTestUnit(part.a!));
    const officerB = await officerOn(await asTestUnit(part.b!));
    for (const [i, p] of people.entries()) {
      expect(await sees(officerA, `/api/people/${p.id}`)).toBe(i % 2 === 0 ? 200 : 404);
      expect(await sees(officerB, `/api/people/${p.id}`)).toBe(i % 2 === 0 ? 404 : 200);
    }
    // Both parts' officers read the split unit's history (a predecessor of each).
    expect(await sees(officerA, `/api/units/${commune.id}/history`)).toBe(200);
  });

  it("after a move the officer of the new parent sees the subtree and the old parent's officer no longer does", async () => {
    const oldParent = await unit(t, { name: 'Đảng ủy Khối cơ quan', validFrom: '2010-01-01' });
    const newParent = await unit(t, { name: 'Đảng ủy Khối doanh nghiệp', validFrom: '2010-01-01' });
    const cell = await unit(t, { parent: oldParent, name: 'Chi bộ Sở Tư pháp', validFrom: '2010-01-01' });
    const sub = await unit(t, { parent: cell, name: 'Tổ đảng Phòng Hành chính', validFrom: '2010-01-01' });
    const people = await staff(t, sub.id, 2);
    const oldOfficer = await officerOn(oldParent);
    const newOfficer = await officerOn(newParent);
    expect(await sees(oldOfficer, `/api/people/${people[0]!.id}`)).toBe(200);
    expect(await sees(newOfficer, `/api/people/${people[0]!.id}`)).toBe(404);
    const moved = await admin.post('/api/org/changes', {
      kind: 'move',
      effectiveDate: '2025-07-01',
      unit: await ref(t, cell),
      newParentId: newParent.id,
    });
    expect(moved.status).toBe(201);
    expect(await sees(oldOfficer, `/api/people/${people[0]!.id}`)).toBe(404);
    expect(await sees(oldOfficer, `/api/units/${sub.id}`)).toBe(404);
    expect(await sees(newOfficer, `/api/people/${people[0]!.id}`)).toBe(200);
    expect(await sees(newOfficer, `/api/units/${sub.id}`)).toBe(200);
  });

  it('restructuring needs units.restructure over every unit touched; out-of-scope ids answer 404 and nothing is written', async () => {
    const parent = await unit(t, { validFrom: '2010-01-01' });
    const a = await unit(t, { parent, validFrom: '2010-01-01' });
    const b = await unit(t, { parent, validFrom: '2010-01-01' });
    const elsewhere = await unit(t, { validFrom: '2010-01-01' });
    await staff(t, a.id, 2);
    const body = async (target: { id: string }) => ({
      kind: 'merge',
      effectiveDate: '2025-07-01',
      sources: [await ref(t, a)],
      into: { kind: 'existing', unit: await ref(t, target) },
    });
    const officerOfA = await officerOn(a);
    const officerElsewhere = await officerOn(elsewhere);
    const head = await t.as(await t.build.user({ role: 'head', unit: parent }));
    const inspector = await t.as(await t.build.user({ role: 'inspector', unit: parent }));
    const before = await snapshot(t);
    expect((await officerOfA.post('/api/org/changes', await body(b))).status).toBe(404);
    expect((await officerOfA.post('/api/org/changes/preview', await body(b))).status).toBe(404);
    expect((await officerElsewhere.post('/api/org/changes/preview', await body(elsewhere))).status).toBe(404);
    const refused = await head.post('/api/org/changes', await body(b));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await inspector.post('/api/org/changes/preview', await body(b))).status).toBe(403);
    expect(
      (await inspector.patch(`/api/units/${a.id}`, { version: 1, effectiveDate: '2025-01-01', name: 'X' }))
        .status,
    ).toBe(403);
    expect(await snapshot(t)).toEqual(before);
    const officerOfParent = await officerOn(parent);
    expect((await officerOfParent.post('/api/org/changes', await body(b))).status).toBe(201);
  });

  it('a stale version answers 409 and writes nothing; of two concurrent merges of one unit exactly one succeeds', async () => {
    const parent = await unit(t, { validFrom: '2010-01-01' });
    const a = await unit(t, { parent, validFrom: '2010-01-01' });
    const b = await unit(t, { parent, validFrom: '2010-01-01' });
    const c = await unit(t, { parent, validFrom: '2010-01-01' });
    await staff(t, a.id, 20);
    const stale = await ref(t, a);
    await admin.patch(`/api/units/${a.id}`, {
      version: stale.version,
      effectiveDate: '2024-01-01',
      shortName: 'A',
    });
    const before = await snapshot(t);
    const res = await admin.post('/api/org/changes', {
      kind: 'merge',
      effectiveDate: '2025-07-01',
      sources: [stale],
      into: { kind: 'existing', unit: await ref(t, b) },
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('tải lại'),
      messageEn: expect.stringContaining('Reload'),
    });
    expect(await snapshot(t)).toEqual(before);

    const current = await ref(t, a);
    const [first, second] = await Promise.all([
      admin.post('/api/org/changes', {
        kind: 'merge',
        effectiveDate: '2025-07-01',
        sources: [current],
        into: { kind: 'existing', unit: await ref(t, b) },
      }),
      admin.post('/api/org/changes', {
        kind: 'merge',
        effectiveDate: '2025-07-01',
        sources: [current],
        into: { kind: 'existing', unit: await ref(t, c) },
      }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const posts = await t.ctx.db
      .selectFrom('position')
      .select('unit_id')
      .where('unit_id', 'in', [b.id, c.id])
      .execute();
    expect(posts).toHaveLength(20);
    expect(new Set(posts.map((p) => p.unit_id)).size).toBe(1);
  });

  it('concurrent moves of a unit and creations under its sub-units leave every path right', async () => {
    const left = await unit(t, { name: 'Khối trái', validFrom: '2010-01-01' });
    const right = await unit(t, { name: 'Khối phải', validFrom: '2010-01-01' });
    const moving = await unit(t, { parent: left, name: 'Đảng bộ di chuyển', validFrom: '2010-01-01' });
    const inner = await unit(t, { parent: moving, name: 'Chi bộ bên trong', validFrom: '2010-01-01' });
    const statuses: number[] = [];
    for (let round = 0; round < 6; round++) {
      const to = round % 2 === 0 ? right : left;
      const [moved, created] = await Promise.all([
        admin.post('/api/org/changes', {
          kind: 'move',
          effectiveDate: todayInVietnam(),
          unit: await ref(t, moving),
          newParentId: to.id,
        }),
        admin.post('/api/units', {
          code: `TO-${round}-${Date.now()}`,
          name: `Tổ ${round}`,
          parentId: inner.id,
        }),
      ]);
      statuses.push(moved.status, created.status);
    }
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(await treeProblems(t)).toEqual([]);
  });

  it('leaves the tree consistent: paths, depths and one open version per active unit', async () => {
    expect(await treeProblems(t)).toEqual([]);
  });
});
