import {
  type CriterionNode,
  computeKpi,
  type DisciplineFormName,
  type EvaluationFacts,
  type Framework,
  type Grade,
  type KpiResult,
  leaderUnitComponent,
  leafCriteria,
  type RuleSet,
  type RuleSetId,
  ruleSetById,
  type ScoreResult,
  scoreEvaluation,
  type TaskStats,
  withParameters,
} from '@canbo/domain';
import { sql } from 'kysely';
import { RuleViolation } from '../../errors';
import { todayInVietnam } from '../units/units.dates';
import { type Db, type EvaluationRow, frameworkOf, kpiEntriesOf } from './evaluations.repository';
import { taskStatsJson } from './tasks.repository';

/**
 * Facts and score of one evaluation, computed by the domain rules when a step is taken: the rule set
 * with the framework's parameters, disciplines and findings of the period's calendar year, the task
 * record, and the KPI result when the rule set has one.
 */
export interface LoadedFramework {
  id: string;
  name: string;
  versionNo: number;
  criteria: CriterionNode[];
  ruleSet: RuleSet;
  framework: Framework;
}

/**
 * Published frameworks never change (docs/EVALUATIONS.md, "Data"): loaded once per process by tenant and
 * id, so a transition does not read and rebuild the criteria tree each time. Drafts are never cached.
 */
const publishedFrameworks = new Map<string, LoadedFramework>();
const CACHED_FRAMEWORKS = 1_000;

export async function loadFramework(db: Db, tenantId: string, id: string): Promise<LoadedFramework> {
  const key = `${tenantId}:${id}`;
  const cached = publishedFrameworks.get(key);
  if (cached) return cached;
  const row = await frameworkOf(db, tenantId, id);
  const base = ruleSetById(row.rule_set_id);
  if (!base) throw new Error(`Unknown rule set ${row.rule_set_id}`);
  const parameters = (row.parameters ?? {}) as Record<string, number | string | boolean>;
  const ruleSet = withParameters(base, parameters);
  const criteria = row.criteria as CriterionNode[];
  const loaded: LoadedFramework = {
    id: row.id,
    name: row.name,
    versionNo: row.version_no,
    criteria,
    ruleSet,
    framework: { ruleSetId: base.id as RuleSetId, groups: criteria },
  };
  if (row.status !== 'draft') {
    if (publishedFrameworks.size >= CACHED_FRAMEWORKS) publishedFrameworks.clear();
    publishedFrameworks.set(key, loaded);
  }
  return loaded;
}

/** Scores may name only leaf criteria, each within its maximum: 422 naming the criterion code. */
export function checkScores(framework: Framework, scores: Record<string, number>): void {
  const leaves = new Map(leafCriteria(framework).map((l) => [l.node.code, l.node]));
  for (const [code, points] of Object.entries(scores)) {
    const leaf = leaves.get(code);
    if (!leaf) {
      const vi = `Tiêu chí "${code}" không có trong khung tiêu chí (hoặc không phải tiêu chí lá).`;
      const en = `Criterion "${code}" is not a leaf criterion of the framework.`;
      throw new RuleViolation('UNKNOWN_CRITERION', vi, en, [
        { path: `scores.${code}`, message: vi, messageEn: en },
      ]);
    }
    if (points > leaf.maxPoints) {
      const vi = `Điểm tiêu chí "${code}" (${points}) vượt mức tối đa ${leaf.maxPoints}.`;
      const en = `Criterion "${code}" has ${points} points, above its maximum of ${leaf.maxPoints}.`;
      throw new RuleViolation('SCORE_ABOVE_MAX', vi, en, [
        { path: `scores.${code}`, message: vi, messageEn: en },
      ]);
    }
  }
}

const YEAR_FORMS: readonly string[] = [
  'reprimand',
  'warning',
  'removal_from_post',
  'dismissal',
  'expulsion',
  'demotion',
  'forced_resignation',
];

/** What the facts are read from: forms and kinds of the period's calendar year, and the task record. */
export interface FactColumns {
  fact_disciplines: string[] | null;
  fact_findings: string[] | null;
  fact_tasks: TaskStats;
}

/** What `personFactColumns` adds to a row. */
export type PersonFactColumns = Omit<FactColumns, 'fact_tasks'>;

/**
 * Disciplines and findings of the person of evaluation `e` (its cycle joined as `c`) decided in the
 * calendar year of the period, as two columns of correlated subqueries. A step reads them with its row
 * and takes the task record from the tasks it reads for its answer (`taskStatsOf`).
 */
