import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { verifyAuditChain } from '../../audit/verify';
import { newId } from '../../ids';
import { evaluationBuilders, scores3814, scoresFor } from './evaluations.fixtures';

/** Quotas, disqualifiers, KPI, the cycle's close and the completion monitor (docs/EVALUATIONS.md). */
describe('evaluation control', () => {
  let t: TestContext;
  let build: ReturnType<typeof evaluationBuilders>;
  let ward: TestUnit;
  let head: Client;
  let officer: Client;

  beforeAll(async () => {
    t = await createTestContext();
    build = evaluationBuilders(t.ctx.db, t.tenant.tenantId);
    ward = await t.build.unit({ name: 'Phường Kiểm soát' });
    head = await t.as(await t.build.user({ unit: ward, role: 'head' }));
    officer = await t.as(await t.build.user({ unit: ward, role: 'officer' }));
  });
  afterAll(() => t.close());

  async function decide(id: string) {
    const v = (await head.get(`/api/evaluations/${id}`)).body.version;
    return head.post(`/api/evaluations/${id}/decide`, { version: v });
  }

  async function product(unit: TestUnit, coefficient = 1) {
    const id = newId();
    await t.ctx.db
      .insertInto('kpi_product')
      .values({
        tenant_id: t.tenant.tenantId,
        id,
        unit_id: unit.id,
        code: `SP${id.slice(-6)}`,
        name: 'Văn bản tham mưu',
        coefficient,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
    return id;
  }

  it('refuses a decision over the quota naming the numbers; the outstanding mark raises the cap', async () => {
    const unit = await t.build.unit({ parent: ward, name: 'Tổ Tỷ lệ' });
    const cycle = await build.cycle(ward);
    const items = [];
    for (let i = 0; i < 5; i++) {
      items.push(
        await build.evaluation(cycle, { unit, state: 'reviewed', scores: scores3814(i < 2 ? 95 : 80) }),
      );
    }
    for (const i of items.slice(2)) expect((await decide(i.id)).status).toBe(200);
    expect((await decide(items[0]!.id)).status).toBe(200);
    const refused = await decide(items[1]!.id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('QUOTA_EXCEEDED');
    expect(refused.body.error.message).toContain('(2)');
    expect(refused.body.error.message).toContain('tối đa 1');
    expect(refused.body.error.messageEn).toContain('maximum of 1');
    await t.ctx.db
      .updateTable('eval_cycle_unit')
      .set({ outstanding: true })
      .where('cycle_id', '=', cycle.id)
      .where('unit_id', '=', unit.id)
      .execute();
    expect((await decide(items[1]!.id)).status).toBe(200);
  });

  it('checks the quota within each group of similar posts under nd-335-2025', async () => {
    const unit = await t.build.unit({ parent: ward, name: 'Sở Nhóm' });
    const cycle = await build.cycle(ward, {
      ruleSetId: 'nd-335-2025',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
    });
    const prod = await product(unit);
    const plan: [string, number][] = [
      ...Array.from({ length: 6 }, () => ['A', 15] as [string, number]),
      ['A', 30],
      ...Array.from({ length: 4 }, () => ['B', 15] as [string, number]),
      ['B', 30],
    ];
    for (const [group, general] of plan) {
      const ev = await build.evaluation(cycle, {
        unit,
        titleGroup: group,
        state: 'reviewed',
        scores: scoresFor('nd-335-2025', general),
      });
      await t.ctx.db
        .insertInto('kpi_entry')
        .values({
          tenant_id: t.tenant.tenantId,
          id: newId(),
          evaluation_id: ev.id,
          product_id: prod,
          coefficient: 1,
          assigned: 10,
          completed: 10,
          created_at: new Date(),
          updated_at: new Date(),
        })
        .execute();
    }
    const res = await head.post(`/api/cycles/${cycle.id}/units/${unit.id}/decide-all`);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('QUOTA_EXCEEDED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['titleGroup.B']);
    expect(res.body.error.message).toContain('B');
    const board = await head.get(`/api/cycles/${cycle.id}/units/${unit.id}/board`);
    expect(board.body.items.every((i: { state: string }) => i.state === 'reviewed')).toBe(true);
  });

  it('grades a person with a reprimand in the year as not completed whatever the score (nd-335-2025)', async () => {
    const unit = await t.build.unit({ parent: ward, name: 'Tổ Kỷ luật' });
    const cycle = await build.cycle(ward, {
      ruleSetId: 'nd-335-2025',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
    });
    const prod = await product(unit);
    const ev = await build.evaluation(cycle, {
      unit,
      state: 'reviewed',
      scores: scoresFor('nd-335-2025', 30),
    });
    await t.ctx.db
      .insertInto('kpi_entry')
      .values({
        tenant_id: t.tenant.tenantId,
        id: newId(),
        evaluation_id: ev.id,
        product_id: prod,
        coefficient: 1,
        assigned: 5,
        completed: 5,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
    await t.ctx.db
      .insertInto('discipline')
      .values({
        tenant_id: t.tenant.tenantId,
        id: newId(),
        person_id: ev.personId,
        form: 'reprimand',
        decision_date: '2026-02-10',
        created_at: new Date(),
      })
      .execute();
    const res = await decide(ev.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.total).toBe(100);
    expect(res.body.grade).toBe('notCompleted');
    expect(res.body.rule.code).toContain('discipline');
    expect(res.body.facts.disciplinesInYear).toEqual(['reprimand']);
  });

  it('scores KPI with a 25% deduction per failure unless the reviewer confirms an objective cause', async () => {
    const unit = await t.build.unit({ parent: ward, name: 'Tổ KPI' });
    const cycle = await build.cycle(ward, {
      ruleSetId: 'nd-335-2025',
      periodStart: '2026-08-01',
      periodEnd: '2026-08-31',
    });
    const prod = await product(unit, 2);
    const user = await t.build.user({ unit, role: 'staff' });
    const ev = await build.evaluation(cycle, { unit });
    await build.link(user.id, ev.personId);
    const me = await t.as(user);
    const saved = await me.put(`/api/evaluations/${ev.id}/kpi`, {
      entries: [{ productId: prod, assigned: 4, completed: 4, qualityFailures: 1, delays: 0 }],
      version: 1,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const entry = saved.body.kpi.entries[0];
    expect(entry.coefficient).toBe(2);
    const without = saved.body.kpi.result.points;
    expect(without).toBeLessThan(70);
    const v = saved.body.version;
    await me.post(`/api/evaluations/${ev.id}/submit`, { scores: scoresFor('nd-335-2025', 20), version: v });
    expect(
      (
        await me.post(`/api/evaluations/${ev.id}/kpi/${entry.id}/objective`, {
          objectiveQualityFailures: 1,
          objectiveDelays: 0,
          note: 'Mất điện',
          version: 1,
        })
      ).status,
    ).toBe(403);
    const tooMany = await head.post(`/api/evaluations/${ev.id}/kpi/${entry.id}/objective`, {
      objectiveQualityFailures: 2,
      objectiveDelays: 0,
      note: 'Sự cố',
      version: 1,
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.details[0].path).toBe('objectiveQualityFailures');
    const ok = await head.post(`/api/evaluations/${ev.id}/kpi/${entry.id}/objective`, {
      objectiveQualityFailures: 1,
      objectiveDelays: 0,
      note: 'Hệ thống mạng gặp sự cố',
      version: 1,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const detail = (await head.get(`/api/evaluations/${ev.id}`)).body;
    expect(detail.kpi.result.points).toBe(70);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'evaluation.kpiObjectiveCause')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('closes a cycle: lapses what was not decided, finalises published results, keeps the audit chain valid', async () => {
    const unit = await t.build.unit({ parent: ward, name: 'Tổ Khóa sổ' });
    const cycle = await build.cycle(ward, { periodStart: '2026-04-01', periodEnd: '2026-04-30' });
    const published = [];
    for (let i = 0; i < 4; i++) {
      published.push(
        await build.evaluation(cycle, {
          unit,
          state: 'published',
          scores: scores3814(i === 0 ? 92 : 75),
          grade: 'good',
        }),
      );
    }
    const draft = await build.evaluation(cycle, { unit });
    const reviewed = await build.evaluation(cycle, { unit, state: 'reviewed', scores: scores3814(80) });
    const complained = await build.evaluation(cycle, { unit, state: 'complained', scores: scores3814(80) });
    expect((await head.post(`/api/cycles/${cycle.id}/close`)).status).toBe(403);
    const blocked = await officer.post(`/api/cycles/${cycle.id}/close`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toContain('1 phiếu');
    await t.ctx.db
      .updateTable('evaluation')
      .set({ state: 'notEvaluated' })
      .where('id', '=', complained.id)
      .execute();
    const closed = await officer.post(`/api/cycles/${cycle.id}/close`);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ finalised: 4, notEvaluated: 2, quotaViolations: [] });
    expect(closed.body.cycle.status).toBe('closed');
    const rows = await t.ctx.db
      .selectFrom('evaluation')
      .select(['id', 'state', 'grade', 'total'])
      .where('cycle_id', '=', cycle.id)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(published[0]!.id)).toMatchObject({ state: 'final', grade: 'excellent', total: 92 });
    expect(byId.get(draft.id)!.state).toBe('notEvaluated');
    expect(byId.get(reviewed.id)!.state).toBe('notEvaluated');
    const steps = await t.ctx.db
      .selectFrom('evaluation_step')
      .select(['action', 'seq'])
      .where('evaluation_id', '=', reviewed.id)
      .execute();
    expect(steps).toEqual([{ action: 'lapse', seq: 1 }]);
    expect((await verifyAuditChain(t.ctx.db, t.tenant.tenantId)).ok).toBe(true);
    expect((await officer.post(`/api/cycles/${cycle.id}/close`)).status).toBe(409);
  });

  it('refuses to close while final grades break a unit quota, listing the unit', async () => {
    const unit = await t.build.unit({ parent: ward, name: 'Tổ Vượt' });
    const cycle = await build.cycle(ward, { periodStart: '2026-03-01', periodEnd: '2026-03-31' });
    for (let i = 0; i < 3; i++)
      await build.evaluation(cycle, { unit, state: 'published', scores: scores3814(95) });
    const res = await officer.post(`/api/cycles/${cycle.id}/close`);
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].message).toContain('Tổ Vượt');
    expect(res.body.error.details[0].violation).toMatchObject({ unitId: unit.id, group: null });
  });

  it('monitors completion per unit and its direct children, with late items', async () => {
    const parent = await t.build.unit({ parent: ward, name: 'Khối Giám sát' });
    const a = await t.build.unit({ parent, name: 'Tổ A' });
    const b = await t.build.unit({ parent, name: 'Tổ B' });
    const cycle = await build.cycle(parent, { periodStart: '2027-02-01', periodEnd: '2027-02-28' });
    await build.evaluation(cycle, { unit: a, state: 'decided', scores: scores3814(80), grade: 'good' });
    await build.evaluation(cycle, { unit: a, state: 'draft' });
    const late = await build.evaluation(cycle, { unit: b, state: 'selfAssessed' });
    await t.ctx.db.updateTable('evaluation').set({ late: true }).where('id', '=', late.id).execute();
    const res = await officer.get(`/api/cycles/${cycle.id}/monitor`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.total).toMatchObject({ enrolled: 3, late: 1, completion: 33.33 });
    const rowA = res.body.rows.find((r: { unitId: string }) => r.unitId === a.id);
    expect(rowA).toMatchObject({ enrolled: 2, completion: 50 });
    expect(rowA.grades.good).toBe(1);
    expect(res.body.late.map((l: { id: string }) => l.id)).toEqual([late.id]);
    const staff = await t.as(await t.build.user({ unit: a, role: 'staff' }));
    expect((await staff.get(`/api/cycles/${cycle.id}/monitor`)).status).toBe(404);
  });
});
