import { checkUnitQuotas, percentValue, type QuotaCounts, ruleSetById, withParameters } from '@canbo/domain';
import { sql } from 'kysely';
import { GRADES } from './labels';
import { unitsForPeriod } from './subtree';
import { dimension, type Indicator, type IndicatorInput, measure, SHARE, sums, text } from './types';

/** Evaluations with a decided grade (the head's decision, published, under complaint or final). */
const DECIDED = ['decided', 'published', 'complained', 'final'];
/** Evaluations past the self-assessment. */
const SELF_ASSESSED = ['selfAssessed', 'inReview', 'reviewed', ...DECIDED];

/** The cycles of the period (overlapping [from, to]) with evaluations in the subtree, counted. */
async function cycleCounts(input: IndicatorInput) {
  const { rows } = await sql<Record<string, string>>`
    SELECT c.id, c.label, c.period_start::text AS period_start,
           count(*) AS enrolled,
           count(*) FILTER (WHERE e.state = 'notEvaluated') AS not_evaluated,
           count(*) FILTER (WHERE e.state IN (${sql.join(SELF_ASSESSED)})) AS self_assessed,
           count(*) FILTER (WHERE e.state IN (${sql.join(DECIDED)})) AS decided,
           count(*) FILTER (WHERE e.state IN (${sql.join(DECIDED)}) AND e.grade = 'excellent') AS excellent,
           count(*) FILTER (WHERE e.state IN (${sql.join(DECIDED)}) AND e.grade = 'good') AS good,
           count(*) FILTER (WHERE e.state IN (${sql.join(DECIDED)}) AND e.grade = 'completed') AS completed,
           count(*) FILTER (WHERE e.state IN (${sql.join(DECIDED)}) AND e.grade = 'notCompleted') AS not_completed
      FROM evaluation e JOIN eval_cycle c ON c.tenant_id = e.tenant_id AND c.id = e.cycle_id
     WHERE e.tenant_id = ${input.tenantId} AND c.period_start <= ${input.to} AND c.period_end >= ${input.from}
       AND e.unit_id IN ${unitsForPeriod(input.subtree, input.asOf)}
     GROUP BY c.id, c.label, c.period_start
     ORDER BY c.period_start, c.label, c.id`.execute(input.db);
  return rows.map((r) => ({
    id: r.id!,
    label: r.label!,
    periodStart: r.period_start!,
    n: (k: string) => Number(r[k] ?? 0),
  }));
}

const CYCLE = dimension('cycle', 'Kỳ đánh giá', 'Cycle');
const cycleCells = (c: { id: string; label: string; periodStart: string }) => ({
  values: { cycle: c.id, periodStart: c.periodStart },
  labels: { cycle: text(c.label, c.label) },
});
const PERIOD_START = dimension('periodStart', 'Từ ngày', 'From');

const completion: Indicator = {
  id: 'evaluations.completion',
  label: text('Tiến độ đánh giá hằng tháng', 'Evaluation completion'),
  description: text(
    'Theo từng kỳ đánh giá trong khoảng thời gian: số người phải đánh giá (trừ người không đánh giá), số đã tự đánh giá, số đã có kết quả xếp loại và tỷ lệ hoàn thành.',
    'Per cycle in the period: people to evaluate (less those not evaluated), self-assessed, graded, and the completion rate.',
  ),
  module: 'evaluations',
  unit: 'evaluations',
  timing: 'period',
  parameters: [],
  async compute(input) {
    const rows = (await cycleCounts(input)).map((c) => {
      const due = c.n('enrolled') - c.n('not_evaluated');
      const cells = cycleCells(c);
      return {
        labels: cells.labels,
        values: {
          ...cells.values,
          due,
          selfAssessed: c.n('self_assessed'),
          decided: c.n('decided'),
          completion: percentValue(c.n('decided'), due),
        },
      };
    });
    const total = sums(rows, ['due', 'selfAssessed', 'decided']);
    return {
      columns: [
        CYCLE,
        PERIOD_START,
        measure('due', 'Phải đánh giá', 'To evaluate', 'evaluations'),
        measure('selfAssessed', 'Đã tự đánh giá', 'Self-assessed', 'evaluations'),
        measure('decided', 'Đã xếp loại', 'Graded', 'evaluations'),
        measure('completion', 'Tỷ lệ hoàn thành', 'Completion', 'percent'),
      ],
      rows,
      total: { ...total, completion: percentValue(total.decided!, total.due!) },
    };
  },
};

