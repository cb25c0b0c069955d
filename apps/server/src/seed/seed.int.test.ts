import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context';
import { verifyAuditChain } from '../audit/verify';
import { todayInVietnam } from '../modules/units/units.dates';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DemoAlreadySeeded,
  existingDemoAccounts,
  type SeedResult,
  seedDemoData,
} from './demo';
import { demoScore } from './evaluation-scores';

describe('seed demo --scale small', () => {
  let t: TestContext;
  let result: SeedResult;
  const count = async (query: ReturnType<typeof sql<{ n: number | string }>>) =>
    Number((await query.execute(t.ctx.db)).rows[0]!.n);

  beforeAll(async () => {
    t = await createTestContext();
    result = await seedDemoData(t.ctx, t.tenant, { scale: 'small', seed: 1 });
  });
  afterAll(() => t.close());

  it('writes the units, about 300 people with one current main position each, and concurrent posts', async () => {
    const tenant = t.tenant.tenantId;
    expect(result.units).toBeGreaterThanOrEqual(30);
    expect(result.people).toBeGreaterThanOrEqual(250);
    expect(result.people).toBeLessThanOrEqual(350);
    expect(await count(sql`SELECT count(*) AS n FROM org_unit WHERE tenant_id = ${tenant}`)).toBe(
      result.units + 1,
    );
    expect(await count(sql`SELECT count(*) AS n FROM person WHERE tenant_id = ${tenant}`)).toBe(
      result.people,
    );
    expect(await count(sql`SELECT count(*) AS n FROM position WHERE tenant_id = ${tenant}`)).toBe(
      result.positions,
    );
    const withoutOneMain = sql<{
      n: string;
    }>`SELECT count(*) AS n FROM person p WHERE p.tenant_id = ${tenant} AND (
      SELECT count(*) FROM position q WHERE q.tenant_id = p.tenant_id AND q.person_id = p.id AND NOT q.is_concurrent AND q.end_date IS NULL) <> 1`;
    expect(await count(withoutOneMain)).toBe(0);
    expect(
      await count(sql`SELECT count(*) AS n FROM position WHERE tenant_id = ${tenant} AND is_concurrent`),
    ).toBeGreaterThan(0);
    expect(
      await count(sql`SELECT count(*) AS n FROM org_unit WHERE tenant_id = ${tenant} AND is_party_org
      AND type IN ('party_cell', 'base_party_cell')`),
    ).toBeGreaterThan(5);
  });

  it('keeps every path equal to its parent’s path plus its own id', async () => {
    const broken = sql<{ n: string }>`SELECT count(*) AS n FROM org_unit c
      JOIN org_unit p ON p.tenant_id = c.tenant_id AND p.id = c.parent_id
      WHERE c.tenant_id = ${t.tenant.tenantId} AND (c.path <> p.path || c.id::text || '/' OR c.depth <> p.depth + 1)`;
    expect(await count(broken)).toBe(0);
    const orphans = sql<{
      n: string;
    }>`SELECT count(*) AS n FROM org_unit WHERE tenant_id = ${t.tenant.tenantId}
      AND parent_id IS NULL AND id <> ${t.tenant.rootUnitId}`;
    expect(await count(orphans)).toBe(0);
  });

  it('gives every unit exactly one open version that matches the unit', async () => {
    const notOne = sql<{
      n: string;
    }>`SELECT count(*) AS n FROM org_unit u WHERE u.tenant_id = ${t.tenant.tenantId} AND (
      SELECT count(*) FROM org_unit_version v WHERE v.tenant_id = u.tenant_id AND v.unit_id = u.id AND v.valid_to IS NULL) <> 1`;
    expect(await count(notOne)).toBe(0);
    const differs = sql<{ n: string }>`SELECT count(*) AS n FROM org_unit u JOIN org_unit_version v
      ON v.tenant_id = u.tenant_id AND v.unit_id = u.id AND v.valid_to IS NULL
      WHERE u.tenant_id = ${t.tenant.tenantId} AND (v.path <> u.path OR v.name <> u.name OR v.type <> u.type OR v.valid_from <> u.valid_from)`;
    expect(await count(differs)).toBe(0);
  });

  it('lets every demo account sign in, linked to its person where it has one', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const res = await t.anonymous().signIn(account.username, DEMO_PASSWORD);
      expect(res.status, account.username).toBe(200);
    }
    const staff = await t.ctx.db
      .selectFrom('app_user as a')
      .innerJoin('person as p', (j) =>
        j.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.id', '=', 'a.person_id'),
      )
      .innerJoin('org_unit as u', (j) =>
        j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.unit_id'),
      )
      .select(['p.full_name', 'u.code', 'p.search_key'])
      .where('a.tenant_id', '=', t.tenant.tenantId)
      .where('a.username_key', '=', 'chuyenvien')
      .executeTakeFirstOrThrow();
    expect(staff).toEqual({ full_name: 'Phạm Minh Đức', code: 'P-BADINH-KT', search_key: 'pham minh duc' });
    expect((await existingDemoAccounts(t.ctx)).map((a) => a.username)).toEqual(
      DEMO_ACCOUNTS.map((a) => a.username),
    );
  });

  it('records one audit entry for the whole run, on an intact chain', async () => {
    const entries = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('tenant_id', '=', t.tenant.tenantId)
      .where('action', '=', 'demo.seeded')
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({ scale: 'small', seed: 1, people: result.people });
    expect((await verifyAuditChain(t.ctx.db, t.tenant.tenantId)).ok).toBe(true);
  });

  it('seeds periodic evaluation: last month closed with final grades, this month at every step', async () => {
    const rows = await t.ctx.db
      .selectFrom('evaluation as e')
      .innerJoin('eval_cycle as c', (j) =>
        j.onRef('c.tenant_id', '=', 'e.tenant_id').onRef('c.id', '=', 'e.cycle_id'),
      )
      .select(['c.status', 'c.unit_id', 'e.state', 'e.scores', 'e.total', 'e.grade', 'e.is_leader'])
      .where('e.tenant_id', '=', t.tenant.tenantId)
      .execute();
    const closed = rows.filter((r) => r.status === 'closed');
    // Last month's cycle of the root; the ward's earlier months are the annual review's (below).
    expect(closed.filter((r) => r.unit_id === t.tenant.rootUnitId)).toHaveLength(result.people);
    expect(closed.every((r) => r.state === 'final' && r.grade !== null)).toBe(true);
    const open = rows.filter((r) => r.status === 'open');
    expect(new Set(open.map((r) => r.state))).toEqual(
      new Set(['draft', 'selfAssessed', 'reviewed', 'decided']),
    );
    for (const r of rows.filter((x) => x.grade !== null)) {
      const scored = demoScore(r.scores as unknown as Record<string, number>, r.is_leader);
      expect([Number(r.total), r.grade]).toEqual([scored.total, scored.grade]);
    }
    const staff = await sql<{ state: string; tasks: string }>`SELECT e.state,
        (SELECT count(*) FROM eval_task k WHERE k.tenant_id = e.tenant_id AND k.evaluation_id = e.id) AS tasks
      FROM evaluation e JOIN eval_cycle c ON c.tenant_id = e.tenant_id AND c.id = e.cycle_id
      JOIN app_user a ON a.tenant_id = e.tenant_id AND a.person_id = e.person_id
      WHERE e.tenant_id = ${t.tenant.tenantId} AND c.status = 'open' AND a.username_key = 'chuyenvien'`.execute(
      t.ctx.db,
    );
    expect(staff.rows).toEqual([{ state: 'draft', tasks: expect.anything() }]);
    expect(Number(staff.rows[0]!.tasks)).toBeGreaterThan(0);
    const frameworks = await t.ctx.db
      .selectFrom('eval_framework')
      .select(['rule_set_id', 'status'])
      .where('tenant_id', '=', t.tenant.tenantId)
      .orderBy('rule_set_id')
      .execute();
    expect(frameworks).toEqual([
      { rule_set_id: 'hn-3814-2018', status: 'published' },
      { rule_set_id: 'nd-335-2025', status: 'published' },
    ]);
  });

  it('seeds the annual review: the ward’s earlier months, this year’s period prepared, steps under way, a weak cell', async () => {
    const tenant = t.tenant.tenantId;
    const year = Number(todayInVietnam().slice(0, 4));
    const months = await sql<{ period_start: string; n: string; graded: string }>`
      SELECT c.period_start, count(e.id) AS n, count(e.grade) AS graded FROM eval_cycle c
        JOIN org_unit u ON u.tenant_id = c.tenant_id AND u.id = c.unit_id
        LEFT JOIN evaluation e ON e.tenant_id = c.tenant_id AND e.cycle_id = c.id AND e.state = 'final'
       WHERE c.tenant_id = ${tenant} AND u.code = 'P-BADINH' AND c.status = 'closed'
       GROUP BY c.period_start ORDER BY c.period_start`.execute(t.ctx.db);
    const lastMonth = new Date(Date.UTC(year, Number(todayInVietnam().slice(5, 7)) - 2, 1));
    const expected = lastMonth.getUTCFullYear() === year ? lastMonth.getUTCMonth() : 0;
    expect(months.rows).toHaveLength(expected);
    for (const m of months.rows) {
      expect(m.period_start.slice(0, 4)).toBe(String(year));
      expect(Number(m.n)).toBeGreaterThan(0);
      expect(m.graded).toBe(m.n);
    }
    const period = await t.ctx.db
      .selectFrom('review_period')
      .select(['id', 'state', 'year', 'kind'])
      .where('tenant_id', '=', tenant)
      .executeTakeFirstOrThrow();
    expect(period).toMatchObject({ state: 'open', year, kind: 'annual' });
    const reviews = await sql<{ subject: string; state: string; rolled: string; n: string }>`
      SELECT subject, state, count(*) FILTER (WHERE rollup IS NOT NULL) AS rolled, count(*) AS n
        FROM annual_review WHERE tenant_id = ${tenant} AND period_id = ${period.id}
       GROUP BY subject, state`.execute(t.ctx.db);
    const states = new Set(reviews.rows.filter((r) => r.subject === 'person').map((r) => r.state));
    expect(states).toEqual(new Set(['pending', 'selfReviewed', 'proposed']));
    expect(reviews.rows.some((r) => r.subject !== 'person')).toBe(true);
    const steps = await sql<{ n: string }>`SELECT count(*) AS n FROM annual_review_step s
      JOIN annual_review r ON r.tenant_id = s.tenant_id AND r.id = s.review_id
      WHERE s.tenant_id = ${tenant} AND r.state IN ('selfReviewed', 'proposed')`.execute(t.ctx.db);
    expect(Number(steps.rows[0]!.n)).toBeGreaterThan(0);
    const staffReview = await sql<{ state: string }>`SELECT r.state FROM annual_review r
      JOIN app_user a ON a.tenant_id = r.tenant_id AND a.person_id = r.person_id
      WHERE r.tenant_id = ${tenant} AND r.period_id = ${period.id} AND r.track = 'state'
        AND a.username_key = 'chuyenvien'`.execute(t.ctx.db);
    expect(staffReview.rows).toEqual([{ state: 'pending' }]);
    const weak = await t.ctx.db
      .selectFrom('weak_org')
      .select(['year', 'reason', 'status', 'measures'])
      .where('tenant_id', '=', tenant)
      .execute();
    expect(weak).toHaveLength(1);
    expect(weak[0]).toMatchObject({ year, reason: 'designated', status: 'inProgress' });
    const measures = weak[0]!.measures as unknown as { responsiblePersonId: string | null }[];
    expect(measures.length).toBeGreaterThan(0);
    expect(measures.every((m) => m.responsiblePersonId !== null)).toBe(true);
    const jobs = await sql<{ state: string }>`SELECT state FROM job WHERE kind = 'annual.prepare'`.execute(
      t.ctx.db,
    );
    expect(jobs.rows).toEqual([{ state: 'done' }]);
  });

  it('refuses to seed the same database twice and leaves it as it was', async () => {
    await expect(seedDemoData(t.ctx, t.tenant, { scale: 'small' })).rejects.toBeInstanceOf(DemoAlreadySeeded);
    await expect(seedDemoData(t.ctx, t.tenant, { scale: 'city' })).rejects.toThrow(
      /already has the demo data/,
    );
    expect(await count(sql`SELECT count(*) AS n FROM person WHERE tenant_id = ${t.tenant.tenantId}`)).toBe(
      result.people,
    );
  });
});
