import { sql } from 'kysely';
import type { TestContext, TestUnit } from '../../../test/context';
import { newId } from '../../ids';

/**
 * Rows written straight to the tables the indicators read (evaluations, annual reviews, weak
 * organisations, vote results), with hand-chosen values, so each expected figure can be counted
 * by hand. Shared with bench/, which runs without vitest.
 */

export interface PersonFacts {
  sex?: 'male' | 'female';
  birthDate?: string;
  staffCategory?: string;
  ethnicity?: string;
  politicalTheory?: string | null;
  partyStatus?: string;
  status?: string;
}

export async function setFacts(t: TestContext, personId: string, facts: PersonFacts) {
  await t.ctx.db
    .updateTable('person')
    .set({
      ...(facts.sex ? { sex: facts.sex } : {}),
      ...(facts.birthDate ? { birth_date: facts.birthDate } : {}),
      ...(facts.staffCategory ? { staff_category: facts.staffCategory } : {}),
      ...(facts.ethnicity ? { ethnicity: facts.ethnicity } : {}),
      ...(facts.politicalTheory !== undefined ? { political_theory: facts.politicalTheory } : {}),
      ...(facts.partyStatus ? { party_status: facts.partyStatus } : {}),
      ...(facts.status ? { status: facts.status } : {}),
    })
    .where('tenant_id', '=', t.ctx.tenantId)
    .where('id', '=', personId)
    .execute();
}

/** A monthly cycle on `unit` under Hanoi 3814 (framework included). */
export async function cycle(t: TestContext, unit: TestUnit, month: string) {
  const { tenantId } = t.ctx;
  const now = new Date();
  const frameworkId = newId();
  await t.ctx.db
    .insertInto('eval_framework')
    .values({
      tenant_id: tenantId,
      id: frameworkId,
      family_id: frameworkId,
      version_no: 1,
      rule_set_id: 'hn-3814-2018',
      unit_id: unit.id,
      name: 'Khung thử',
      status: 'published',
      criteria: '[]',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const id = newId();
  const end = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0))
    .toISOString()
    .slice(0, 10);
  await t.ctx.db
    .insertInto('eval_cycle')
    .values({
      tenant_id: tenantId,
      id,
      unit_id: unit.id,
      unit_path: unit.path,
      framework_id: frameworkId,
      rule_set_id: 'hn-3814-2018',
      period_kind: 'month',
      period_start: `${month}-01`,
      period_end: end,
      label: `Tháng ${month.slice(5, 7)}/${month.slice(0, 4)}`,
      status: 'open',
      self_due: end,
      review_due: end,
      decision_due: end,
      complaint_days: 5,
      created_at: now,
    })
    .execute();
  return { id, frameworkId };
}

export async function evaluation(
  t: TestContext,
  c: { id: string; frameworkId: string },
  personId: string,
  unit: TestUnit,
  state: string,
  grade: string | null = null,
) {
  const now = new Date();
  await t.ctx.db
    .insertInto('evaluation')
    .values({
      tenant_id: t.ctx.tenantId,
      id: newId(),
      cycle_id: c.id,
      person_id: personId,
      unit_id: unit.id,
      unit_path: unit.path,
      decision_unit_id: unit.id,
      decision_unit_path: unit.path,
      framework_id: c.frameworkId,
      rule_set_id: 'hn-3814-2018',
      state,
      grade,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function reviewPeriod(t: TestContext, unit: TestUnit, year: number) {
  const id = newId();
  await t.ctx.db
    .insertInto('review_period')
    .values({
      tenant_id: t.ctx.tenantId,
      id,
      kind: 'annual',
      label: `Kiểm điểm năm ${year}`,
      unit_id: unit.id,
      unit_path: unit.path,
      year,
      period_start: `${year}-01-01`,
      period_end: `${year}-12-31`,
      self_due: `${year}-12-01`,
      meeting_due: `${year}-12-10`,
      decision_due: `${year}-12-15`,
      state: 'open',
      state_rule_set_id: 'nd-90-2020',
      party_rule_set_id: 'qd-124-2023',
      created_at: new Date(),
    })
    .execute();
  return id;
}

export async function annualReview(
  t: TestContext,
  periodId: string,
  unit: TestUnit,
  review: {
    subject: 'person' | 'organisation' | 'leadership';
    track: 'state' | 'party';
    personId?: string;
    state: string;
    grade?: string;
  },
) {
  const now = new Date();
  await t.ctx.db
    .insertInto('annual_review')
    .values({
      tenant_id: t.ctx.tenantId,
      id: newId(),
      period_id: periodId,
      subject: review.subject,
      track: review.track,
      rule_set_id: review.track === 'state' ? 'nd-90-2020' : 'qd-124-2023',
      person_id: review.personId ?? null,
      unit_id: unit.id,
      unit_path: unit.path,
      decision_unit_id: unit.id,
      decision_unit_path: unit.path,
      state: review.state,
      eligibility: '{}',
      decided_grade: review.grade ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function weakOrg(t: TestContext, unit: TestUnit, year: number, status: string) {
  const now = new Date();
  await t.ctx.db
    .insertInto('weak_org')
    .values({
      tenant_id: t.ctx.tenantId,
      id: newId(),
      unit_id: unit.id,
      unit_path: unit.path,
      year,
      reason: 'graded',
      status,
      consolidated_on: status === 'consolidated' ? `${year + 1}-03-01` : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** A vote session in `state` with one result per candidate (flag given per candidate). */
export async function voteSession(
  t: TestContext,
  unit: TestUnit,
  voteDate: string,
  options: { state?: string; isVoid?: boolean; flags: { personId: string; flag: string }[] },
) {
  const { tenantId } = t.ctx;
  const id = newId();
  const now = new Date();
  await t.ctx.db
    .insertInto('vote_session')
    .values({
      tenant_id: tenantId,
      id,
      unit_id: unit.id,
      rule_set_id: 'qd-96-2023',
      title: 'Lấy phiếu tín nhiệm',
      vote_date: voteDate,
      state: options.state ?? 'closed',
      summoned: 9,
      collected: 9,
      is_void: options.isVoid ?? false,
      created_at: now,
    })
    .execute();
  for (const [i, f] of options.flags.entries()) {
    await t.ctx.db
      .insertInto('vote_candidate')
      .values({ tenant_id: tenantId, session_id: id, person_id: f.personId, post: 'Bí thư', ordinal: i + 1 })
      .execute();
    if ((options.state ?? 'closed') !== 'closed') continue;
    await sql`INSERT INTO vote_result (tenant_id, session_id, person_id, rule_set_id, post, vote_date, collected,
        high, confidence, low, invalid, flag, is_void, created_at)
      VALUES (${tenantId}, ${id}, ${f.personId}, 'qd-96-2023', 'Bí thư', ${voteDate}, 9, 3, 1, 5, 0, ${f.flag},
        ${options.isVoid ?? false}, ${now})`.execute(t.ctx.db);
  }
  return id;
}
