import type {
  EvaluationDetail,
  EvaluationSummary,
  Grade,
  KpiResult,
  RuleRef,
  RuleSet,
  TaskView,
} from '@canbo/domain';
import type { EvaluationRow, KpiEntryRow, StepRow, TaskRow } from './evaluations.repository';

/** Row → API shape for evaluations (docs/EVALUATIONS.md). */

const num = (v: number | string | null) => (v === null ? null : Number(v));

export function dueDateOf(
  row: Pick<EvaluationRow, 'state' | 'self_due' | 'review_due' | 'decision_due' | 'complaint_until'>,
) {
  switch (row.state) {
    case 'draft':
    case 'returned':
      return row.self_due;
    case 'selfAssessed':
    case 'inReview':
      return row.review_due;
    case 'reviewed':
    case 'complained':
      return row.decision_due;
    case 'published':
      return row.complaint_until;
    default:
      return null;
  }
}

export function sameScores(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false;
  return true;
}

export function isUnchanged(row: Pick<EvaluationRow, 'scores' | 'self_scores'>): boolean {
  if (row.self_scores === null) return false;
  return sameScores(
    (row.scores ?? {}) as unknown as Record<string, number>,
    row.self_scores as Record<string, number>,
  );
}

export function presentSummary(row: EvaluationRow): EvaluationSummary {
  return {
    id: row.id,
    cycleId: row.cycle_id,
    cycleLabel: row.cycle_label,
    ruleSetId: row.rule_set_id as EvaluationSummary['ruleSetId'],
    personId: row.person_id,
    personName: row.person_name,
    personCode: row.person_code,
    unitId: row.unit_id,
    unitName: row.unit_name,
    positionTitle: row.position_title,
    titleGroup: row.title_group,
    isLeader: row.is_leader,
    state: row.state as EvaluationSummary['state'],
    reviewLevel: row.review_level,
    reviewLevels: row.review_levels,
    selfTotal: num(row.self_total),
    selfGrade: row.self_grade as Grade | null,
    total: num(row.total),
    grade: row.grade as Grade | null,
    unchanged: isUnchanged(row),
    late: row.late,
    dueDate: dueDateOf(row),
    version: row.version,
  };
}

/** The rule a stored code names, under the rule set it was computed with. */
export function ruleByCode(ruleSet: RuleSet, code: string | null): RuleRef | null {
  if (!code) return null;
  const { rules } = ruleSet;
  const all: RuleRef[] = [
    ...Object.values(rules.grades),
    ...Object.values(rules.disqualifiers),
    ...Object.values(rules.conditions),
    ruleSet.quota.rule,
  ].filter((r): r is RuleRef => r !== undefined);
  return all.find((r) => r.code === code) ?? { code, article: '', text: { vi: code, en: code } };
}

export function presentStep(step: StepRow, ruleSet: RuleSet): EvaluationDetail['steps'][number] {
  return {
    id: step.id,
    action: step.action as EvaluationDetail['steps'][number]['action'],
    fromState: step.from_state as EvaluationSummary['state'],
    toState: step.to_state as EvaluationSummary['state'],
    level: step.level,
    scores: (step.scores ?? null) as Record<string, number> | null,
    total: num(step.total),
    grade: step.grade as Grade | null,
    rule: ruleByCode(ruleSet, step.rule_code),
    comment: step.comment,
    actorName: step.actor_name,
    onBehalfOf: step.on_behalf_name ?? null,
    bulk: step.bulk,
    at: step.at.toISOString(),
  };
}

export function presentTask(t: TaskRow): TaskView {
  return {
    id: t.id,
    title: t.title,
    product: t.product,
    deadline: t.deadline,
    committedDate: t.committed_date,
    progress: t.progress,
    status: t.status as TaskView['status'],
    doneDate: t.done_date,
    exceeded: t.exceeded,
    onTime: t.done_date === null ? null : t.done_date <= t.deadline,
    evidenceText: t.evidence_text,
    evidenceLink: t.evidence_link,
    evidenceFile:
      t.evidence_file_id === null
        ? null
        : {
            id: t.evidence_file_id,
            name: t.file_name ?? '',
            size: t.file_size ?? 0,
            contentType: t.file_type ?? 'application/octet-stream',
          },
    version: t.version,
  };
}

export function presentKpiEntry(k: KpiEntryRow) {
  return {
    id: k.id,
    productId: k.product_id,
    productCode: k.product_code,
    productName: k.product_name,
    measure: k.measure,
    coefficient: Number(k.coefficient),
    assigned: Number(k.assigned),
    completed: Number(k.completed),
    qualityFailures: k.quality_failures,
    objectiveQualityFailures: k.objective_quality_failures,
    delays: k.delays,
    objectiveDelays: k.objective_delays,
    objectiveNote: k.objective_note,
    version: k.version,
  };
}

export function presentKpiResult(r: KpiResult | null) {
  return r === null ? null : { ...r };
}