const GRADE_KEYS = ['excellent', 'good', 'completed', 'notCompleted'] as const;
const COLUMN_OF = {
  excellent: 'excellent',
  good: 'good',
  completed: 'completed',
  notCompleted: 'not_completed',
};

const grades: Indicator = {
  id: 'evaluations.grades',
  label: text('Kết quả xếp loại hằng tháng', 'Grade distribution per cycle'),
  description: text(
    'Theo từng kỳ đánh giá: số người được xếp loại ở mỗi mức và tỷ lệ trên tổng số được xếp loại.',
    'Per cycle: people graded at each grade and their share of all graded.',
  ),
  module: 'evaluations',
  unit: 'evaluations',
  timing: 'period',
  parameters: [],
  async compute(input) {
    const rows = (await cycleCounts(input)).map((c) => {
      const graded = c.n('decided');
      const values: Record<string, string | number | null> = { ...cycleCells(c).values, graded };
      for (const g of GRADE_KEYS) {
        values[g] = c.n(COLUMN_OF[g]);
        values[`${g}Share`] = percentValue(c.n(COLUMN_OF[g]), graded);
      }
      return { values, labels: cycleCells(c).labels };
    });
    const total: Record<string, number | null> = sums(rows, ['graded', ...GRADE_KEYS]);
    for (const g of GRADE_KEYS) total[`${g}Share`] = percentValue(total[g]!, total.graded!);
    return {
      columns: [
        CYCLE,
        PERIOD_START,
        measure('graded', 'Được xếp loại', 'Graded', 'evaluations'),
        ...GRADE_KEYS.flatMap((g) => [
          measure(g, GRADES[g]!.vi, GRADES[g]!.en, 'evaluations'),
          {
            ...SHARE,
            key: `${g}Share`,
            label: text(`Tỷ lệ ${GRADES[g]!.vi.toLowerCase()}`, `${GRADES[g]!.en} share`),
          },
        ]),
      ],
      rows,
      total,
    };
  },
};

