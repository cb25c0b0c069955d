import type { RuleSetId } from '@canbo/domain';
import type { TestContext, TestUnit } from '../../../test/context';
import { systemActor } from '../../access/actor';
import { newId } from '../../ids';

/**
 * Builders for the setup tests and the permission matrix: people with posts written straight to the
 * database (the people module's own rules are tested there), frameworks and cycles through the
 * services as the system.
 */
export interface PostSpec {
  unit: { id: string };
  start: string;
  /** Exclusive: the first day the post is no longer held. */
  end?: string | null;
  leader?: boolean;
  concurrent?: boolean;
  title?: string;
  group?: string | null;
}

let counter = 0;

export async function addPerson(
  t: TestContext,
  home: { id: string },
  posts: PostSpec[],
  fullName = 'Nguyễn Văn Đánh Giá',
): Promise<string> {
  const { db, tenantId } = t.ctx;
  const person = await t.services.people.create(systemActor(tenantId), {
    unitId: home.id,
    fullName,
    sex: 'male',
    birthDate: '1985-06-15',
    staffCategory: 'civil_servant',
    code: `DG${Date.now().toString(36)}${(counter++).toString(36)}`.toUpperCase(),
  } as never);
  for (const p of posts) {
    await db
      .insertInto('position')
      .values({
        tenant_id: tenantId,
        id: newId(),
        person_id: person.id,
        unit_id: p.unit.id,
        title: p.title ?? (p.leader ? 'Trưởng phòng' : 'Chuyên viên'),
        title_group: p.group ?? null,
        is_leader: p.leader ?? false,
        is_concurrent: p.concurrent ?? false,
        start_date: p.start,
        end_date: p.end ?? null,
        created_at: new Date(),
      })
      .execute();
  }
  return person.id;
}

export async function publishedFramework(
  t: TestContext,
  unit: TestUnit,
  ruleSetId: RuleSetId = 'hn-3814-2018',
) {
  const system = systemActor(t.ctx.tenantId);
  const draft = await t.services.frameworks.create(system, {
    ruleSetId,
    unitId: unit.id,
    name: `Khung ${ruleSetId}`,
  });
  return t.services.frameworks.publish(system, draft.id, draft.version);
}

export async function openCycle(
  t: TestContext,
  unit: TestUnit,
  frameworkId: string,
  periodStart: string,
  periodKind: 'month' | 'quarter' = 'month',
) {
  return t.services.cycles.create(systemActor(t.ctx.tenantId), {
    unitId: unit.id,
    frameworkId,
    periodKind,
    periodStart,
    autoNext: true,
  });
}

export function evaluationsOf(t: TestContext, cycleId: string) {
  return t.ctx.db
    .selectFrom('evaluation')
    .selectAll()
    .where('tenant_id', '=', t.ctx.tenantId)
    .where('cycle_id', '=', cycleId)
    .execute();
}

/** An evaluation of a new person in a new unit under `parent`: the usual target of the task routes. */
export async function evaluationIn(t: TestContext, parent: TestUnit, periodStart = '2026-10-01') {
  const unit = await t.build.unit({ parent });
  const personId = await addPerson(t, unit, [{ unit, start: '2020-01-01' }]);
  const framework = await publishedFramework(t, unit);
  const cycle = await openCycle(t, unit, framework.id, periodStart);
  const [evaluation] = await evaluationsOf(t, cycle.id);
  return { unit, personId, framework, cycle, evaluation: evaluation! };
}
