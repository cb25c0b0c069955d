import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { newId } from '../../ids';
import {
  type EvaluationBuilders,
  type FxCycle,
  type FxUnit,
  scores3814,
} from '../evaluations/evaluations.fixtures';

/**
 * Builders for the control signals' tests: evaluations with their self-assessment, grade and late
 * flag, and the review / decision / reopening steps the signals read, written straight to the tables.
 */
export interface ControlPersonSpec {
  selfTotal?: number | null;
  /** The current scores' total (defaults to the self total); `vector` tells people apart. */
  total?: number;
  vector?: number;
  state?: string;
  grade?: string | null;
  late?: boolean;
  /** A review step: unchanged (same scores as the self-assessment) or changed, seconds spent, bulk. */
  review?: { unchanged: boolean; seconds: number | null; bulk?: boolean };
  reopen?: string;
}

/** Scores summing to `total`, made distinct by moving `vector` points between the first two groups. */
export function vectorScores(total: number, vector = 0): Record<string, number> {
  const s = scores3814(total);
  const keys = Object.keys(s);
  if (vector > 0 && keys.length >= 2) {
    const [a, b] = keys as [string, string];
    const move = Math.min(vector, s[a]!);
    s[a] = s[a]! - move;
    s[b] = s[b]! + move;
  }
  return s;
}

export function controlBuilders(db: Kysely<DB>, tenantId: string, build: EvaluationBuilders) {
  let seqs = new Map<string, number>();

  async function step(
    evaluationId: string,
    spec: {
      action: string;
      from: string;
      to: string;
      scores?: Record<string, number> | null;
      seconds?: number | null;
      bulk?: boolean;
      comment?: string;
    },
  ) {
    const seq = (seqs.get(evaluationId) ?? 0) + 1;
    seqs.set(evaluationId, seq);
    const at = new Date(Date.UTC(2026, 11, 5, 8, 0, 0));
    const opened =
      spec.seconds === null || spec.seconds === undefined
        ? null
        : new Date(at.getTime() - spec.seconds * 1000);
    await db
      .insertInto('evaluation_step')
      .values({
        tenant_id: tenantId,
        id: newId(),
        evaluation_id: evaluationId,
        seq,
        action: spec.action,
        from_state: spec.from,
        to_state: spec.to,
        level: 1,
        scores: (spec.scores ? JSON.stringify(spec.scores) : null) as never,
        comment: spec.comment ?? null,
        actor_name: 'Trưởng phòng Kiểm thử',
        bulk: spec.bulk ?? false,
        opened_at: opened,
        at,
      })
      .execute();
  }

  /** One person of `unit` evaluated in `cycle` as `spec` says. */
  async function person(cycle: FxCycle, unit: FxUnit, spec: ControlPersonSpec, fullName?: string) {
    const selfTotal = spec.selfTotal === undefined ? 85 : spec.selfTotal;
    const self = selfTotal === null ? null : vectorScores(selfTotal, spec.vector ?? 0);
    const changed =
      spec.review && !spec.review.unchanged
        ? vectorScores((spec.total ?? selfTotal ?? 80) - 1, spec.vector ?? 0)
        : null;
    const current = changed ?? self ?? {};
    const ev = await build.evaluation(cycle, {
      unit,
      state: spec.state ?? 'decided',
      scores: current,
      total: spec.total ?? selfTotal,
      grade: spec.grade === undefined ? 'good' : spec.grade,
      ...(fullName ? { fullName } : {}),
    });
    await db
      .updateTable('evaluation')
      .set({
        self_scores: (self ? JSON.stringify(self) : null) as never,
        self_total: selfTotal,
        late: spec.late ?? false,
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', ev.id)
      .execute();
    if (self) await step(ev.id, { action: 'submitSelf', from: 'draft', to: 'selfAssessed', scores: self });
    if (spec.review) {
      await step(ev.id, {
        action: 'review',
        from: 'selfAssessed',
        to: 'reviewed',
        scores: current,
        seconds: spec.review.seconds,
        bulk: spec.review.bulk ?? false,
      });
      await step(ev.id, {
        action: 'decide',
        from: 'reviewed',
        to: 'decided',
        scores: current,
        seconds: spec.review.seconds,
        bulk: spec.review.bulk ?? false,
      });
    }
    if (spec.reopen) {
      await step(ev.id, { action: 'reopen', from: 'final', to: 'reviewed', comment: spec.reopen });
    }
    return ev;
  }

  /** The unit's collective grade for `year` (annual review of the organisation, decided). */
  async function collectiveGrade(unit: FxUnit, year: number, grade: string) {
    const periodId = newId();
    const now = new Date();
    await db
      .insertInto('review_period')
      .values({
        tenant_id: tenantId,
        id: periodId,
        kind: 'annual',
        label: `Năm ${year}`,
        unit_id: unit.id,
        unit_path: unit.path,
        year,
        period_start: `${year}-01-01`,
        period_end: `${year}-12-31`,
        self_due: `${year}-12-05`,
        meeting_due: `${year}-12-10`,
        decision_due: `${year}-12-15`,
        state: 'open',
        state_rule_set_id: 'nd-90-2020',
        party_rule_set_id: 'qd-124-2023',
        created_at: now,
      } as never)
      .execute();
    await db
      .insertInto('annual_review')
      .values({
        tenant_id: tenantId,
        id: newId(),
        period_id: periodId,
        subject: 'organisation',
        track: 'party',
        rule_set_id: 'qd-124-2023',
        unit_id: unit.id,
        unit_path: unit.path,
        decision_unit_id: unit.id,
        decision_unit_path: unit.path,
        state: 'decided',
        eligibility: JSON.stringify({ eligible: true }),
        decided_grade: grade,
        decided_at: now,
        created_at: now,
        updated_at: now,
      } as never)
      .execute();
  }

  return {
    person,
    step,
    collectiveGrade,
    reset() {
      seqs = new Map();
    },
  };
}
