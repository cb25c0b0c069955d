import { defaultFramework, personSortKey, ruleSetById, searchKey } from '@canbo/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { newId } from '../../ids';

/**
 * Test builders for periodic evaluation: rows written straight to the database (a published framework
 * from the rule set's default breakdown, a cycle, its units, people and their evaluations), so that the
 * workflow can be tested without going through the setup routes.
 */
export interface FxUnit {
  id: string;
  path: string;
  name?: string;
}

export interface FxCycle {
  id: string;
  unit: FxUnit;
  frameworkId: string;
  ruleSetId: string;
  periodStart: string;
  periodEnd: string;
}

export interface FxEvaluationOptions {
  unit: FxUnit;
  /** Who decides: the unit itself by default (the parent for a leader). */
  decisionUnit?: FxUnit;
  personId?: string;
  fullName?: string;
  isLeader?: boolean;
  titleGroup?: string | null;
  positionTitle?: string;
  reviewLevels?: number;
  state?: string;
  scores?: Record<string, number>;
  total?: number | null;
  grade?: string | null;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export function evaluationBuilders(db: Kysely<DB>, tenantId: string) {
  async function framework(
    unit: FxUnit,
    ruleSetId = 'hn-3814-2018',
    parameters: Record<string, unknown> = {},
  ): Promise<string> {
    const ruleSet = ruleSetById(ruleSetId);
    if (!ruleSet) throw new Error(`no rule set ${ruleSetId}`);
    const id = newId();
    const now = new Date();
    await db
      .insertInto('eval_framework')
      .values({
        tenant_id: tenantId,
        id,
        family_id: id,
        version_no: 1,
        rule_set_id: ruleSetId,
        unit_id: unit.id,
        name: `Khung ${ruleSetId}`,
        status: 'published',
        criteria: JSON.stringify(defaultFramework(ruleSet).groups),
        parameters: JSON.stringify(parameters) as never,
        published_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }

  async function cycle(
    unit: FxUnit,
    options: {
      ruleSetId?: string;
      frameworkId?: string;
      periodStart?: string;
      periodEnd?: string;
      selfDue?: string;
      reviewDue?: string;
      decisionDue?: string;
      complaintDays?: number;
      parameters?: Record<string, unknown>;
    } = {},
  ): Promise<FxCycle> {
    const ruleSetId = options.ruleSetId ?? 'hn-3814-2018';
    const frameworkId = options.frameworkId ?? (await framework(unit, ruleSetId, options.parameters));
    const periodStart = options.periodStart ?? '2026-11-01';
    const periodEnd = options.periodEnd ?? '2026-11-30';
    const id = newId();
    await db
      .insertInto('eval_cycle')
      .values({
        tenant_id: tenantId,
        id,
        unit_id: unit.id,
        unit_path: unit.path,
        framework_id: frameworkId,
        rule_set_id: ruleSetId,
        period_kind: 'month',
        period_start: periodStart,
        period_end: periodEnd,
        label: `Tháng ${Number(periodStart.slice(5, 7))}/${periodStart.slice(0, 4)}`,
        status: 'open',
        self_due: options.selfDue ?? '2026-12-03',
        review_due: options.reviewDue ?? '2026-12-06',
        decision_due: options.decisionDue ?? '2026-12-09',
        complaint_days: options.complaintDays ?? 5,
        created_at: new Date(),
      })
      .execute();
    return { id, unit, frameworkId, ruleSetId, periodStart, periodEnd };
  }

  async function cycleUnit(cycleId: string, unit: FxUnit, outstanding = false): Promise<void> {
    await db
      .insertInto('eval_cycle_unit')
      .values({ tenant_id: tenantId, cycle_id: cycleId, unit_id: unit.id, unit_path: unit.path, outstanding })
      .onConflict((oc) => oc.columns(['tenant_id', 'cycle_id', 'unit_id']).doNothing())
      .execute();
  }

  async function person(unit: FxUnit, fullName = `Nguyễn Văn ${unique('Ng')}`): Promise<string> {
    const id = newId();
    const now = new Date();
    await db
      .insertInto('person')
      .values({
        tenant_id: tenantId,
        id,
        code: unique('CB').slice(0, 20),
        unit_id: unit.id,
        full_name: fullName,
        sex: 'male',
        birth_date: '1985-06-15',
        staff_category: 'civil_servant',
        search_key: searchKey(fullName),
        sort_key: personSortKey(fullName),
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }

  async function evaluation(
    cyc: FxCycle,
    options: FxEvaluationOptions,
  ): Promise<{ id: string; personId: string }> {
    const personId = options.personId ?? (await person(options.unit, options.fullName));
    const decision = options.decisionUnit ?? options.unit;
    await cycleUnit(cyc.id, options.unit);
    const id = newId();
    const now = new Date();
    await db
      .insertInto('evaluation')
      .values({
        tenant_id: tenantId,
        id,
        cycle_id: cyc.id,
        person_id: personId,
        unit_id: options.unit.id,
        unit_path: options.unit.path,
        decision_unit_id: decision.id,
        decision_unit_path: decision.path,
        position_title: options.positionTitle ?? (options.isLeader ? 'Trưởng phòng' : 'Chuyên viên'),
        title_group: options.titleGroup ?? null,
        is_leader: options.isLeader ?? false,
        framework_id: cyc.frameworkId,
        rule_set_id: cyc.ruleSetId,
        state: options.state ?? 'draft',
        review_levels: options.reviewLevels ?? 1,
        scores: JSON.stringify(options.scores ?? {}) as never,
        total: options.total ?? null,
        grade: options.grade ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return { id, personId };
  }

  /** Links an account to a person record (the person's own evaluations). */
  async function link(userId: string, personId: string): Promise<void> {
    await db
      .updateTable('app_user')
      .set({ person_id: personId })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', userId)
      .execute();
  }

  return { framework, cycle, cycleUnit, person, evaluation, link };
}

export type EvaluationBuilders = ReturnType<typeof evaluationBuilders>;

/** Scores for the hn-3814-2018 default framework adding up to `total` (0–100, whole points). */
export function scores3814(total: number): Record<string, number> {
  return spread(ruleSetScores('hn-3814-2018'), total);
}

/** Scores of the general (manual) criteria of a rule set's default framework summing to `total`. */
export function scoresFor(ruleSetId: string, total: number): Record<string, number> {
  return spread(ruleSetScores(ruleSetId), total);
}

function ruleSetScores(ruleSetId: string): { code: string; max: number }[] {
  const ruleSet = ruleSetById(ruleSetId);
  if (!ruleSet) throw new Error(`no rule set ${ruleSetId}`);
  const leaves: { code: string; max: number }[] = [];
  const walk = (node: { code: string; maxPoints: number; source?: string; children?: unknown[] }) => {
    if (node.children?.length) for (const c of node.children) walk(c as typeof node);
    else if (node.source !== 'kpi') leaves.push({ code: node.code, max: node.maxPoints });
  };
  for (const g of defaultFramework(ruleSet).groups) walk(g);
  return leaves;
}

function spread(leaves: { code: string; max: number }[], total: number): Record<string, number> {
  const out: Record<string, number> = {};
  let left = total;
  for (const leaf of leaves) {
    const give = Math.min(leaf.max, Math.max(0, left));
    out[leaf.code] = give;
    left -= give;
  }
  return out;
}
