import { describe, expect, it } from 'vitest';
import { computeKpi, kpiParameters, leaderUnitComponent } from './kpi';
import { ND_335_2025, withParameters } from './rule-sets';
import type { KpiLine } from './types';

function line(overrides: Partial<KpiLine> = {}): KpiLine {
  return {
    coefficient: 1,
    assigned: 10,
    completed: 10,
    qualityFailures: 0,
    objectiveQualityFailures: 0,
    delays: 0,
    objectiveDelays: 0,
    ...overrides,
  };
}

const STAFF = { isLeader: false };

describe('Decree 335, Art. 14: quantity, quality and schedule of standard products', () => {
  it('gives the full 70 points when every assigned product is done on time without errors', () => {
    expect(computeKpi([line()], STAFF)).toEqual({
      assignedConverted: 10,
      completedConverted: 10,
      quantityPercent: 100,
      qualityPercent: 100,
      schedulePercent: 100,
      unitComponent: null,
      organisingCapacity: null,
      points: 70,
    });
  });

  it("takes 25% of a product's quality points for one major error without objective cause", () => {
    const result = computeKpi([line({ qualityFailures: 1 })], STAFF);
    expect(result.qualityPercent).toBe(75);
    expect(result.schedulePercent).toBe(100);
    expect(result.points).toBe(64.17); // (100 + 75 + 100) / 3 × 0.7
  });

  it('takes nothing for an error the reviewer attributes to an objective cause', () => {
    const result = computeKpi([line({ qualityFailures: 1, objectiveQualityFailures: 1 })], STAFF);
    expect(result.qualityPercent).toBe(100);
  });

  it('counts only the unexcused failures: 3 errors with 1 excused cost 50%', () => {
    expect(
      computeKpi([line({ qualityFailures: 3, objectiveQualityFailures: 1 })], STAFF).qualityPercent,
    ).toBe(50);
  });

  it("floors a product's points at 0 from the fourth unexcused failure on", () => {
    expect(computeKpi([line({ qualityFailures: 4 })], STAFF).qualityPercent).toBe(0);
    expect(computeKpi([line({ qualityFailures: 9 })], STAFF).qualityPercent).toBe(0);
    expect(computeKpi([line({ delays: 5 })], STAFF).schedulePercent).toBe(0);
  });

  it('takes 25% of the schedule points per unexcused delay', () => {
    expect(computeKpi([line({ delays: 2, objectiveDelays: 0 })], STAFF).schedulePercent).toBe(50);
    expect(computeKpi([line({ delays: 2, objectiveDelays: 2 })], STAFF).schedulePercent).toBe(100);
  });

  it('deducts from the failing product only, weighted by conversion coefficients', () => {
    const result = computeKpi(
      [
        line({ coefficient: 2, assigned: 5, completed: 5, qualityFailures: 1 }),
        line({ coefficient: 1, assigned: 10 }),
      ],
      STAFF,
    );
    expect(result.assignedConverted).toBe(20);
    expect(result.qualityPercent).toBe(87.5); // (10 × 0.75 + 10) / 20
  });

  it('measures quantity as converted completed over converted assigned', () => {
    const result = computeKpi(
      [line({ coefficient: 1.5, assigned: 4, completed: 3 }), line({ assigned: 4, completed: 4 })],
      STAFF,
    );
    expect(result.assignedConverted).toBe(10);
    expect(result.completedConverted).toBe(8.5);
    expect(result.quantityPercent).toBe(85);
  });

  it('does not let work beyond what was assigned raise quantity above 100%', () => {
    const result = computeKpi(
      [line({ assigned: 2, completed: 5 }), line({ assigned: 2, completed: 0 })],
      STAFF,
    );
    expect(result.quantityPercent).toBe(50);
    expect(computeKpi([line({ completed: 50 })], STAFF).quantityPercent).toBe(100);
  });

  it('gives 0 points when nothing was assigned: the KPI cannot be measured', () => {
    const result = computeKpi([], STAFF);
    expect(result.points).toBe(0);
    expect(result.quantityPercent).toBe(0);
    expect(computeKpi([line({ assigned: 0, completed: 3 })], STAFF).points).toBe(0);
  });

  it('ignores lines with a coefficient that is not positive', () => {
    expect(computeKpi([line({ coefficient: 0 }), line({ coefficient: -2 })], STAFF).assignedConverted).toBe(
      0,
    );
  });

  it('scales to another group maximum when asked', () => {
    expect(computeKpi([line()], STAFF, 60).points).toBe(60);
  });

  it('follows the deduction parameter of the rule set', () => {
    const harsher = kpiParameters(withParameters(ND_335_2025, { 'kpi.deductionPercent': 50 }));
    expect(computeKpi([line({ qualityFailures: 1 })], { ...STAFF, ...harsher }).qualityPercent).toBe(50);
    expect(kpiParameters(ND_335_2025)).toEqual({
      deductionPercent: 25,
      leaderWeights: { unit: 1, organising: 1 },
    });
  });
});

describe('Decree 335: leaders add the unit result and organising capacity', () => {
  it('gives the unit component 100 when every managed person is at least completed', () => {
    expect(leaderUnitComponent(['excellent', 'good', 'completed'])).toBe(100);
    expect(leaderUnitComponent([])).toBe(100);
  });

  it('gives the unit component 50 when any managed person is not completed', () => {
    expect(leaderUnitComponent(['excellent', 'notCompleted'])).toBe(50);
  });

  it('averages the five components by default', () => {
    const result = computeKpi([line()], { isLeader: true, unitComponent: 50, organisingCapacity: 80 });
    expect(result.unitComponent).toBe(50);
    expect(result.organisingCapacity).toBe(80);
    expect(result.points).toBe(60.2); // (100 + 100 + 100 + 50 + 80) / 5 × 0.7
  });

  it('counts a component not yet assessed as 0 and clamps components to 0–100', () => {
    expect(computeKpi([line()], { isLeader: true, unitComponent: 100 }).points).toBe(56);
    expect(
      computeKpi([line()], { isLeader: true, unitComponent: 500, organisingCapacity: -4 }).organisingCapacity,
    ).toBe(0);
  });

  it('weights the leader components by the rule set parameters', () => {
    const weights = kpiParameters(withParameters(ND_335_2025, { 'kpi.leaderUnitWeight': 2 })).leaderWeights;
    const result = computeKpi([line()], {
      isLeader: true,
      unitComponent: 50,
      organisingCapacity: 100,
      leaderWeights: weights,
    });
    expect(result.points).toBe(58.33); // (300 + 2 × 50 + 100) / 6 × 0.7
  });
});
