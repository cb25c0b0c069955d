import { toHundredths } from '../evaluation/points';
import type { RuleRef } from '../evaluation/types';
import { formatDecimal } from '../formats/numbers';
import { annualGradeByScore } from './grades';
import { annualNumberParameter } from './rule-sets';
import type { AnnualRuleSet, CollectiveInput, CollectiveProposal } from './types';

/**
 * A collective's proposed grade (a party organisation or a unit, or its leadership collective):
 * by score (90 / 70 / 50), and excellent only with the conditions of Regulation 366 Art. 11 cl. 1
 * (124 Art. 12 in substance) — every task done on time with at least `collective.exceedingPercent`
 * (30) % exceeding, when a task record is given; no subordinate organisation or leadership member
 * disciplined; earlier shortcomings remedied (fails only when recorded as not). A collective that
 * misses them is proposed good. No score: no proposal.
 */
export function proposeCollective(ruleSet: AnnualRuleSet, input: CollectiveInput): CollectiveProposal {
  const codes = ruleSet.gradeCodes;
  if (input.score === null || !Number.isFinite(input.score)) {
    return {
      grade: null,
      gradeByScore: null,
      rule: null,
      reasons: [],
      explanation: {
        vi: 'Tập thể chưa có điểm tự đánh giá nên chưa đề xuất được mức xếp loại.',
        en: 'The collective has no self-assessment score, so no grade can be proposed.',
      },
    };
  }
  const gradeByScore = annualGradeByScore(ruleSet, input.score);
  const scoreVi = `Điểm ${formatDecimal(input.score, 2, { trimZeros: true })}, xếp loại ${codes[gradeByScore]}`;
  const scoreEn = `Score ${input.score}, graded ${codes[gradeByScore]}`;
  if (gradeByScore !== 'excellent') {
    return {
      grade: gradeByScore,
      gradeByScore,
      rule: ruleSet.rules.grades[gradeByScore],
      reasons: [],
      explanation: { vi: `${scoreVi}.`, en: `${scoreEn}.` },
    };
  }

  const failedVi: string[] = [];
  const failedEn: string[] = [];
  const { tasks } = input;
  if (tasks && tasks.total > 0) {
    const exceeding = annualNumberParameter(ruleSet, 'collective.exceedingPercent', 30);
    if (tasks.done < tasks.total || tasks.onTime < tasks.total) {
      failedVi.push(`${tasks.onTime}/${tasks.total} nhiệm vụ đúng hạn, cần 100%`);
      failedEn.push(`${tasks.onTime}/${tasks.total} tasks on time, needs 100%`);
    }
    if (tasks.exceeding * 10_000 < toHundredths(exceeding) * tasks.total) {
      failedVi.push(`${tasks.exceeding}/${tasks.total} nhiệm vụ vượt mức, cần ≥ ${exceeding}%`);
      failedEn.push(`${tasks.exceeding}/${tasks.total} tasks exceeding, needs ≥ ${exceeding}%`);
    }
  }
  if (input.disciplineInside) {
    failedVi.push('có tổ chức trực thuộc hoặc thành viên tập thể lãnh đạo bị kỷ luật');
    failedEn.push('a subordinate organisation or leadership member was disciplined');
  }
  if (input.shortcomingsRemedied === false) {
    failedVi.push('chưa khắc phục hết hạn chế, khuyết điểm đã chỉ ra');
    failedEn.push('earlier shortcomings not all remedied');
  }
  if (failedVi.length === 0) {
    return {
      grade: 'excellent',
      gradeByScore,
      rule: ruleSet.rules.grades.excellent,
      reasons: [],
      explanation: { vi: `${scoreVi}.`, en: `${scoreEn}.` },
    };
  }
  const condition: RuleRef = ruleSet.rules.collective.excellentConditions;
  return {
    grade: 'good',
    gradeByScore,
    rule: condition,
    reasons: [condition],
    explanation: {
      vi: `${scoreVi} nhưng ${failedVi.join('; ')}: đề xuất ${codes.good}.`,
      en: `${scoreEn}, but ${failedEn.join('; ')}: proposed ${codes.good}.`,
    },
  };
}
