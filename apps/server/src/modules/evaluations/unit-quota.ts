import {
  checkUnitQuotas,
  type Grade,
  type QuotaCounts,
  type QuotaGroupCheck,
  type RuleSet,
} from '@canbo/domain';
import { sql } from 'kysely';
import { RuleViolation } from '../../errors';
import type { Db } from './evaluations.repository';

/**
 * The quota of a unit in a cycle (tỷ lệ khống chế): grades counted over the unit and, where the rule
 * set caps per group of similar posts, within each title group.
 */
export interface UnitCounts {
  unit: QuotaCounts;
  groups: Record<string, QuotaCounts>;
}

export const DECIDED_STATES = ['decided', 'published', 'final'] as const;

const empty = (): QuotaCounts => ({ graded: 0, excellent: 0, good: 0 });

export function addGrade(counts: UnitCounts, grade: string | null, group: string | null, times = 1): void {
  if (!grade) return;
  const targets = [counts.unit];
  if (group !== null) {
    counts.groups[group] ??= empty();
    targets.push(counts.groups[group]);
  }
  for (const c of targets) {
    c.graded += times;
    if (grade === 'excellent') c.excellent += times;
    if (grade === 'good') c.good += times;
  }
}

export function emptyCounts(): UnitCounts {
  return { unit: empty(), groups: {} };
}

/** Grades of the unit's evaluations in these states (leaving one evaluation out, when given). */
export async function unitGradeCounts(
  db: Db,
  tenantId: string,
  cycleId: string,
  unitId: string,
  states: readonly string[],
  exceptId: string | null = null,
): Promise<UnitCounts> {
  const rows = await sql<{ title_group: string | null; grade: Grade; n: string }>`
    SELECT title_group, grade, count(*) AS n FROM evaluation
     WHERE tenant_id = ${tenantId} AND cycle_id = ${cycleId} AND unit_id = ${unitId}
       AND state IN (${sql.join([...states])}) AND grade IS NOT NULL
       ${exceptId ? sql`AND id <> ${exceptId}` : sql``}
     GROUP BY title_group, grade`.execute(db);
  const counts = emptyCounts();
  for (const r of rows.rows) addGrade(counts, r.grade, r.title_group, Number(r.n));
  return counts;
}

export async function isOutstanding(
  db: Db,
  tenantId: string,
  cycleId: string,
  unitId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('eval_cycle_unit')
    .select('outstanding')
    .where('tenant_id', '=', tenantId)
    .where('cycle_id', '=', cycleId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row?.outstanding ?? false;
}

export function quotaChecks(ruleSet: RuleSet, counts: UnitCounts, outstanding: boolean): QuotaGroupCheck[] {
  return checkUnitQuotas(ruleSet, counts.unit, counts.groups, { outstanding });
}

/** 422 naming the numbers of the first broken check (and of every other one in the details). */
export function refuseIfBroken(checks: QuotaGroupCheck[]): void {
  const broken = checks.filter((c) => !c.check.ok);
  if (broken.length === 0) return;
  const label = (c: QuotaGroupCheck, lang: 'vi' | 'en') =>
    c.group === null
      ? c.check.message[lang]
      : `${lang === 'vi' ? 'Nhóm' : 'Group'} ${c.group}: ${c.check.message[lang]}`;
  const first = broken[0]!;
  throw new RuleViolation(
    'QUOTA_EXCEEDED',
    label(first, 'vi'),
    label(first, 'en'),
    broken.map((c) => ({
      path: c.group === null ? 'grade' : `titleGroup.${c.group}`,
      message: label(c, 'vi'),
      messageEn: label(c, 'en'),
    })),
  );
}
