import {
  type AnnualRuleSet,
  annualQuotaSubject,
  boundGrade,
  checkLinkage,
  checkUnitQuotas,
  type Eligibility,
  type Grade,
  type LinkageCheck,
  type QuotaCounts,
  type QuotaGroupCheck,
} from '@canbo/domain';
import { sql } from 'kysely';
import { AppError, RuleViolation } from '../../errors';
import { type GradeRow, gradesWhere } from './annual.repository';
import type { Db } from './annual.types';

/**
 * The checks a proposal or a decision goes through (docs/ANNUAL.md): eligibility's cap and forced
 * grade (422 naming the rule), the leader–unit link (422 with the violations) and, at the decision,
 * the quota (409 with the numbers).
 */

/** A grade the eligibility does not allow: not graded this period, above the cap, or not the forced one. */
export function refuseIfOutOfBounds(
  grade: Grade | null,
  eligibility: Eligibility,
  ruleSet: AnnualRuleSet,
  path = 'grade',
): void {
  if (grade === null) return;
  const name = (g: Grade) => ruleSet.gradeLabels[g];
  if (boundGrade(grade, eligibility) === grade) return;
  const reasons = eligibility.reasons;
  const why = reasons.length > 0 ? reasons.map((r) => r.text) : null;
  let vi: string;
  let en: string;
  if (eligibility.status !== 'graded') {
    vi = 'Người này không được xếp loại trong kỳ này';
    en = 'This person is not graded this period';
  } else if (eligibility.forced) {
    vi = `Mức xếp loại bắt buộc là "${name(eligibility.forced).vi}"`;
    en = `The grade is forced to "${name(eligibility.forced).en}"`;
  } else {
    const cap = eligibility.cap ?? 'notCompleted';
    vi = `Mức xếp loại cao nhất được phép là "${name(cap).vi}"`;
    en = `The highest grade allowed is "${name(cap).en}"`;
  }
  if (why) {
    vi += ` (${why.map((t) => t.vi).join('; ')})`;
    en += ` (${why.map((t) => t.en).join('; ')})`;
  }
  throw new RuleViolation('GRADE_NOT_ALLOWED', `${vi}.`, `${en}.`, [
    { path, message: `${vi}.`, messageEn: `${en}.` },
    ...reasons.map((r) => ({
      path: 'eligibility',
      message: `${r.article}: ${r.text.vi}`,
      messageEn: `${r.article}: ${r.text.en}`,
    })),
  ]);
}

// ── Linkage ──────────────────────────────────────────────────────────────────────────────

export interface LinkageRow {
  id: string;
  period_id: string;
  tenant_id: string;
  unit_id: string;
  subject: string;
  is_leader: boolean;
  targets_overfulfilled: number | string | null;
}

/** The leader's collective (decided grade) and the collectives of the units they directly manage. */
export async function linkageFacts(db: Db, row: LinkageRow) {
  const { rows } = await sql<{ unit_id: string; decided: string | null; grade: string | null }>`
    SELECT r.unit_id, r.decided_grade AS decided, COALESCE(r.decided_grade, r.manager_grade, r.proposed_grade) AS grade
      FROM annual_review r
      JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
     WHERE r.tenant_id = ${row.tenant_id} AND r.period_id = ${row.period_id} AND r.subject = 'organisation'
       AND (r.unit_id = ${row.unit_id} OR u.parent_id = ${row.unit_id})`.execute(db);
  const own = rows.find((r) => r.unit_id === row.unit_id);
  return {
    collectiveGrade: (own?.decided ?? null) as Grade | null,
    managedUnitGrades: rows
      .filter((r) => r.unit_id !== row.unit_id && r.grade !== null)
      .map((r) => r.grade as Grade),
  };
}

export async function linkageOf(
  db: Db,
  ruleSet: AnnualRuleSet,
  row: LinkageRow,
  grade: Grade,
  targets: number | null | undefined,
): Promise<LinkageCheck | null> {
  if (row.subject !== 'person' || !row.is_leader) return null;
  const facts = await linkageFacts(db, row);
  const recorded = targets ?? (row.targets_overfulfilled === null ? null : Number(row.targets_overfulfilled));
  return checkLinkage(ruleSet, {
    proposed: grade,
    isLeader: true,
    collectiveGrade: facts.collectiveGrade,
    managedUnitGrades: facts.managedUnitGrades,
    targetsOverfulfilledPercent: recorded,
  });
}

