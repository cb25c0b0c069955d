import { percentValue } from '@canbo/domain';
import { sql } from 'kysely';
import { ageTiers } from './labels';
import { AGE_PARAMETER } from './parameters';
import { population } from './people.indicators';
import { dimension, type Indicator, measure, sums, text } from './types';

/**
 * The structure pyramid (age tier × sex) on the as-of date: the table behind the report's pyramid
 * chart. Same population and tiers as people.byAgeTier; people whose sex is not recorded count in
 * the total only.
 */
export const ageSexIndicators: Indicator[] = [
  {
    id: 'people.byAgeAndSex',
    label: text('Cơ cấu theo độ tuổi và giới tính', 'Headcount by age tier and sex'),
    description: text(
      'Số người theo độ tuổi (tuổi tròn tại ngày chốt số liệu) và giới tính; dùng cho tháp tuổi.',
      'People by age tier (full years on the as-of date) and sex; the structure pyramid.',
    ),
    module: 'people',
    unit: 'people',
    timing: 'point',
    parameters: [AGE_PARAMETER],
    async compute(input) {
      const tiers = ageTiers(input.bands);
      const age = sql`date_part('year', age(${input.asOf}::date, p.birth_date))`;
      const cases = tiers.map(
        (tier) => sql`WHEN ${tier.to === null ? sql`true` : sql`${age} <= ${tier.to}`} THEN ${tier.code}`,
      );
      const { rows } = await sql<{ tier: string; male: string; female: string; total: string }>`
        SELECT CASE ${sql.join(cases, sql` `)} END AS tier,
               count(*) FILTER (WHERE p.sex = 'male') AS male,
               count(*) FILTER (WHERE p.sex = 'female') AS female,
               count(*) AS total
          FROM person p
         WHERE p.tenant_id = ${input.tenantId} AND p.id IN ${population(input)} AND p.birth_date IS NOT NULL
         GROUP BY 1`.execute(input.db);
      const byTier = new Map(rows.map((r) => [r.tier, r]));
      const out = tiers.map((tier) => {
        const r = byTier.get(tier.code);
        const n = (v: string | undefined) => Number(v ?? 0);
        return {
          values: {
            tier: tier.code,
            male: n(r?.male),
            female: n(r?.female),
            total: n(r?.total),
            femaleShare: percentValue(n(r?.female), n(r?.total)),
          },
          labels: { tier: tier.label },
        };
      });
      const total = sums(out, ['male', 'female', 'total']);
      return {
        columns: [
          dimension('tier', 'Độ tuổi', 'Age tier'),
          measure('male', 'Nam', 'Men', 'people'),
          measure('female', 'Nữ', 'Women', 'people'),
          measure('total', 'Tổng số', 'Total', 'people'),
          measure('femaleShare', 'Tỷ lệ nữ', 'Share of women', 'percent'),
        ],
        rows: out,
        total: { ...total, femaleShare: percentValue(total.female!, total.total!) },
      };
    },
  },
];