const quota: Indicator = {
  id: 'evaluations.quota',
  label: text('Thực hiện tỷ lệ khống chế', 'Quota compliance'),
  description: text(
    'Theo từng kỳ đánh giá: số đơn vị có kết quả xếp loại và số đơn vị có số người xếp loại cao nhất vượt tỷ lệ khống chế (theo bộ quy tắc của kỳ, kể cả theo nhóm chức danh tương đồng).',
    "Per cycle: units with graded people, and units whose top-grade count exceeds the cycle rule set's quota (per group of similar posts where the rule set says so).",
  ),
  module: 'evaluations',
  unit: 'units',
  timing: 'period',
  parameters: [],
  async compute(input) {
    const { rows } = await sql<{
      cycle_id: string;
      label: string;
      period_start: string;
      rule_set_id: string;
      parameters: unknown;
      unit_id: string;
      outstanding: boolean | null;
      title_group: string | null;
      grade: string;
      n: string;
    }>`
      WITH counted AS (
        -- Counted first on small keys; the cycle's framework and flags are joined to the counts.
        SELECT e.cycle_id, e.unit_id, e.title_group, e.grade, count(*) AS n
          FROM evaluation e
          JOIN eval_cycle c ON c.tenant_id = e.tenant_id AND c.id = e.cycle_id
         WHERE e.tenant_id = ${input.tenantId} AND c.period_start <= ${input.to} AND c.period_end >= ${input.from}
           AND e.state IN (${sql.join(DECIDED)}) AND e.grade IS NOT NULL
           AND e.unit_id IN ${unitsForPeriod(input.subtree, input.asOf)}
         GROUP BY e.cycle_id, e.unit_id, e.title_group, e.grade
      )
      SELECT c.id AS cycle_id, c.label, c.period_start::text AS period_start, c.rule_set_id, f.parameters,
             g.unit_id, cu.outstanding, g.title_group, g.grade, g.n
        FROM counted g
        JOIN eval_cycle c ON c.tenant_id = ${input.tenantId} AND c.id = g.cycle_id
        JOIN eval_framework f ON f.tenant_id = c.tenant_id AND f.id = c.framework_id
        LEFT JOIN eval_cycle_unit cu ON cu.tenant_id = c.tenant_id AND cu.cycle_id = g.cycle_id AND cu.unit_id = g.unit_id
       ORDER BY c.period_start, c.label, c.id`.execute(input.db);
    type UnitAcc = { outstanding: boolean; unit: QuotaCounts; groups: Record<string, QuotaCounts> };
    const cycles = new Map<
      string,
      {
        label: string;
        periodStart: string;
        ruleSetId: string;
        parameters: unknown;
        units: Map<string, UnitAcc>;
      }
    >();
    const empty = (): QuotaCounts => ({ graded: 0, excellent: 0, good: 0 });
    const add = (c: QuotaCounts, grade: string, n: number) => {
      c.graded += n;
      if (grade === 'excellent') c.excellent += n;
      if (grade === 'good') c.good += n;
    };
    for (const r of rows) {
      let cycle = cycles.get(r.cycle_id);
      if (!cycle) {
        cycle = {
          label: r.label,
          periodStart: r.period_start,
          ruleSetId: r.rule_set_id,
          parameters: r.parameters,
          units: new Map(),
        };
        cycles.set(r.cycle_id, cycle);
      }
      let unit = cycle.units.get(r.unit_id);
      if (!unit) {
        unit = { outstanding: r.outstanding ?? false, unit: empty(), groups: {} };
        cycle.units.set(r.unit_id, unit);
      }
      add(unit.unit, r.grade, Number(r.n));
      if (r.title_group !== null) {
        unit.groups[r.title_group] ??= empty();
        add(unit.groups[r.title_group]!, r.grade, Number(r.n));
      }
    }
    const out = [...cycles.entries()].map(([id, c]) => {
      const base = ruleSetById(c.ruleSetId);
      let exceeding = 0;
      if (base) {
        const ruleSet = withParameters(
          base,
          (c.parameters ?? {}) as Record<string, number | string | boolean>,
        );
        for (const u of c.units.values()) {
          const checks = checkUnitQuotas(ruleSet, u.unit, u.groups, { outstanding: u.outstanding });
          if (checks.some((x) => !x.check.ok)) exceeding += 1;
        }
      }
      const units = c.units.size;
      return {
        values: {
          cycle: id,
          periodStart: c.periodStart,
          units,
          exceeding,
          compliance: percentValue(units - exceeding, units),
        },
        labels: { cycle: text(c.label, c.label) },
      };
    });
    const total = sums(out, ['units', 'exceeding']);
    return {
      columns: [
        CYCLE,
        PERIOD_START,
        measure('units', 'Đơn vị có kết quả xếp loại', 'Units with grades', 'units'),
        measure('exceeding', 'Đơn vị vượt tỷ lệ khống chế', 'Units over the quota', 'units'),
        measure('compliance', 'Tỷ lệ đơn vị đúng tỷ lệ khống chế', 'Units within the quota', 'percent'),
      ],
      rows: out,
      total: { ...total, compliance: percentValue(total.units! - total.exceeding!, total.units!) },
    };
  },
};

export const evaluationIndicators: Indicator[] = [completion, grades, quota];
