import {
  computeKpi,
  type EvaluationFacts,
  type Grade,
  type KpiLine,
  leaderUnitComponent,
  scoreEvaluation,
} from '@canbo/domain';
import { sql, type Transaction } from 'kysely';
import { type Actor, covers } from '../../access/actor';
import { type AuditEvent, recordAuditMany } from '../../audit/audit';
import type { AppContext } from '../../context';
import type { DB } from '../../db/schema';
import { Conflict, type ErrorDetail, Forbidden, NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import { figuresChanged } from '../control/figures.service';
import { cycleView, findCycle } from './cycle-view';
import type { EvaluationsService } from './evaluations.service';
import { loadFramework } from './scoring';
import { addGrade, emptyCounts, quotaChecks, type UnitCounts } from './unit-quota';

const READ_BATCH = 5_000;
const WRITE_BATCH = 10_000;
const LAPSING = new Set(['draft', 'returned', 'selfAssessed', 'inReview', 'reviewed']);

interface CloseRow {
  id: string;
  state: string;
  scores: unknown;
  facts: unknown;
  unit_id: string;
  unit_path: string;
  decision_unit_id: string;
  title_group: string | null;
  is_leader: boolean;
  organising_capacity: number | null;
  total: number | null;
  grade: string | null;
  review_level: number;
  /** The number the next step of this evaluation takes (its last step's + 1). */
  next_seq: number;
}

interface Change {
  id: string;
  unitPath: string;
  action: 'finalise' | 'lapse';
  from: string;
  to: 'final' | 'notEvaluated';
  scores: Record<string, number> | null;
  total: number | null;
  grade: string | null;
  ruleCode: string | null;
  beforeGrade: string | null;
  level: number;
  seq: number;
}

/**
 * Closing a cycle (docs/EVALUATIONS.md): in one transaction, what was not decided lapses to
 * notEvaluated, published results become final (recomputed from the stored scores and facts with the
 * domain), every unit's final grades must fit its quota, and the cycle is closed. Rows are read in
 * large batches and written with multi-row statements: no round trip per evaluation.
 */
export function createCloseService(ctx: AppContext, evaluations: EvaluationsService) {
  const { db, tenantId } = ctx;

  async function close(actor: Actor, cycleId: string) {
    const access = await evaluations.accessOf(actor);
    const result = await db.transaction().execute(async (tx) => {
      const cycle = await findCycle(tx, tenantId, cycleId);
      if (!cycle) throw new NotFound('cycle');
      const path = cycle.unit_path;
      if (!covers(access.manage, path)) {
        if (covers(access.read, path) || covers(access.review, path)) throw new Forbidden();
        throw new NotFound('cycle');
      }
      await sql`SELECT 1 FROM eval_cycle WHERE tenant_id = ${tenantId} AND id = ${cycleId} FOR UPDATE`.execute(
        tx,
      );
      if (cycle.status === 'closed')
        throw new Conflict('Kỳ đánh giá đã khóa sổ.', 'The cycle is already closed.', 'CYCLE_CLOSED');
      await refuseUnsettled(tx, cycleId);

      const fw = await loadFramework(tx, tenantId, cycle.framework_id);
      const rows = await readAll(tx, cycleId);
      const kpi = fw.ruleSet.kpi ? await kpiLines(tx, cycleId) : new Map<string, KpiLine[]>();
      const changes: Change[] = [];
      const finalGrades = new Map<string, Grade>(); // evaluation id → grade, for leaders' unit components
      for (const r of rows) if (r.state === 'final' && r.grade) finalGrades.set(r.id, r.grade as Grade);
      const published = rows.filter((r) => r.state === 'published');
      const leaders = published.filter((r) => r.is_leader);
      const byDecisionUnit = new Map<string, string[]>();
      for (const m of rows) {
        const list = byDecisionUnit.get(m.decision_unit_id);
        if (list) list.push(m.id);
        else byDecisionUnit.set(m.decision_unit_id, [m.id]);
      }
      for (const r of [...published.filter((p) => !p.is_leader), ...leaders]) {
        const scores = (r.scores ?? {}) as Record<string, number>;
        const facts = {
          isLeader: r.is_leader,
          disciplinesInYear: [],
          degradationConcluded: false,
          corruptionInManagedUnit: false,
          ...((r.facts ?? {}) as Partial<EvaluationFacts>),
        } as EvaluationFacts;
        const input: Parameters<typeof scoreEvaluation>[2] = { scores, facts };
        if (fw.ruleSet.kpi) {
          const lines = kpi.get(r.id) ?? [];
          input.kpi = r.is_leader
            ? computeKpi(lines, {
                isLeader: true,
                unitComponent: leaderUnitComponent(
                  (byDecisionUnit.get(r.unit_id) ?? [])
                    .filter((m) => m !== r.id && finalGrades.has(m))
                    .map((m) => finalGrades.get(m)!),
                ),
                ...(r.organising_capacity === null
                  ? {}
                  : { organisingCapacity: Number(r.organising_capacity) }),
              })
            : computeKpi(lines, { isLeader: false });
        }
        const scored = scoreEvaluation(fw.ruleSet, fw.framework, input);
        finalGrades.set(r.id, scored.grade);
        changes.push({
          id: r.id,
          unitPath: r.unit_path,
          action: 'finalise',
          from: r.state,
          to: 'final',
          scores,
          total: scored.total,
          grade: scored.grade,
          ruleCode: scored.rule.code,
          beforeGrade: r.grade,
          level: r.review_level,
          seq: r.next_seq,
        });
      }
      for (const r of rows) {
        if (!LAPSING.has(r.state)) continue;
        changes.push({
          id: r.id,
          unitPath: r.unit_path,
          action: 'lapse',
          from: r.state,
          to: 'notEvaluated',
          scores: null,
          total: null,
          grade: null,
          ruleCode: null,
          beforeGrade: r.grade,
          level: r.review_level,
          seq: r.next_seq,
        });
      }

      const violations = await quotaViolations(tx, cycleId, rows, finalGrades, fw.ruleSet);
      if (violations.length > 0) {
        const first = violations[0]!;
        throw new RuleViolation(
          'QUOTA_EXCEEDED',
          `Không thể khóa sổ: ${violations.length} đơn vị vượt tỷ lệ khống chế (${first.unitName}: ${first.message.vi}).`,
          `Cannot close: ${violations.length} unit(s) exceed the quota (${first.unitName}: ${first.message.en}).`,
          violations.map((v) => ({
            path: `quotaViolations.${v.unitId}`,
            message: `${v.unitName}${v.group ? ` (${v.group})` : ''}: ${v.message.vi}`,
            messageEn: `${v.unitName}${v.group ? ` (${v.group})` : ''}: ${v.message.en}`,
            // CloseCycleResult.quotaViolations, item by item
            violation: v,
          })) as ErrorDetail[],
        );
      }
      await writeChanges(tx, changes, actor);
      await tx
        .updateTable('eval_cycle')
        .set((eb) => ({
          status: 'closed',
          closed_at: new Date(),
          closed_by: actor.userId,
          version: eb('version', '+', 1),
        }))
        .where('tenant_id', '=', tenantId)
        .where('id', '=', cycleId)
        .execute();
      // The control dashboard's stored figures of the cycle are recomputed by a job (docs/CONTROL.md).
      await figuresChanged(tx, tenantId, cycleId);
      return {
        finalised: changes.filter((c) => c.action === 'finalise').length,
        notEvaluated: changes.filter((c) => c.action === 'lapse').length,
      };
    });
    const cycle = await findCycle(db, tenantId, cycleId);
    return { cycle: await cycleView(db, cycle!), ...result, quotaViolations: [] };
  }

  async function refuseUnsettled(tx: Transaction<DB>, cycleId: string) {
    const rows = await sql<{ state: string; n: string }>`SELECT state, count(*) AS n FROM evaluation
      WHERE tenant_id = ${tenantId} AND cycle_id = ${cycleId} AND state IN ('complained', 'decided') GROUP BY state`.execute(
      tx,
    );
    const n = (s: string) => Number(rows.rows.find((r) => r.state === s)?.n ?? 0);
    const complained = n('complained');
    const decided = n('decided');
    if (complained + decided === 0) return;
    throw new Conflict(
      `Chưa khóa sổ được: ${complained} phiếu đang có kiến nghị chưa giải quyết, ${decided} kết quả đã quyết định nhưng chưa công bố.`,
      `Cannot close yet: ${complained} complaint(s) not answered, ${decided} decided result(s) not published.`,
      'CYCLE_UNSETTLED',
    );
  }

  async function readAll(tx: Transaction<DB>, cycleId: string): Promise<CloseRow[]> {
    const out: CloseRow[] = [];
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = (await tx
        .selectFrom('evaluation')
        .select([
          'id',
          'state',
          'scores',
          'facts',
          'unit_id',
          'unit_path',
          'decision_unit_id',
          'title_group',
          'is_leader',
          'organising_capacity',
          'total',
          'grade',
          'review_level',
          sql<number>`COALESCE((SELECT max(s.seq) FROM evaluation_step s
            WHERE s.tenant_id = evaluation.tenant_id AND s.evaluation_id = evaluation.id), 0) + 1`.as(
            'next_seq',
          ),
        ])
        .where('tenant_id', '=', tenantId)
        .where('cycle_id', '=', cycleId)
        .where('id', '>', after)
        .orderBy('id')
        .limit(READ_BATCH)
        .forUpdate()
        .execute()) as CloseRow[];
      out.push(...batch);
      if (batch.length < READ_BATCH) return out;
      after = batch[batch.length - 1]!.id;
    }
  }

  async function kpiLines(tx: Transaction<DB>, cycleId: string): Promise<Map<string, KpiLine[]>> {
    const rows = await sql<{
      evaluation_id: string;
      coefficient: number;
      assigned: number;
      completed: number;
      quality_failures: number;
      objective_quality_failures: number;
      delays: number;
      objective_delays: number;
    }>`
      SELECT k.evaluation_id, k.coefficient, k.assigned, k.completed, k.quality_failures, k.objective_quality_failures, k.delays, k.objective_delays
        FROM kpi_entry k JOIN evaluation e ON e.tenant_id = k.tenant_id AND e.id = k.evaluation_id
       WHERE k.tenant_id = ${tenantId} AND e.cycle_id = ${cycleId} AND e.state = 'published'`.execute(tx);
    const map = new Map<string, KpiLine[]>();
    for (const r of rows.rows) {
      const list = map.get(r.evaluation_id) ?? [];
      list.push({
        coefficient: Number(r.coefficient),
        assigned: Number(r.assigned),
        completed: Number(r.completed),
        qualityFailures: r.quality_failures,
        objectiveQualityFailures: r.objective_quality_failures,
        delays: r.delays,
        objectiveDelays: r.objective_delays,
      });
      map.set(r.evaluation_id, list);
    }
    return map;
  }

  async function quotaViolations(
    tx: Transaction<DB>,
    cycleId: string,
    rows: CloseRow[],
    grades: Map<string, Grade>,
    ruleSet: Parameters<typeof quotaChecks>[0],
  ) {
    const byUnit = new Map<string, UnitCounts>();
    for (const r of rows) {
      const grade = grades.get(r.id);
      if (!grade) continue;
      const counts = byUnit.get(r.unit_id) ?? emptyCounts();
      addGrade(counts, grade, r.title_group);
      byUnit.set(r.unit_id, counts);
    }
    if (byUnit.size === 0) return [];
    const units = await tx
      .selectFrom('eval_cycle_unit as cu')
      .innerJoin('org_unit as u', (j) =>
        j.onRef('u.tenant_id', '=', 'cu.tenant_id').onRef('u.id', '=', 'cu.unit_id'),
      )
      .select(['cu.unit_id', 'cu.outstanding', 'u.name'])
      .where('cu.tenant_id', '=', tenantId)
      .where('cu.cycle_id', '=', cycleId)
      .execute();
    const info = new Map(units.map((u) => [u.unit_id, u]));
    const out: {
      unitId: string;
      unitName: string;
      group: string | null;
      message: { vi: string; en: string };
    }[] = [];
    for (const [unitId, counts] of byUnit) {
      const unit = info.get(unitId);
      for (const c of quotaChecks(ruleSet, counts, unit?.outstanding ?? false)) {
        if (!c.check.ok)
          out.push({ unitId, unitName: unit?.name ?? unitId, group: c.group, message: c.check.message });
      }
    }
    return out;
  }

  /** Each batch as one array per column (`unnest`): a handful of parameters instead of thousands. */
  async function writeChanges(tx: Transaction<DB>, changes: Change[], actor: Actor) {
    const now = new Date();
    for (let start = 0; start < changes.length; start += WRITE_BATCH) {
      const batch = changes.slice(start, start + WRITE_BATCH);
      const ids = batch.map((c) => c.id);
      const states = batch.map((c) => c.to);
      const totals = batch.map((c) => (c.total === null ? null : String(c.total)));
      const grades = batch.map((c) => c.grade);
      const rules = batch.map((c) => c.ruleCode);
      await sql`UPDATE evaluation e SET state = v.state, total = CASE WHEN v.state = 'final' THEN v.total ELSE e.total END,
          grade = v.grade, rule_code = CASE WHEN v.state = 'final' THEN v.rule_code ELSE e.rule_code END,
          finalised_at = CASE WHEN v.state = 'final' THEN ${now}::timestamptz ELSE e.finalised_at END,
          updated_at = ${now}::timestamptz, version = e.version + 1
        FROM unnest(${ids}::uuid[], ${states}::text[], ${totals}::numeric[], ${grades}::text[], ${rules}::text[])
          AS v(id, state, total, grade, rule_code)
       WHERE e.tenant_id = ${tenantId} AND e.id = v.id`.execute(tx);
      await sql`INSERT INTO evaluation_step (tenant_id, id, evaluation_id, seq, action, from_state, to_state, level, scores, total, grade, rule_code, actor_user_id, actor_name, bulk, at)
        SELECT ${tenantId}, v.id, v.evaluation_id, v.seq, v.action, v.from_state, v.to_state, v.level, v.scores,
               v.total, v.grade, v.rule_code, ${actor.userId}::uuid, ${actor.displayName}, true, ${now}::timestamptz
          FROM unnest(${batch.map(() => newId())}::uuid[], ${ids}::uuid[], ${batch.map((c) => c.seq)}::int[],
                      ${batch.map((c) => c.action)}::text[], ${batch.map((c) => c.from)}::text[], ${states}::text[],
                      ${batch.map((c) => c.level)}::int[],
                      ${batch.map((c) => (c.scores === null ? null : JSON.stringify(c.scores)))}::jsonb[],
                      ${totals}::numeric[], ${grades}::text[], ${rules}::text[])
            AS v(id, evaluation_id, seq, action, from_state, to_state, level, scores, total, grade, rule_code)`.execute(
        tx,
      );
    }
    const events: AuditEvent[] = changes.map((c) => ({
      action: `evaluation.${c.action}`,
      entityType: 'evaluation',
      entityId: c.id,
      unitPath: c.unitPath,
      before: { state: c.from, grade: c.beforeGrade },
      after: { state: c.to, grade: c.grade, total: c.total },
    }));
    await recordAuditMany(tx, actor, events);
  }

  return { close };
}
