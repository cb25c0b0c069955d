import { describe, expect, it } from 'vitest';
import type { Grade } from '../evaluation/types';
import { boundGrade, checkEligibility } from './eligibility';
import {
  ANNUAL_ND_335_2025,
  ANNUAL_QD_366_2025,
  ND_90_2020,
  QD_124_2023,
  withAnnualParameters,
} from './rule-sets';
import type { AnnualRuleSet, EligibilityInput } from './types';

function input(overrides: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    track: 'state',
    monthsInPost: 12,
    absenceMonths: {},
    reviewDate: '2025-12-15',
    disqualifiers: [],
    ...overrides,
  };
}

function party(overrides: Partial<EligibilityInput> = {}): EligibilityInput {
  return input({ track: 'party', partyStatus: 'full', partyAdmittedDate: '2010-05-19', ...overrides });
}

const codes = (ruleSet: AnnualRuleSet, over: EligibilityInput) =>
  checkEligibility(ruleSet, over).reasons.map((reason) => reason.code);

describe('Decree 90, Art. 20: under 6 months worked, no grade but a self-review', () => {
  it.each([
    [5.99, 'notGraded'],
    [6, 'graded'],
    [6.01, 'graded'],
  ] as const)('%d months in post: %s', (monthsInPost, status) => {
    const result = checkEligibility(ND_90_2020, input({ monthsInPost }));
    expect(result.status).toBe(status);
    expect(result.selfReviewRequired).toBe(true);
  });

  it('subtracts every kind of leave from the months in post', () => {
    const result = checkEligibility(ND_90_2020, input({ absenceMonths: { sick: 4, study: 2.01 } }));
    expect(result.status).toBe('notGraded');
    expect(codes(ND_90_2020, input({ absenceMonths: { sick: 4, study: 2.01 } }))).toEqual([
      'nd-90-2020/eligibility.shortService',
    ]);
  });

  it('excuses the self-review when maternity leave makes the shortfall', () => {
    const result = checkEligibility(ND_90_2020, input({ absenceMonths: { maternity: 6.5 } }));
    expect(result).toMatchObject({ status: 'notGraded', selfReviewRequired: false, cap: null });
    expect(result.reasons.map((r) => r.code)).toEqual([
      'nd-90-2020/eligibility.shortService',
      'nd-90-2020/eligibility.maternity',
    ]);
  });

  it('still asks for the self-review when other leave makes the shortfall even with maternity leave', () => {
    // 8 in post − 4 maternity − 3 sick = 1 worked; 1 + 4 = 5 < 6: short even without the maternity leave.
    // 9 in post: 2 worked; 2 + 4 = 6: the maternity leave makes the shortfall.
    expect(
      checkEligibility(ND_90_2020, input({ monthsInPost: 8, absenceMonths: { maternity: 4, sick: 3 } })),
    ).toMatchObject({ status: 'notGraded', selfReviewRequired: true });
    expect(
      checkEligibility(ND_90_2020, input({ monthsInPost: 9, absenceMonths: { maternity: 4, sick: 3 } })),
    ).toMatchObject({ status: 'notGraded', selfReviewRequired: false });
  });

  it('grades on the time worked after maternity leave, without a cap', () => {
    expect(checkEligibility(ND_90_2020, input({ absenceMonths: { maternity: 5.5 } }))).toMatchObject({
      status: 'graded',
      cap: null,
    });
  });
});

describe('Decree 90, Art. 20: absent 3 to under 6 months, at most completed', () => {
  it.each([
    [2.99, null],
    [3, 'completed'],
    [5.99, 'completed'],
  ] as const)('%d months of leave: cap %s', (sick, cap) => {
    const result = checkEligibility(ND_90_2020, input({ absenceMonths: { sick } }));
    expect(result.status).toBe('graded');
    expect(result.cap).toBe(cap);
    if (cap) expect(result.reasons[0]?.code).toBe('nd-90-2020/eligibility.absenceCap');
  });

  it('adds up the kinds of leave other than maternity', () => {
    expect(checkEligibility(ND_90_2020, input({ absenceMonths: { sick: 1.5, unpaid: 1.5 } })).cap).toBe(
      'completed',
    );
    expect(checkEligibility(ND_90_2020, input({ absenceMonths: { maternity: 4 } })).cap).toBeNull();
  });

  it('follows its parameters', () => {
    const custom = withAnnualParameters(ND_90_2020, {
      'eligibility.minMonths': 4,
      'eligibility.absenceCapMonths': 2,
    });
    expect(checkEligibility(custom, input({ monthsInPost: 4 })).status).toBe('graded');
    expect(checkEligibility(custom, input({ absenceMonths: { sick: 2 } })).cap).toBe('completed');
  });
});

