import { systemActor } from '../../src/access/actor';
import { newId } from '../../src/ids';
import { databaseFileStore } from '../../src/modules/evaluations/files';
import {
  addPerson,
  evaluationIn,
  openCycle,
  publishedFramework,
} from '../../src/modules/evaluations/setup.fixtures';
import type { MatrixFixture, Side } from '../permission-matrix';

/** Targets of the evaluation setup entries (evaluation-setup.ts), built through the DB or the services. */

export const system = (fx: MatrixFixture) => systemActor(fx.t.ctx.tenantId, 'test');

export async function draftFramework(fx: MatrixFixture, side: Side) {
  const unit = await fx.unit(side);
  return fx.t.services.frameworks.create(system(fx), {
    ruleSetId: 'hn-3814-2018',
    unitId: unit.id,
    name: 'Khung nháp',
  });
}

/** A cycle of a new unit under the home unit, with one person enrolled there. */
export async function cycleOf(fx: MatrixFixture, side: Side) {
  const unit = await fx.unit(side);
  await addPerson(fx.t, unit, [{ unit, start: '2020-01-01' }]);
  const framework = await publishedFramework(fx.t, unit);
  const cycle = await openCycle(fx.t, unit, framework.id, '2026-10-01');
  return { unit, framework, cycle };
}

/** In B: an evaluation of the person linked to the root administrator; in A: someone else's. */
export async function evaluationOf(fx: MatrixFixture, side: Side) {
  if (side === 'A') return (await evaluationIn(fx.t, fx.home.A)).evaluation;
  const { db, tenantId } = fx.t.ctx;
  const admin = await db
    .selectFrom('app_user as u')
    .innerJoin('role_grant as g', (j) =>
      j.onRef('g.tenant_id', '=', 'u.tenant_id').onRef('g.user_id', '=', 'u.id'),
    )
    .select('u.person_id')
    .where('u.tenant_id', '=', tenantId)
    .where('g.role', '=', 'admin')
    .where('g.unit_id', '=', fx.t.root.id)
    .where('u.person_id', 'is not', null)
    .executeTakeFirstOrThrow();
  // Written directly: the cases run in parallel, and enrolment would pick one of the person's posts.
  const unit = await fx.unit('B');
  const framework = await publishedFramework(fx.t, unit);
  const cycle = await openCycle(fx.t, unit, framework.id, '2026-10-01');
  const id = newId();
  const now = new Date();
  await db
    .insertInto('evaluation')
    .values({
      tenant_id: tenantId,
      id,
      cycle_id: cycle.id,
      person_id: admin.person_id!,
      unit_id: unit.id,
      unit_path: unit.path,
      decision_unit_id: unit.id,
      decision_unit_path: unit.path,
      framework_id: framework.id,
      rule_set_id: framework.ruleSetId,
      state: 'draft',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id };
}

export async function taskOf(fx: MatrixFixture, side: Side) {
  const evaluation = await evaluationOf(fx, side);
  const id = newId();
  const now = new Date();
  await fx.t.ctx.db
    .insertInto('eval_task')
    .values({
      tenant_id: fx.t.ctx.tenantId,
      id,
      evaluation_id: evaluation.id,
      title: 'Soạn báo cáo tháng',
      deadline: '2026-10-25',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { evaluationId: evaluation.id, taskId: id };
}

export async function fileOf(fx: MatrixFixture, side: Side) {
  const { evaluationId, taskId } = await taskOf(fx, side);
  const { db, tenantId } = fx.t.ctx;
  const stored = await db.transaction().execute((tx) =>
    databaseFileStore.put(tx, tenantId, {
      name: 'minh-chung.txt',
      contentType: 'text/plain',
      data: Buffer.from('minh chứng'),
      createdBy: null,
    }),
  );
  await db.updateTable('eval_task').set({ evidence_file_id: stored.id }).where('id', '=', taskId).execute();
  return { evaluationId, taskId, fileId: stored.id };
}

export async function kpiProduct(fx: MatrixFixture, side: Side) {
  return fx.t.services.kpiCatalogue.create(system(fx), {
    unitId: fx.home[side].id,
    code: fx.name('KPI'),
    name: 'Văn bản tham mưu',
    coefficient: 1,
  });
}

export async function delegation(fx: MatrixFixture, side: Side) {
  const from = await fx.user(side);
  const to = await fx.user(side);
  const id = newId();
  await fx.t.ctx.db
    .insertInto('eval_delegation')
    .values({
      tenant_id: fx.t.ctx.tenantId,
      id,
      from_user_id: from.id,
      to_user_id: to.id,
      valid_from: fx.today,
      valid_to: fx.today,
      created_at: new Date(),
    })
    .execute();
  return id;
}