export function refuseIfUnlinked(check: LinkageCheck | null): void {
  if (!check || check.ok) return;
  const first = check.violations[0]!;
  throw new RuleViolation(
    'LINKAGE_BROKEN',
    first.message.vi,
    first.message.en,
    check.violations.map((v) => ({
      path: 'grade',
      message: `${v.rule.article}: ${v.message.vi}`,
      messageEn: `${v.rule.article}: ${v.message.en}`,
    })),
  );
}

// ── Quota ────────────────────────────────────────────────────────────────────────────────

export interface Tally {
  unit: QuotaCounts;
  groups: Record<string, QuotaCounts>;
}

const empty = (): QuotaCounts => ({ graded: 0, excellent: 0, good: 0 });

export function tally(rows: readonly Pick<GradeRow, 'grade' | 'quota_group'>[]): Tally {
  const t: Tally = { unit: empty(), groups: {} };
  for (const r of rows) {
    if (!r.grade) continue;
    const targets = [t.unit];
    if (r.quota_group !== null) {
      t.groups[r.quota_group] ??= empty();
      targets.push(t.groups[r.quota_group]!);
    }
    for (const c of targets) {
      c.graded += 1;
      if (r.grade === 'excellent') c.excellent += 1;
      if (r.grade === 'good') c.good += 1;
    }
  }
  return t;
}

export function quotaChecks(
  ruleSet: AnnualRuleSet,
  subject: 'person' | 'collective',
  t: Tally,
): QuotaGroupCheck[] {
  return checkUnitQuotas(annualQuotaSubject(ruleSet, subject), t.unit, t.groups, { outstanding: false });
}

export function meters(checks: QuotaGroupCheck[], t: Tally) {
  return checks.map(({ group, check }) => {
    const c = group === null ? t.unit : (t.groups[group] ?? empty());
    return {
      group,
      graded: c.graded,
      excellent: c.excellent,
      good: c.good,
      limit: check.limit,
      percent: check.percent,
      basis: check.basis,
      ok: check.ok,
      message: check.message,
    };
  });
}

/** The reviews one quota covers: people of a unit on a track, or the collectives a unit decides. */
export function quotaScope(row: {
  subject: string;
  unit_id: string;
  decision_unit_id: string;
  track: string;
}) {
  return row.subject === 'person'
    ? sql<boolean>`r.subject = 'person' AND r.unit_id = ${row.unit_id} AND r.track = ${row.track}`
    : sql<boolean>`r.subject <> 'person' AND r.decision_unit_id = ${row.decision_unit_id} AND r.track = ${row.track}`;
}

/** 409 with the numbers when deciding `grade` on this review breaks the quota of its unit or group. */
export async function refuseIfOverQuota(
  db: Db,
  ruleSet: AnnualRuleSet,
  row: {
    id: string;
    tenant_id: string;
    period_id: string;
    subject: string;
    unit_id: string;
    decision_unit_id: string;
    track: string;
    quota_group: string | null;
  },
  grade: Grade,
): Promise<void> {
  const others = await gradesWhere(
    db,
    row.tenant_id,
    row.period_id,
    sql<boolean>`${quotaScope(row)} AND r.state IN ('decided', 'published') AND r.id <> ${row.id}`,
  );
  const decided = others.map((o) => ({ grade: o.decided, quota_group: o.quota_group }));
  const t = tally([...decided, { grade, quota_group: row.quota_group }]);
  const broken = quotaChecks(ruleSet, row.subject === 'person' ? 'person' : 'collective', t).filter(
    (c) => !c.check.ok,
  );
  if (broken.length === 0) return;
  const label = (c: QuotaGroupCheck, lang: 'vi' | 'en') =>
    c.group === null
      ? c.check.message[lang]
      : `${lang === 'vi' ? 'Nhóm' : 'Group'} ${c.group}: ${c.check.message[lang]}`;
  const first = broken[0]!;
  throw new AppError(
    409,
    'QUOTA_EXCEEDED',
    label(first, 'vi'),
    label(first, 'en'),
    broken.map((c) => ({
      path: c.group === null ? 'grade' : `quotaGroup.${c.group}`,
      message: label(c, 'vi'),
      messageEn: label(c, 'en'),
    })),
  );
}