describe('grounds that force not completed', () => {
  it('Decree 90 and Regulation 124: a discipline or a degradation conclusion in the year', () => {
    for (const ruleSet of [ND_90_2020, QD_124_2023]) {
      const over = ruleSet === QD_124_2023 ? party : input;
      expect(checkEligibility(ruleSet, over({ disqualifiers: ['discipline'] })).forced).toBe('notCompleted');
      expect(checkEligibility(ruleSet, over({ disqualifiers: ['degradation'] })).forced).toBe('notCompleted');
      expect(
        checkEligibility(ruleSet, over({ disqualifiers: ['corruptionInManagedUnit'] })).forced,
      ).toBeNull();
    }
  });

  it('Decree 335, Art. 20 cl. 4: discipline, degradation, corruption in a managed unit', () => {
    const result = checkEligibility(
      ANNUAL_ND_335_2025,
      input({ disqualifiers: ['corruptionInManagedUnit', 'discipline'] }),
    );
    expect(result.forced).toBe('notCompleted');
    expect(result.reasons.map((r) => r.article)).toEqual([
      'Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4 điểm c',
      'Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4 điểm d',
    ]);
  });

  it('ignores a low-score fact: the year is graded by its score', () => {
    expect(checkEligibility(ANNUAL_ND_335_2025, input({ disqualifiers: ['lowScore'] })).forced).toBeNull();
  });

  it('Regulation 366: the mirrored grounds can be switched off', () => {
    const facts = party({ disqualifiers: ['corruptionInManagedUnit'] });
    expect(checkEligibility(ANNUAL_QD_366_2025, facts).forced).toBe('notCompleted');
    const off = withAnnualParameters(ANNUAL_QD_366_2025, { 'disqualifiers.corruptionInManagedUnit': false });
    expect(checkEligibility(off, facts).forced).toBeNull();
  });

  it('keeps the ground on record for someone not graded', () => {
    const result = checkEligibility(ND_90_2020, input({ monthsInPost: 3, disqualifiers: ['discipline'] }));
    expect(result.status).toBe('notGraded');
    expect(result.forced).toBe('notCompleted');
  });
});

describe('party track: who is not reviewed (Regulation 124, Art. 5 cl. 2; carried into 366)', () => {
  it.each([QD_124_2023, ANNUAL_QD_366_2025])(
    'reviews a member admitted exactly 6 months before, not one day later ($id)',
    (ruleSet) => {
      expect(checkEligibility(ruleSet, party({ partyAdmittedDate: '2025-06-15' })).status).toBe('graded');
      const late = checkEligibility(
        ruleSet,
        party({ partyAdmittedDate: '2025-06-16', partyStatus: 'probationary' }),
      );
      expect(late).toMatchObject({
        status: 'notReviewed',
        selfReviewRequired: false,
        cap: null,
        forced: null,
      });
      expect(late.reasons[0]?.code).toBe(`${ruleSet.id}/eligibility.newMember`);
    },
  );

  it('counts 6 months from a month end to the shorter month end (31/8 → 28/2)', () => {
    expect(
      checkEligibility(QD_124_2023, party({ partyAdmittedDate: '2024-08-31', reviewDate: '2025-02-28' }))
        .status,
    ).toBe('graded');
    expect(
      checkEligibility(QD_124_2023, party({ partyAdmittedDate: '2024-08-31', reviewDate: '2025-02-27' }))
        .status,
    ).toBe('notReviewed');
  });

  it('does not review a suspended member, nor someone who is not or no longer a member', () => {
    expect(codes(ANNUAL_QD_366_2025, party({ partyStatus: 'suspended' }))).toEqual([
      'qd-366-2025/eligibility.suspended',
    ]);
    for (const partyStatus of ['none', 'removed'] as const) {
      expect(checkEligibility(QD_124_2023, party({ partyStatus })).status).toBe('notReviewed');
    }
  });

  it('then applies the months and the grounds like the state track', () => {
    expect(checkEligibility(QD_124_2023, party({ monthsInPost: 5 })).status).toBe('notGraded');
    expect(checkEligibility(QD_124_2023, party({ absenceMonths: { sick: 3 } })).cap).toBe('completed');
  });

  it('leaves the party checks out of the state track', () => {
    expect(checkEligibility(ND_90_2020, input({ partyStatus: 'suspended' })).status).toBe('graded');
  });
});

describe('boundGrade: the grade after eligibility', () => {
  const graded = checkEligibility(ND_90_2020, input());
  const capped = checkEligibility(ND_90_2020, input({ absenceMonths: { sick: 3 } }));
  const forced = checkEligibility(ND_90_2020, input({ disqualifiers: ['discipline'] }));
  const notGraded = checkEligibility(ND_90_2020, input({ monthsInPost: 2 }));
  const notReviewed = checkEligibility(QD_124_2023, party({ partyStatus: 'suspended' }));

  it.each([
    ['graded', graded, 'excellent', 'excellent'],
    ['capped', capped, 'excellent', 'completed'],
    ['capped', capped, 'notCompleted', 'notCompleted'],
    ['forced', forced, 'good', 'notCompleted'],
    ['notGraded', notGraded, 'good', null],
    ['notReviewed', notReviewed, 'good', null],
    ['graded', graded, null, null],
  ] as const)('%s: %s → %s', (_, eligibility, grade, bounded) => {
    expect(boundGrade(grade as Grade | null, eligibility)).toBe(bounded);
  });
});
