import { percentValue } from '@canbo/domain';
import { sql } from 'kysely';
import { GRADES, REVIEW_SUBJECTS, REVIEW_TRACKS } from './labels';
import { unitsForPeriod } from './subtree';
import { dimension, type Indicator, measure, SHARE, sums, text } from './types';

const GRADE_KEYS = ['excellent', 'good', 'completed', 'notCompleted'] as const;
const yearOf = (date: string) => Number(date.slice(0, 4));

const annualGrades: Indicator = {
  id: 'annual.grades',
  label: text('Xếp loại chất lượng hằng năm', 'Annual grades of people and collectives'),
  description: text(
    'Các kỳ kiểm điểm, đánh giá, xếp loại có thời gian giao với khoảng thời gian: theo đối tượng (cá nhân, tập thể) và theo khối (Đảng, chính quyền), số được xếp loại ở mỗi mức (kết quả đã quyết định) và số không xếp loại.',
    'Review periods overlapping the period: per subject (individuals, collectives) and track (party, state), the decided grades and those not reviewed.',
  ),
  module: 'annual',
  unit: 'reviews',
  timing: 'period',
  parameters: [],
  async compute(input) {
    const decided = sql`r.state IN ('decided', 'published') AND r.decided_grade IS NOT NULL`;
    const { rows } = await sql<Record<string, string>>`
      SELECT r.subject, r.track,
             count(*) FILTER (WHERE r.state <> 'notReviewed') AS reviewed,
             count(*) FILTER (WHERE ${decided}) AS graded,
             count(*) FILTER (WHERE ${decided} AND r.decided_grade = 'excellent') AS excellent,
             count(*) FILTER (WHERE ${decided} AND r.decided_grade = 'good') AS good,
             count(*) FILTER (WHERE ${decided} AND r.decided_grade = 'completed') AS completed,
             count(*) FILTER (WHERE ${decided} AND r.decided_grade = 'notCompleted') AS not_completed,
             count(*) FILTER (WHERE r.state = 'notReviewed') AS not_reviewed
        FROM annual_review r JOIN review_period p ON p.tenant_id = r.tenant_id AND p.id = r.period_id
       WHERE r.tenant_id = ${input.tenantId} AND p.period_start <= ${input.to} AND p.period_end >= ${input.from}
         AND r.unit_id IN ${unitsForPeriod(input.subtree, input.asOf)}
       GROUP BY r.subject, r.track`.execute(input.db);
    const order = Object.keys(REVIEW_SUBJECTS);
    rows.sort(
      (a, b) => order.indexOf(a.subject!) - order.indexOf(b.subject!) || a.track!.localeCompare(b.track!),
    );
    const out = rows.map((r) => {
      const n = (k: string) => Number(r[k] ?? 0);
      const graded = n('graded');
      const values: Record<string, string | number | null> = {
        subject: r.subject!,
        track: r.track!,
        reviewed: n('reviewed'),
        graded,
        notReviewed: n('not_reviewed'),
      };
      for (const g of GRADE_KEYS) {
        const count = n(g === 'notCompleted' ? 'not_completed' : g);
        values[g] = count;
        values[`${g}Share`] = percentValue(count, graded);
      }
      return {
        values,
        labels: {
          subject: REVIEW_SUBJECTS[r.subject!] ?? text(r.subject!, r.subject!),
          track: REVIEW_TRACKS[r.track!] ?? text(r.track!, r.track!),
        },
      };
    });
    return {
      columns: [
        dimension('subject', 'Đối tượng', 'Subject'),
        dimension('track', 'Khối', 'Track'),
        measure('reviewed', 'Số được kiểm điểm', 'Reviewed', 'reviews'),
        measure('graded', 'Đã xếp loại', 'Graded', 'reviews'),
        ...GRADE_KEYS.flatMap((g) => [
          measure(g, GRADES[g]!.vi, GRADES[g]!.en, 'reviews'),
          {
            ...SHARE,
            key: `${g}Share`,
            label: text(`Tỷ lệ ${GRADES[g]!.vi.toLowerCase()}`, `${GRADES[g]!.en} share`),
          },
        ]),
        measure('notReviewed', 'Không xếp loại', 'Not reviewed', 'reviews'),
      ],
      rows: out,
      // People and collectives are not summed together.
      total: null,
    };
  },
};

const weakOrgs: Indicator = {
  id: 'party.weakOrgs',
  label: text('Tổ chức cơ sở đảng yếu kém và kết quả củng cố', 'Weak base party organisations consolidated'),
  description: text(
    'Theo từng năm trong khoảng thời gian: số tổ chức cơ sở đảng yếu kém (xếp loại không hoàn thành nhiệm vụ hoặc được xác định yếu kém), số đã củng cố ("củng cố được X/Y") và tỷ lệ.',
    'Per year of the period: weak base party organisations (graded not completed or designated weak), those consolidated ("consolidated X/Y") and the share.',
  ),
  module: 'party',
  unit: 'units',
  timing: 'period',
  parameters: [],
  async compute(input) {
    const { rows } = await sql<Record<string, string>>`
      SELECT w.year,
             count(*) AS weak,
             count(*) FILTER (WHERE w.status = 'consolidated') AS consolidated,
             count(*) FILTER (WHERE w.status IN ('planned', 'inProgress')) AS in_progress,
             count(*) FILTER (WHERE w.status = 'notConsolidated') AS not_consolidated
        FROM weak_org w
       WHERE w.tenant_id = ${input.tenantId} AND w.year BETWEEN ${yearOf(input.from)} AND ${yearOf(input.to)}
         AND w.unit_id IN ${unitsForPeriod(input.subtree, input.asOf)}
       GROUP BY w.year ORDER BY w.year`.execute(input.db);
    const out = rows.map((r) => {
      const n = (k: string) => Number(r[k] ?? 0);
      const year = String(r.year);
      return {
        values: {
          year,
          weak: n('weak'),
          consolidated: n('consolidated'),
          inProgress: n('in_progress'),
          notConsolidated: n('not_consolidated'),
          consolidatedShare: percentValue(n('consolidated'), n('weak')),
        },
        labels: { year: text(`Năm ${year}`, year) },
      };
    });
    const total = sums(out, ['weak', 'consolidated', 'inProgress', 'notConsolidated']);
    return {
      columns: [
        dimension('year', 'Năm', 'Year'),
        measure('weak', 'TCCSĐ yếu kém', 'Weak organisations', 'units'),
        measure('consolidated', 'Đã củng cố', 'Consolidated', 'units'),
        measure('inProgress', 'Đang củng cố', 'Being consolidated', 'units'),
        measure('notConsolidated', 'Chưa củng cố được', 'Not consolidated', 'units'),
        measure('consolidatedShare', 'Tỷ lệ củng cố', 'Consolidated share', 'percent'),
      ],
      rows: out,
      total: { ...total, consolidatedShare: percentValue(total.consolidated!, total.weak!) },
    };
  },
};

export const annualIndicators: Indicator[] = [annualGrades, weakOrgs];
