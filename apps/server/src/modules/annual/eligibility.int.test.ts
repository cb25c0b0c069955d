import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { evaluationBuilders } from '../evaluations/evaluations.fixtures';
import { annualBuilders, annualPeriod, runPrepareJobs } from './annual.fixtures';

/** Eligibility, the roll-up from closed monthly cycles, the leader–unit link and the mid-term period. */
describe('annual review: eligibility, roll-up, linkage, mid-term', () => {
  let t: TestContext;
  let ward: TestUnit;
  let admin: Client;
  const ids: Record<string, string> = {};
  let periodId: string;

  async function review(personId: string, track: 'state' | 'party') {
    const res = await admin.get(`/api/annual-reviews?periodId=${periodId}&track=${track}&pageSize=100`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const item = res.body.items.find((i: { personId: string }) => i.personId === personId);
    return item ? (await admin.get(`/api/annual-reviews/${item.id}`)).body : null;
  }

  beforeAll(async () => {
    t = await createTestContext();
    const b = annualBuilders(t.ctx.db, t.ctx.tenantId);
    const ev = evaluationBuilders(t.ctx.db, t.ctx.tenantId);
    ward = await t.build.unit({ name: 'Phường Kim Mã' });
    await b.typeUnit(ward, 'commune');
    ids.short = await b.person({ unit: ward, start: '2025-08-01' });
    ids.sick = await b.person({ unit: ward });
    await b.absence(ids.sick, 'sick', '2025-03-01', '2025-06-30');
    ids.maternity = await b.person({ unit: ward, start: '2025-01-01' });
    await b.absence(ids.maternity, 'maternity', '2025-02-01', '2025-08-31');
    ids.newMember = await b.person({ unit: ward, partyStatus: 'probationary', partyAdmitted: '2025-09-01' });
    ids.suspended = await b.person({ unit: ward, partyStatus: 'suspended' });
    ids.disciplined = await b.person({ unit: ward });
    await b.discipline(ids.disciplined, 'reprimand', '2025-05-10');
    ids.rolled = await b.person({ unit: ward });
    ids.leader = await b.person({ unit: ward, isLeader: true, partyStatus: 'full' });
    // Twelve closed monthly cycles: 8 months A, 4 months B, none D.
    for (let m = 1; m <= 12; m++) {
      const mm = String(m).padStart(2, '0');
      const end = new Date(Date.UTC(2025, m, 0)).toISOString().slice(0, 10);
      const cycle = await ev.cycle(ward, { periodStart: `2025-${mm}-01`, periodEnd: end });
      await t.ctx.db.updateTable('eval_cycle').set({ status: 'closed' }).where('id', '=', cycle.id).execute();
      const excellent = m <= 8;
      await ev.evaluation(cycle, {
        unit: ward,
        personId: ids.rolled,
        state: 'final',
        total: excellent ? 95 : 80,
        grade: excellent ? 'excellent' : 'good',
      });
    }
    admin = await t.as(await t.build.user({ role: 'admin', unit: t.root }));
    const created = await admin.post('/api/review-periods', annualPeriod(ward));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    periodId = created.body.id;
    await runPrepareJobs(t);
  });
  afterAll(() => t.close());

  it('does not grade someone with less than 6 months, but still asks for a self-review', async () => {
    const r = await review(ids.short!, 'state');
    expect(r.eligibility).toMatchObject({ status: 'notGraded', selfReviewRequired: true });
    expect(r.proposedGrade).toBeNull();
  });

  it('spares a mother on maternity leave the self-review', async () => {
    const r = await review(ids.maternity!, 'state');
    expect(r.eligibility).toMatchObject({ status: 'notGraded', selfReviewRequired: false });
  });

  it('caps at completed after 3 to 6 months of leave, and refuses a higher grade with the rule', async () => {
    const r = await review(ids.sick!, 'state');
    expect(r.eligibility).toMatchObject({ status: 'graded', cap: 'completed' });
    const self = await admin.post(`/api/annual-reviews/${r.id}/propose`, {
      grade: 'good',
      version: r.version,
    });
    expect([422]).toContain(self.status);
  });

  it('does not review a party member admitted less than 6 months ago, nor a suspended one', async () => {
    expect((await review(ids.newMember!, 'party')).state).toBe('notReviewed');
    expect((await review(ids.suspended!, 'party')).state).toBe('notReviewed');
  });

  it('forces not completed after a reprimand in the year', async () => {
    const r = await review(ids.disciplined!, 'state');
    expect(r.eligibility.forced).toBe('notCompleted');
  });

  it('rolls the closed months up into the proposal, with its inputs (Hanoi 3814 months)', async () => {
    const r = await review(ids.rolled!, 'state');
    expect(r.rollup).toMatchObject({ formula: 'monthlyGrades', counted: 12, listed: 12, score: 90 });
    expect(r.rollup.inputs).toHaveLength(12);
    expect(r.proposedGrade).toBe('excellent');
    expect(r.proposedScore).toBe(90);
  });

  it('refuses a leader excellent without the targets over-fulfilled, naming the reason', async () => {
    const r = await review(ids.leader!, 'state');
    expect(r.isLeader).toBe(true);
    const self = await t.ctx.db
      .updateTable('annual_review')
      .set({ state: 'selfReviewed', version: r.version + 1 })
      .where('id', '=', r.id)
      .executeTakeFirst();
    expect(Number(self.numUpdatedRows)).toBe(1);
    const refused = await admin.post(`/api/annual-reviews/${r.id}/propose`, {
      grade: 'excellent',
      version: r.version + 1,
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.error.code).toBe('LINKAGE_BROKEN');
    expect(refused.body.error.details.length).toBeGreaterThan(0);
    const ok = await admin.post(`/api/annual-reviews/${r.id}/propose`, {
      grade: 'excellent',
      targetsOverfulfilledPercent: 60,
      version: r.version + 1,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('prepares again: newcomers are enrolled and undecided proposals recomputed', async () => {
    const b = annualBuilders(t.ctx.db, t.ctx.tenantId);
    const late = await b.person({ unit: ward, start: '2025-02-01' });
    const period = (await admin.get(`/api/review-periods/${periodId}`)).body;
    const res = await admin.post(`/api/review-periods/${periodId}/prepare`, { version: period.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('preparing');
    expect(
      (await admin.post(`/api/review-periods/${periodId}/prepare`, { version: res.body.version })).status,
    ).toBe(409);
    await runPrepareJobs(t);
    expect((await admin.get(`/api/review-periods/${periodId}`)).body.state).toBe('open');
    expect((await review(late, 'state')).eligibility.status).toBe('graded');
  });

  it('runs a mid-term period over a term with the same machinery', async () => {
    const created = await admin.post('/api/review-periods', {
      kind: 'midterm',
      unitId: ward.id,
      termLabel: '2025–2030',
      periodStart: '2025-10-01',
      periodEnd: '2028-03-31',
      selfDue: '2028-04-10',
      meetingDue: '2028-04-20',
      decisionDue: '2028-04-30',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'midterm',
      year: null,
      termLabel: '2025–2030',
      stateRuleSetId: 'nd-335-2025',
    });
    await runPrepareJobs(t);
    const period = await admin.get(`/api/review-periods/${created.body.id}`);
    expect(period.body.state).toBe('open');
    expect(period.body.counts.people).toBeGreaterThan(5);
    const missing = await admin.post('/api/review-periods', {
      kind: 'midterm',
      unitId: ward.id,
      selfDue: '2028-04-10',
      meetingDue: '2028-04-20',
      decisionDue: '2028-04-30',
    });
    expect(missing.status).toBe(400);
  });
});