export function personFactColumns() {
  const from = sql`make_date(extract(year FROM c.period_start)::int, 1, 1)`;
  const to = sql`make_date(extract(year FROM c.period_start)::int, 12, 31)`;
  return [
    sql<string[] | null>`(SELECT array_agg(d.form) FROM discipline d
        WHERE d.tenant_id = e.tenant_id AND d.person_id = e.person_id
          AND d.decision_date BETWEEN ${from} AND ${to})`.as('fact_disciplines'),
    sql<string[] | null>`(SELECT array_agg(f.kind) FROM person_finding f
        WHERE f.tenant_id = e.tenant_id AND f.person_id = e.person_id
          AND f.decision_date BETWEEN ${from} AND ${to})`.as('fact_findings'),
  ] as const;
}

/** The facts of evaluation `e`: the person's (above) and the task record as of `asOf`. */
export function factColumns(asOf: string) {
  return [
    ...personFactColumns(),
    taskStatsJson(sql.ref('e.tenant_id'), sql.ref('e.id'), asOf).as('fact_tasks'),
  ] as const;
}

/** The rule inputs of a row from its fact columns (the row as the rules should see it: leader, remedied). */
export function factsFrom(row: EvaluationRow, columns: FactColumns): EvaluationFacts {
  const kinds = columns.fact_findings ?? [];
  const tasks = columns.fact_tasks;
  const facts: EvaluationFacts = {
    isLeader: row.is_leader,
    disciplinesInYear: (columns.fact_disciplines ?? []).filter((f) =>
      YEAR_FORMS.includes(f),
    ) as DisciplineFormName[],
    degradationConcluded: kinds.includes('degradation'),
    corruptionInManagedUnit: row.is_leader && kinds.includes('corruptionInManagedUnit'),
    tasks: {
      total: Number(tasks.total),
      done: Number(tasks.done),
      onTime: Number(tasks.onTime),
      late: Number(tasks.late),
      exceeding: Number(tasks.exceeding),
    },
  };
  if (row.shortcomings_remedied !== null) facts.shortcomingsRemedied = row.shortcomings_remedied;
  return facts;
}

/** The facts of one evaluation on their own: one statement. */
export async function factsOf(db: Db, row: EvaluationRow, asOf = todayInVietnam()): Promise<EvaluationFacts> {
  const { rows } = await sql<FactColumns>`
    /* prepared */ -- one evaluation's rows: the plan does not depend on the values (db/prepared.ts)
    SELECT ${sql.join(factColumns(asOf))}
      FROM evaluation e JOIN eval_cycle c ON c.tenant_id = e.tenant_id AND c.id = e.cycle_id
     WHERE e.tenant_id = ${row.tenant_id} AND e.id = ${row.id}`.execute(db);
  const columns = rows[0];
  if (!columns) throw new Error(`Evaluation ${row.id} not found`);
  return factsFrom(row, columns);
}

/** The KPI result of the evaluation (rule sets with KPI only). */
export async function kpiOf(db: Db, row: EvaluationRow, ruleSet: RuleSet): Promise<KpiResult | null> {
  if (!ruleSet.kpi) return null;
  const entries = await kpiEntriesOf(db, row.tenant_id, row.id);
  const lines = entries.map((e) => ({
    coefficient: Number(e.coefficient),
    assigned: Number(e.assigned),
    completed: Number(e.completed),
    qualityFailures: e.quality_failures,
    objectiveQualityFailures: e.objective_quality_failures,
    delays: e.delays,
    objectiveDelays: e.objective_delays,
  }));
  if (!row.is_leader) return computeKpi(lines, { isLeader: false });
  // The leader's unit component: the latest grades of everyone decided in the leader's unit this cycle.
  const managed = await db
    .selectFrom('evaluation')
    .select('grade')
    .where('tenant_id', '=', row.tenant_id)
    .where('cycle_id', '=', row.cycle_id)
    .where('decision_unit_id', '=', row.unit_id)
    .where('id', '<>', row.id)
    .where('grade', 'is not', null)
    .execute();
  const options: Parameters<typeof computeKpi>[1] = {
    isLeader: true,
    unitComponent: leaderUnitComponent(managed.map((m) => m.grade as Grade)),
  };
  if (row.organising_capacity !== null) options.organisingCapacity = Number(row.organising_capacity);
  return computeKpi(lines, options);
}

export interface Scored {
  result: ScoreResult;
  facts: EvaluationFacts;
  kpi: KpiResult | null;
}

export async function scoreRow(
  db: Db,
  row: EvaluationRow,
  fw: LoadedFramework,
  scores: Record<string, number>,
  /** The facts when already read with the row (`factColumns`). */
  known?: EvaluationFacts,
): Promise<Scored> {
  const [facts, kpi] = await Promise.all([known ?? factsOf(db, row), kpiOf(db, row, fw.ruleSet)]);
  const input: Parameters<typeof scoreEvaluation>[2] = { scores, facts };
  if (kpi) input.kpi = kpi;
  return { result: scoreEvaluation(fw.ruleSet, fw.framework, input), facts, kpi };
}
