import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context';
import { newId } from '../../ids';
import { evaluationBuilders } from './evaluations.fixtures';
import { reviewersSinceSubmitIn, stepsOf } from './evaluations.repository';
import {
  type WaitingColumns,
  type WaitingRow,
  waitingColumns,
  waitingFactsOf,
  waitingOnMany,
  whoWaits,
} from './waiting';

/** Who an item waits on, computed for many items at once (reminders) and for one (after a step). */
describe('waiting users of evaluations', () => {
  let t: TestContext;
  const today = '2030-03-10';
  const ids: Record<string, string> = {};
  let rows: WaitingRow[] = [];

  beforeAll(async () => {
    t = await createTestContext();
    const { db } = t.ctx;
    const tenantId = t.tenant.tenantId;
    const build = evaluationBuilders(db, tenantId);
    const ward = await t.build.unit({ name: 'Phường Chờ xử lý' });
    const other = await t.build.unit({ name: 'Phường Khác' });
    ids.reviewer = (await t.build.user({ unit: ward, role: 'manager', grantUnit: ward })).id;
    ids.second = (await t.build.user({ unit: ward, role: 'manager', grantUnit: ward })).id;
    ids.head = (await t.build.user({ unit: ward, role: 'head', grantUnit: ward })).id;
    ids.deputy = (await t.build.user({ unit: ward, role: 'staff' })).id;
    ids.stranger = (await t.build.user({ unit: other, role: 'manager', grantUnit: other })).id;
    ids.staff = (await t.build.user({ unit: ward, role: 'staff' })).id;
    const cycle = await build.cycle(ward, { periodStart: '2030-02-01', periodEnd: '2030-02-28' });
    const draft = await build.evaluation(cycle, { unit: ward, state: 'draft' });
    const submitted = await build.evaluation(cycle, { unit: ward, state: 'selfAssessed' });
    const halfway = await build.evaluation(cycle, { unit: ward, state: 'inReview', reviewLevels: 2 });
    const reviewed = await build.evaluation(cycle, { unit: ward, state: 'reviewed' });
    const published = await build.evaluation(cycle, { unit: ward, state: 'published' });
    await build.link(ids.staff, draft.personId);
    // The second manager reviewed `halfway` at level 1 after it was submitted: not asked again.
    const step = (evaluationId: string, seq: number, action: string, actor: string) => ({
      tenant_id: tenantId,
      id: newId(),
      evaluation_id: evaluationId,
      seq,
      action,
      from_state: 'draft',
      to_state: 'selfAssessed',
      actor_user_id: actor,
      actor_name: 'Người dùng',
      at: new Date(),
    });
    await db
      .insertInto('evaluation_step')
      .values([step(halfway.id, 1, 'submitSelf', ids.staff), step(halfway.id, 2, 'review', ids.second)])
      .execute();
    // The reviewer is away: a deputy acts for them this week (and an expired delegation does nothing).
    const delegation = (to: string, from: string, validFrom: string, validTo: string) => ({
      tenant_id: tenantId,
      id: newId(),
      from_user_id: from,
      to_user_id: to,
      valid_from: validFrom,
      valid_to: validTo,
      created_at: new Date(),
    });
    await db
      .insertInto('eval_delegation')
      .values([
        delegation(ids.deputy, ids.reviewer, '2030-03-08', '2030-03-14'),
        delegation(ids.stranger, ids.head, '2030-01-01', '2030-01-31'),
      ])
      .execute();
    rows = await db
      .selectFrom('evaluation')
      .select(['id', 'tenant_id', 'person_id', 'state', 'decision_unit_path'])
      .where('cycle_id', '=', cycle.id)
      .execute();
    Object.assign(ids, {
      draft: draft.id,
      submitted: submitted.id,
      halfway: halfway.id,
      reviewed: reviewed.id,
      published: published.id,
    });
  });
  afterAll(() => t.close());

  it('names the person while drafting, reviewers and their deputies in review, heads for the decision', async () => {
    const waiting = await waitingOnMany(t.ctx.db, t.tenant.tenantId, rows, today);
    const sorted = (id: string) => [...(waiting.get(id) ?? [])].sort();
    expect(sorted(ids.draft!)).toEqual([ids.staff]);
    // Heads hold the review permission too.
    expect(sorted(ids.submitted!)).toEqual([ids.reviewer, ids.second, ids.head, ids.deputy].sort());
    expect(sorted(ids.halfway!)).toEqual([ids.reviewer, ids.head, ids.deputy].sort());
    expect(sorted(ids.reviewed!)).toEqual([ids.head]);
    expect(sorted(ids.published!)).toEqual([]);
  });

  it('gives the same answer one item at a time', async () => {
    const many = await waitingOnMany(t.ctx.db, t.tenant.tenantId, rows, today);
    for (const row of rows) {
      const one = await waitingOnMany(t.ctx.db, t.tenant.tenantId, [row], today);
      expect(one.get(row.id)?.sort()).toEqual([...(many.get(row.id) ?? [])].sort());
    }
  });

  // A step takes the reviewers of this round from the steps it reads for its answer.
  const earlierOf = async (id: string) =>
    reviewersSinceSubmitIn(await stepsOf(t.ctx.db, t.tenant.tenantId, id));

  it('gives the same answer from the columns a step reads with its row', async () => {
    for (const day of [today, '2030-03-15']) {
      const many = await waitingOnMany(t.ctx.db, t.tenant.tenantId, rows, day);
      for (const row of rows) {
        const columns = (await t.ctx.db
          .selectFrom('evaluation as e')
          .select(waitingColumns(day))
          .where('e.id', '=', row.id)
          .executeTakeFirstOrThrow()) as WaitingColumns;
        const one = whoWaits([row], waitingFactsOf(row, columns, await earlierOf(row.id))).get(row.id) ?? [];
        expect(one.sort(), `${row.state} on ${day}`).toEqual([...(many.get(row.id) ?? [])].sort());
      }
    }
  });

  it('leaves out who is reviewing now when the item moves to the next level', async () => {
    const halfway = rows.find((r) => r.id === ids.halfway)!;
    const columns = (await t.ctx.db
      .selectFrom('evaluation as e')
      .select(waitingColumns(today))
      .where('e.id', '=', halfway.id)
      .executeTakeFirstOrThrow()) as WaitingColumns;
    const next = { ...halfway, reviewed_now: [ids.reviewer!] };
    // Nor the deputy, who would act for the same reviewer.
    const earlier = await earlierOf(halfway.id);
    expect(whoWaits([next], waitingFactsOf(next, columns, earlier)).get(halfway.id)).toEqual([ids.head]);
  });

  it('drops the deputy once the delegation has ended', async () => {
    const waiting = await waitingOnMany(t.ctx.db, t.tenant.tenantId, rows, '2030-03-15');
    expect(waiting.get(ids.submitted!)?.sort()).toEqual([ids.reviewer, ids.second, ids.head].sort());
  });
});
