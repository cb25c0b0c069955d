import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context';
import { evaluationBuilders, scores3814 } from './evaluations.fixtures';

interface Item {
  id: string;
  state: string;
  decidedAbove: boolean;
}

/**
 * The unit board and the unit's leaders (docs/EVALUATIONS.md, "Enrolment" and "Workflow"): a leader
 * is evaluated in their unit, so counts in its quota, but is decided by the parent unit's head.
 */
describe('unit board: leaders decided by the level above', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('marks leaders, counts them in the quota, and neither decides nor waits for them in decide-all', async () => {
    const build = evaluationBuilders(t.ctx.db, t.tenant.tenantId);
    const ward = await t.build.unit({ name: 'Phường Bảng' });
    const dept = await t.build.unit({ parent: ward, name: 'Phòng Văn hóa' });
    const wardHead = await t.as(await t.build.user({ unit: ward, role: 'head' }));
    const deptHeadUser = await t.build.user({ unit: dept, role: 'head' });
    const deptHead = await t.as(deptHeadUser);
    const cycle = await build.cycle(ward);
    const reviewed = (total: number) => ({
      unit: dept,
      state: 'reviewed',
      scores: scores3814(total),
      total,
      grade: total >= 90 ? 'excellent' : 'good',
    });
    const staff = [];
    for (const total of [95, 80, 80, 80]) staff.push(await build.evaluation(cycle, reviewed(total)));
    // The department's own head (still drafting) and their deputy (reviewed), both decided by the ward.
    const own = await build.evaluation(cycle, { unit: dept, decisionUnit: ward, isLeader: true });
    await build.link(deptHeadUser.id, own.personId);
    const deputy = await build.evaluation(cycle, { ...reviewed(95), decisionUnit: ward, isLeader: true });
    const url = `/api/cycles/${cycle.id}/units/${dept.id}/board`;

    let board = await deptHead.get(url);
    expect(board.status).toBe(200);
    const mine = board.body.items.find((i: Item) => i.id === own.id);
    expect(mine).toMatchObject({ isLeader: true, decidedAbove: true });
    expect(board.body.items.filter((i: Item) => i.decidedAbove)).toHaveLength(1);
    expect(JSON.stringify(board.body.items)).not.toContain(deputy.id);
    // The quota is the unit's: the deputy's proposed A counts although the head cannot see it.
    expect(board.body.quota[0]).toMatchObject({ graded: 5, excellent: 2, limit: 1, ok: false });
    expect(board.body.canDecideAll).toBe(false);

    await t.ctx.db
      .updateTable('evaluation')
      .set({ scores: JSON.stringify(scores3814(80)) as never, total: 80, grade: 'good' })
      .where('id', '=', deputy.id)
      .execute();
    board = await deptHead.get(url);
    expect(board.body.quota[0]).toMatchObject({ graded: 5, excellent: 1, ok: true });
    // The head's own draft, decided above, does not hold up the department's decisions.
    expect(board.body).toMatchObject({ canDecideAll: true, toDecide: 4 });

    const decided = await deptHead.post(`/api/cycles/${cycle.id}/units/${dept.id}/decide-all`);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const states = new Map(decided.body.items.map((i: Item) => [i.id, i.state]));
    for (const s of staff) expect(states.get(s.id)).toBe('decided');
    expect(states.get(own.id)).toBe('draft');
    expect(decided.body.toDecide).toBe(0);

    // The ward's head sees the leaders on the department's board, marked, and decides them.
    const above = await wardHead.get(url);
    const leaders = above.body.items.filter((i: Item) => i.decidedAbove).map((i: Item) => i.id);
    expect(leaders.sort()).toEqual([own.id, deputy.id].sort());
    expect(above.body.toDecide).toBe(1);
    const row = await t.ctx.db
      .selectFrom('evaluation')
      .select('state')
      .where('id', '=', deputy.id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('reviewed');
  });
});
