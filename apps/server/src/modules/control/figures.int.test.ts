import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { jobHandlers } from '../../jobs/handlers';
import { createWorker } from '../../jobs/worker';
import { evaluationBuilders, type FxCycle } from '../evaluations/evaluations.fixtures';
import { controlBuilders } from './control.fixtures';
import { type Aggregates, liveAggregates, type Slice } from './control.repository';
import { storedAggregates, storedSubtreeGrades } from './figures.repository';
import { CONTROL_FIGURES_JOB, figuresChanged } from './figures.service';

/** Aggregates as plain data: Maps become sorted entries, so that equality is about the figures. */
function plain(a: Aggregates) {
  const figures = (f: Aggregates['total']) => ({
    ...f,
    clusters: [...f.clusters].sort((x, y) => x[0] - y[0]),
  });
  return {
    total: figures(a.total),
    units: [...a.units.values()].map(figures).sort((x, y) => (x.unitId < y.unitId ? -1 : 1)),
    meta: [...a.meta.values()].sort((x, y) => (x.unitId < y.unitId ? -1 : 1)),
  };
}

/**
 * The stored control figures (docs/CONTROL.md, "How it is computed") give exactly what the live
 * computation gives, for any subtree, unit and cluster size; they are refreshed by age for an open
 * cycle and by version after a change of a closed one.
 */
