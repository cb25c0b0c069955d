import { type RawBuilder, sql } from 'kysely';
import { ageTiers, PARTY_STATUSES, POLITICAL_THEORY, SEXES, STAFF_CATEGORIES } from './labels';
import { AGE_PARAMETER } from './parameters';
import { unitsOn } from './subtree';
import {
  countsByCode,
  dimension,
  type Headline,
  type Indicator,
  type IndicatorInput,
  measure,
  shareHeadline,
  text,
  totalHeadline,
} from './types';

/**
 * Headcount on the as-of date: people whose record is kept (and active) in a unit of the subtree as
 * it stood that day, or who held a post in one of those units that day. Each person counts once.
 */
export function population(input: IndicatorInput): RawBuilder<unknown> {
  const { tenantId: t, asOf: on } = input;
  const units = unitsOn(input.subtree, on);
  return sql`(SELECT r.id FROM person r
       WHERE r.tenant_id = ${t} AND r.status = 'active' AND r.unit_id IN ${units}
      UNION
      SELECT ps.person_id FROM position ps
       WHERE ps.tenant_id = ${t} AND ps.start_date <= ${on} AND (ps.end_date IS NULL OR ps.end_date > ${on})
         AND ps.unit_id IN ${units})`;
}

async function countBy(input: IndicatorInput, key: RawBuilder<unknown>, where = sql`true`) {
  const { rows } = await sql<{ code: string; n: string }>`
    SELECT ${key} AS code, count(*) AS n FROM person p
     WHERE p.tenant_id = ${input.tenantId} AND p.id IN ${population(input)} AND ${where}
     GROUP BY 1`.execute(input.db);
  return new Map(rows.map((r) => [r.code, Number(r.n)]));
}

const PEOPLE = measure('people', 'Số người', 'People', 'people');

function headcount(
  id: string,
  label: [string, string],
  column: [string, string, string],
  key: RawBuilder<unknown>,
  labels: Record<string, { vi: string; en: string }>,
  headline: Headline,
): Indicator {
  return {
    id,
    headline,
    label: text(...label),
    description: text(
      `Số người trong đơn vị và các đơn vị trực thuộc tại ngày chốt số liệu, theo ${column[1].toLowerCase()}.`,
      `People of the subtree on the as-of date, by ${column[2].toLowerCase()}.`,
    ),
    module: 'people',
    unit: 'people',
    timing: 'point',
    parameters: [],
    compute: async (input) =>
      countsByCode(column[0], dimension(...column), PEOPLE, await countBy(input, key), labels),
  };
}

export const peopleIndicators: Indicator[] = [
  headcount(
    'people.byCategory',
    ['Số lượng theo loại cán bộ', 'Headcount by staff category'],
    ['category', 'Loại', 'Category'],
    sql`p.staff_category`,
    STAFF_CATEGORIES,
    totalHeadline('people', 'Tổng số người', 'Headcount', 'people'),
  ),
  headcount(
    'people.bySex',
    ['Số lượng theo giới tính', 'Headcount by sex'],
    ['sex', 'Giới tính', 'Sex'],
    sql`p.sex`,
    SEXES,
    shareHeadline('femaleShare', 'Tỷ lệ nữ', 'Share of women', 'people', (r) => r.values.sex === 'female'),
  ),
  {
    id: 'people.byAgeTier',
    label: text('Số lượng theo độ tuổi', 'Headcount by age tier'),
    description: text(
      'Số người theo độ tuổi (tuổi tròn tại ngày chốt số liệu); mặc định dưới 40, từ 40 đến 50, trên 50.',
      'People by age tier (full years on the as-of date); by default under 40, 40 to 50, over 50.',
    ),
    module: 'people',
    unit: 'people',
    timing: 'point',
    parameters: [AGE_PARAMETER],
    headline: shareHeadline(
      'youngestShare',
      'Tỷ lệ ở độ tuổi thấp nhất (mặc định dưới 40)',
      'Share in the youngest tier (under 40 by default)',
      'people',
      (_, i) => i === 0,
    ),
    compute: async (input) => {
      const tiers = ageTiers(input.bands);
      const age = sql`date_part('year', age(${input.asOf}::date, p.birth_date))`;
      const cases = tiers.map(
        (tier) => sql`WHEN ${tier.to === null ? sql`true` : sql`${age} <= ${tier.to}`} THEN ${tier.code}`,
      );
      const counts = await countBy(input, sql`CASE ${sql.join(cases, sql` `)} END`);
      return countsByCode(
        'tier',
        dimension('tier', 'Độ tuổi', 'Age tier'),
        PEOPLE,
        counts,
        Object.fromEntries(tiers.map((t) => [t.code, t.label])),
      );
    },
  },
  headcount(
    'people.byEthnicity',
    ['Số lượng theo dân tộc', 'Headcount by ethnicity'],
    ['ethnicity', 'Dân tộc', 'Ethnicity'],
    sql`p.ethnicity`,
    {},
    shareHeadline(
      'minorityShare',
      'Tỷ lệ người dân tộc thiểu số',
      'Share of ethnic minorities',
      'people',
      (r) => r.values.ethnicity !== 'Kinh',
    ),
  ),
  headcount(
    'people.byPoliticalTheory',
    ['Số lượng theo trình độ lý luận chính trị', 'Headcount by political theory level'],
    ['level', 'Trình độ lý luận chính trị', 'Political theory level'],
    sql`coalesce(p.political_theory, 'unknown')`,
    POLITICAL_THEORY,
    shareHeadline(
      'advancedShare',
      'Tỷ lệ có trình độ cao cấp, cử nhân',
      'Share with advanced or bachelor level',
      'people',
      (r) => r.values.level === 'advanced' || r.values.level === 'bachelor',
    ),
  ),
  {
    id: 'party.membersByStatus',
    label: text('Đảng viên theo tình trạng', 'Party members by status'),
    description: text(
      'Số đảng viên (chính thức, dự bị, đình chỉ sinh hoạt) trong đơn vị và các đơn vị trực thuộc tại ngày chốt số liệu.',
      'Party members (full, probationary, suspended) of the subtree on the as-of date.',
    ),
    module: 'party',
    unit: 'people',
    timing: 'point',
    parameters: [],
    headline: totalHeadline('people', 'Số đảng viên', 'Party members', 'people'),
    compute: async (input) => {
      const counts = await countBy(
        input,
        sql`p.party_status`,
        sql`p.party_status IN ('full', 'probationary', 'suspended')`,
      );
      return countsByCode(
        'status',
        dimension('status', 'Tình trạng', 'Status'),
        PEOPLE,
        counts,
        PARTY_STATUSES,
      );
    },
  },
];

/** The headcount of the subtree on the as-of date (the size of a unit on the map of units). */
export async function countPeople(input: IndicatorInput): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM person p
     WHERE p.tenant_id = ${input.tenantId} AND p.id IN ${population(input)}`.execute(input.db);
  return Number(rows[0]?.n ?? 0);
}
