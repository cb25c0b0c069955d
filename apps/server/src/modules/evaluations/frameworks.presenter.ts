import type { CriterionInput, FrameworkView, RuleSet } from '@canbo/domain';
import type { FrameworkRow } from './frameworks.repository';

type ParameterValue = number | string | boolean;

/** A rule set as the API shows it: groups, thresholds and the parameters with their defaults. */
export function presentRuleSet(ruleSet: RuleSet) {
  return {
    id: ruleSet.id,
    title: ruleSet.title,
    source: ruleSet.source,
    effectiveFrom: ruleSet.effectiveFrom,
    effectiveTo: ruleSet.effectiveTo,
    periods: [...ruleSet.periods],
    thresholds: ruleSet.thresholds,
    groups: ruleSet.groups.map((g) => ({
      code: g.code,
      title: g.title,
      maxPoints: g.maxPoints,
      kind: g.kind,
    })),
    parameters: ruleSet.parameters.map((p) => ({ key: p.key, value: p.value, label: p.label, note: p.note })),
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentFramework(row: FrameworkRow): FrameworkView {
  return {
    id: row.id,
    familyId: row.family_id,
    versionNo: row.version_no,
    ruleSetId: row.rule_set_id as FrameworkView['ruleSetId'],
    unitId: row.unit_id,
    unitName: row.unit_name,
    name: row.name,
    status: row.status as FrameworkView['status'],
    criteria: row.criteria as CriterionInput[],
    parameters: (row.parameters ?? {}) as Record<string, ParameterValue>,
    basedOnId: row.based_on_id,
    publishedAt: iso(row.published_at),
    version: row.version,
  };
}