describe('stored control figures', () => {
  let t: TestContext;
  let ward: TestUnit;
  let team: TestUnit;
  let block: TestUnit;
  let cell: TestUnit;
  let moved: TestUnit;
  let cycle: FxCycle;
  let officer: Client;
  let inspector: Client;

  beforeAll(async () => {
    t = await createTestContext();
    const ev = evaluationBuilders(t.ctx.db, t.tenant.tenantId);
    const fx = controlBuilders(t.ctx.db, t.tenant.tenantId, ev);
    ward = await t.build.unit({ name: 'Phường Số Liệu' });
    team = await t.build.unit({ parent: ward, name: 'Tổ Một' });
    block = await t.build.unit({ parent: ward, name: 'Khối Hai' });
    cell = await t.build.unit({ parent: block, name: 'Chi bộ Ba' });
    moved = await t.build.unit({ parent: ward, name: 'Tổ Chuyển' });
    officer = await t.as(await t.build.user({ unit: ward, role: 'officer' }));
    inspector = await t.as(await t.build.user({ unit: ward, role: 'inspector' }));
    cycle = await ev.cycle(ward, { periodStart: '2026-10-01', periodEnd: '2026-10-31' });

    // Varied people: clusters of 2, 3 and 4 identical vectors, odd and even numbers of timed steps,
    // untimed and bulk steps, states that are not decided, results without a self-assessment.
    const seconds = [3, 7, 12, 45, 300, 8, 61, 2, 19];
    let i = 0;
    for (const [unit, n] of [
      [team, 9],
      [cell, 7],
      [block, 4],
      [moved, 6],
    ] as const) {
      for (let k = 0; k < n; k++, i++) {
        await fx.person(cycle, unit, {
          selfTotal: k % 5 === 4 ? null : k % 3 === 0 ? 100 : 80 + (k % 4),
          vector: k < 4 ? 0 : k < 7 ? 1 : k,
          state: k % 6 === 5 ? 'reviewed' : 'decided',
          grade: k % 6 === 5 ? null : (['excellent', 'good', 'completed', 'notCompleted'] as const)[k % 4],
          late: k % 4 === 1,
          ...(k % 5 === 3
            ? {}
            : {
                review: {
                  unchanged: k % 2 === 0,
                  seconds: k % 7 === 6 ? null : seconds[i % 9]!,
                  bulk: k % 3 === 1,
                },
              }),
          ...(k === 2 ? { reopen: 'Chấm lại' } : {}),
        });
      }
    }
    // Clusters of two and of three identical vectors in one unit.
    for (const vector of [2, 2, 3, 3, 3]) await fx.person(cycle, block, { selfTotal: 90, vector });
    // A unit enrolled under two paths (it moved during the cycle): two of its results keep the old one.
    const { rows } = await t.ctx.db
      .selectFrom('evaluation')
      .select('id')
      .where('unit_id', '=', moved.id)
      .orderBy('id')
      .limit(2)
      .execute()
      .then((r) => ({ rows: r }));
    await t.ctx.db
      .updateTable('evaluation')
      .set({ unit_path: `${block.path}cu/` })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    await t.services.control.figures.refresh(cycle.id);
  });
  afterAll(() => t.close());

  it('equal the live computation for every subtree, unit and cluster size', async () => {
    const slices: Slice[] = [];
    for (const unit of [ward, block, cell, team])
      slices.push({ tenantId: t.tenant.tenantId, cycleId: cycle.id, path: unit.path });
    for (const unit of [team, cell, moved, block])
      slices.push({ tenantId: t.tenant.tenantId, cycleId: cycle.id, path: ward.path, unitId: unit.id });
    slices.push({ tenantId: t.tenant.tenantId, cycleId: cycle.id, path: block.path, unitId: moved.id });
    for (const slice of slices) {
      for (const size of [2, 3, 4]) {
        const live = await liveAggregates(t.ctx.db, slice, size, 2026);
        const stored = await storedAggregates(t.ctx.db, slice, size, 2026);
        expect(plain(stored), `${slice.path} ${slice.unitId ?? ''} clusters from ${size}`).toEqual(
          plain(live),
        );
        if (!slice.unitId)
          expect(await storedSubtreeGrades(t.ctx.db, slice)).toEqual({
            graded: live.total.graded,
            excellent: live.total.excellent,
          });
      }
    }
    // The data really exercise what is compared.
    const all = await liveAggregates(
      t.ctx.db,
      { tenantId: t.tenant.tenantId, cycleId: cycle.id, path: ward.path },
      2,
      2026,
    );
    expect(all.total.medianSeconds).not.toBeNull();
    expect(all.total.reopened).toBe(4);
    expect([...all.total.clusters.keys()].length).toBeGreaterThan(1);
  });

  it('gives the same trends from the stored figures as from the evaluations of a cycle without them', async () => {
    const url = `/api/control/trends?cycleId=${cycle.id}&unitId=${block.id}`;
    const stored = await officer.get(url);
    expect(stored.status).toBe(200);
    const where = { tenant: t.tenant.tenantId, cycle: cycle.id };
    await t.ctx.db.transaction().execute(async (tx) => {
      for (const table of ['control_subtree_figures', 'control_figures', 'control_snapshot'] as const)
        await tx
          .deleteFrom(table)
          .where('tenant_id', '=', where.tenant)
          .where('cycle_id', '=', where.cycle)
          .execute();
    });
    const live = await officer.get(url);
    expect(live.body).toEqual(stored.body);
    expect(live.body.periods[0]).toMatchObject({ enrolled: 18 });
    await t.services.control.figures.refresh(cycle.id);
  });

  it('refreshes an open cycle in the background once its figures are older than the configured age', async () => {
    const url = `/api/control/dashboard?cycleId=${cycle.id}&unitId=${ward.id}`;
    const first = await officer.get(url);
    expect(first.status).toBe(200);
    const asOf = first.body.figuresAsOf;
    expect(Number.isNaN(Date.parse(asOf))).toBe(false);
    const late = first.body.kpis.late;
    await t.ctx.db.updateTable('evaluation').set({ late: true }).where('cycle_id', '=', cycle.id).execute();

    // Within the age: the stored figures as they are, nothing queued.
    const cached = await officer.get(url);
    expect(cached.body).toMatchObject({ figuresAsOf: asOf, kpis: { late } });
    const queued = () =>
      t.ctx.db
        .selectFrom('job')
        .select(['state', 'payload'])
        .where('kind', '=', CONTROL_FIGURES_JOB)
        .where('state', '=', 'queued')
        .execute();
    expect(await queued()).toHaveLength(0);

    // Older than the age: answered from the stored figures while one job (not two) refreshes them.
    await t.ctx.db
      .updateTable('control_snapshot')
      .set({ computed_at: new Date(Date.now() - 10 * 60_000) })
      .where('cycle_id', '=', cycle.id)
      .execute();
    const old = await officer.get(url);
    expect(old.body.kpis.late).toBe(late);
    await officer.get(url);
    expect(await queued()).toHaveLength(1);
    const worker = createWorker(t.ctx.db, jobHandlers(t.services), t.ctx.logger);
    expect(await worker.drain()).toBeGreaterThanOrEqual(1);
    const fresh = await officer.get(url);
    expect(fresh.body.kpis.late).toBe(fresh.body.kpis.enrolled);
    expect(Date.parse(fresh.body.figuresAsOf)).toBeGreaterThan(Date.parse(old.body.figuresAsOf));
  });

  it('makes a closed cycle’s figures stale on a change and recomputes them by a job', async () => {
    await t.ctx.db.updateTable('eval_cycle').set({ status: 'closed' }).where('id', '=', cycle.id).execute();
    const url = `/api/control/dashboard?cycleId=${cycle.id}&unitId=${ward.id}`;
    const before = await officer.get(url);
    // Closed and old: not refreshed by age.
    await t.ctx.db
      .updateTable('control_snapshot')
      .set({ computed_at: new Date(Date.now() - 60 * 60_000) })
      .where('cycle_id', '=', cycle.id)
      .execute();
    await officer.get(url);
    const worker = createWorker(t.ctx.db, jobHandlers(t.services), t.ctx.logger);
    expect(await worker.drain()).toBe(0);

    await t.ctx.db.updateTable('evaluation').set({ late: false }).where('cycle_id', '=', cycle.id).execute();
    await t.ctx.db.transaction().execute((tx) => figuresChanged(tx, t.tenant.tenantId, cycle.id));
    const stale = await officer.get(url);
    expect(stale.body.kpis.late).toBe(before.body.kpis.late);
    expect(await worker.drain()).toBe(1);
    const after = await officer.get(url);
    expect(after.body.kpis.late).toBe(0);
    const snapshot = await t.ctx.db
      .selectFrom('control_snapshot')
      .select(['version', 'computed_version'])
      .where('cycle_id', '=', cycle.id)
      .executeTakeFirstOrThrow();
    expect(snapshot.computed_version).toBe(snapshot.version);
  });

  it('lets an officer recompute the figures now; an inspector reads them only', async () => {
    const url = `/api/control/dashboard?cycleId=${cycle.id}&unitId=${block.id}`;
    const before = await officer.get(url);
    expect(before.body.canRefreshFigures).toBe(true);
    expect((await inspector.get(url)).body.canRefreshFigures).toBe(false);
    const body = { cycleId: cycle.id, unitId: block.id };
    expect((await inspector.post('/api/control/figures/refresh', body)).status).toBe(403);
    await t.ctx.db.updateTable('evaluation').set({ late: true }).where('unit_id', '=', cell.id).execute();
    const refreshed = await officer.post('/api/control/figures/refresh', body);
    expect(refreshed.status).toBe(200);
    expect(Date.parse(refreshed.body.figuresAsOf)).toBeGreaterThan(Date.parse(before.body.figuresAsOf));
    const after = await officer.get(url);
    expect(after.body.figuresAsOf).toBe(refreshed.body.figuresAsOf);
    expect(after.body.kpis.late).toBe(before.body.kpis.late + 7);
  });
});
