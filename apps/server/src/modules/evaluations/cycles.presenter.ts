import { type CycleView, EVALUATION_STATES, type EvaluationState } from '@canbo/domain';
import type { CycleRow, CycleUnitRow } from './cycles.repository';

export function emptyCounts(): Record<EvaluationState, number> {
  return Object.fromEntries(EVALUATION_STATES.map((s) => [s, 0])) as Record<EvaluationState, number>;
}

export function presentCycle(row: CycleRow, counts = emptyCounts()): CycleView {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    frameworkId: row.framework_id,
    frameworkName: row.framework_name,
    frameworkVersionNo: row.framework_version_no,
    ruleSetId: row.rule_set_id as CycleView['ruleSetId'],
    periodKind: row.period_kind as CycleView['periodKind'],
    periodStart: row.period_start,
    periodEnd: row.period_end,
    label: row.label,
    status: row.status as CycleView['status'],
    deadlines: {
      selfDue: row.self_due,
      reviewDue: row.review_due,
      decisionDue: row.decision_due,
      complaintDays: row.complaint_days,
    },
    autoNext: row.auto_next,
    enrolled: row.enrolled,
    counts,
    closedAt: row.closed_at ? row.closed_at.toISOString() : null,
    version: row.version,
  };
}

export function presentCycleUnit(row: CycleUnitRow) {
  return {
    cycleId: row.cycle_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    outstanding: row.outstanding,
    outstandingReason: row.outstanding_reason,
    version: row.version,
  };
}
