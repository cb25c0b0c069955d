import { percentValue } from '@canbo/domain';
import { ageSexIndicators } from './age-sex.indicators';
import { annualIndicators } from './annual.indicators';
import { evaluationIndicators } from './evaluations.indicators';
import { peopleIndicators } from './people.indicators';
import { type Headline, type Indicator, sums, text, totalHeadline } from './types';
import { votesOrgIndicators } from './votes-org.indicators';

/**
 * Headlines of the indicators that do not declare theirs where they are defined (the people module's
 * do): the figure the map of units colours by (docs/REPORTS.md, "Headlines").
 */
const HEADLINES: Record<string, Headline> = {
  'people.byAgeAndSex': totalHeadline('femaleShare', 'Tỷ lệ nữ', 'Share of women', 'percent'),
  'evaluations.completion': totalHeadline('completion', 'Tỷ lệ hoàn thành', 'Completion', 'percent'),
  'evaluations.grades': totalHeadline(
    'excellentShare',
    'Tỷ lệ hoàn thành xuất sắc nhiệm vụ',
    'Share graded excellent',
    'percent',
  ),
  'evaluations.quota': totalHeadline(
    'compliance',
    'Tỷ lệ đơn vị đúng tỷ lệ khống chế',
    'Units within the quota',
    'percent',
  ),
  'annual.grades': {
    key: 'excellentShare',
    label: text(
      'Tỷ lệ cá nhân hoàn thành xuất sắc nhiệm vụ (năm)',
      'Share of people graded excellent (annual)',
    ),
    unit: 'percent',
    valueOf: (table) => {
      const people = sums(
        table.rows.filter((r) => r.values.subject === 'person'),
        ['excellent', 'graded'],
      );
      return percentValue(people.excellent ?? 0, people.graded ?? 0);
    },
  },
  'party.weakOrgs': totalHeadline('consolidatedShare', 'Tỷ lệ củng cố', 'Consolidated share', 'percent'),
  'votes.outcomes': {
    key: 'removeFromPlanning',
    label: text('Số người bị đưa ra khỏi quy hoạch', 'People removed from planning'),
    unit: 'people',
    valueOf: (table) => {
      const row = table.rows.find((r) => r.values.outcome === 'removeFromPlanning');
      return typeof row?.values.count === 'number' ? row.values.count : null;
    },
  },
  'org.changes': totalHeadline('changes', 'Số lần thay đổi tổ chức', 'Restructuring changes', 'changes'),
};

/**
 * The indicators registry (docs/REPORTS.md): each module contributes its indicators; the report
 * builder and the explorer read them by id. Ids are stable: reports store them.
 */
export const INDICATORS: readonly Indicator[] = [
  ...peopleIndicators,
  ...ageSexIndicators,
  ...evaluationIndicators,
  ...annualIndicators,
  ...votesOrgIndicators,
].map((i) => (i.headline || !HEADLINES[i.id] ? i : { ...i, headline: HEADLINES[i.id] }));

const byId = new Map(INDICATORS.map((i) => [i.id, i]));

export function indicatorById(id: string): Indicator | undefined {
  return byId.get(id);
}
