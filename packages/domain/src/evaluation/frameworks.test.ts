import { describe, expect, it } from 'vitest';
import { defaultFramework, leafCriteria, validateFramework } from './frameworks';
import { HN_3814_2018, ND_335_2025, QD_366_2025, RULE_SETS } from './rule-sets';
import type { CriterionNode, Framework } from './types';

/** A deep copy of the default framework, edited by `change`. */
function edited(change: (groups: CriterionNode[]) => void, ruleSet = HN_3814_2018): Framework {
  const framework = defaultFramework(ruleSet);
  change(framework.groups);
  return framework;
}

function child(groups: CriterionNode[], group: number, index: number): CriterionNode {
  const node = groups[group]?.children?.[index];
  if (!node) throw new Error('no such criterion');
  return node;
}

function paths(framework: Framework, ruleSet = HN_3814_2018): string[] {
  return validateFramework(ruleSet, framework).map((issue) => issue.path);
}

describe('default frameworks', () => {
  it.each(RULE_SETS)('are valid under their rule set ($id)', (ruleSet) => {
    expect(validateFramework(ruleSet, defaultFramework(ruleSet))).toEqual([]);
  });

  it('give Decision 3814 at least 10 leaf criteria, 5 for discipline and 3 for bonus', () => {
    const leaves = leafCriteria(defaultFramework(HN_3814_2018));
    expect(leaves.length).toBeGreaterThanOrEqual(10);
    expect(leaves.filter((leaf) => leaf.groupCode === 'discipline')).toHaveLength(5);
    expect(leaves.filter((leaf) => leaf.groupCode === 'bonus')).toHaveLength(3);
  });

  it('give Decree 335 the Art. 12 general items and one KPI leaf worth 70', () => {
    const leaves = leafCriteria(defaultFramework(ND_335_2025));
    expect(leaves.filter((leaf) => leaf.groupCode === 'general')).toHaveLength(3);
    expect(
      leaves
        .filter((leaf) => leaf.groupCode === 'kpi')
        .map((leaf) => [leaf.node.source, leaf.node.maxPoints]),
    ).toEqual([['kpi', 70]]);
  });

  it('have a title and guidance in both languages for every leaf', () => {
    for (const ruleSet of RULE_SETS) {
      for (const { node } of leafCriteria(defaultFramework(ruleSet))) {
        expect(node.title.vi && node.title.en && node.guidance?.vi && node.guidance.en).toBeTruthy();
      }
    }
  });

  it('are fresh copies, so editing one does not change the next', () => {
    const first = defaultFramework(QD_366_2025);
    child(first.groups, 0, 0).maxPoints = 1;
    expect(child(defaultFramework(QD_366_2025).groups, 0, 0).maxPoints).toBe(10);
  });
});

describe('leafCriteria', () => {
  it('lists leaves in order with their group and code path', () => {
    const leaves = leafCriteria(defaultFramework(HN_3814_2018));
    expect(leaves[0]).toMatchObject({ groupCode: 'discipline', path: 'discipline/discipline.policy' });
    expect(leaves.at(-1)).toMatchObject({ groupCode: 'bonus', path: 'bonus/bonus.recognition' });
  });

  it('treats a group that is not broken down as a leaf', () => {
    const framework = edited((groups) => {
      delete groups[2]?.children;
    });
    expect(leafCriteria(framework).at(-1)?.path).toBe('bonus');
    expect(validateFramework(HN_3814_2018, framework)).toEqual([]);
  });
});

describe('validateFramework: the groups are the rule set’s', () => {
  it('reports a missing group, a wrong group maximum and a foreign group', () => {
    const framework = edited((groups) => {
      groups.splice(2, 1);
      if (groups[0]) groups[0].maxPoints = 25;
      groups.push({ code: 'extra', title: { vi: 'Thêm', en: 'Extra' }, maxPoints: 5 });
    });
    expect(paths(framework)).toEqual(expect.arrayContaining(['bonus', 'discipline', 'extra']));
  });

  it('reports a framework of another rule set', () => {
    expect(paths(defaultFramework(ND_335_2025))).toContain('');
  });
});

describe('validateFramework: criteria', () => {
  it('requires the children of a base group to add up exactly to its maximum', () => {
    const framework = edited((groups) => {
      child(groups, 1, 0).maxPoints = 24.99;
    });
    const issues = validateFramework(HN_3814_2018, framework);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('results');
    expect(issues[0]?.message.en).toContain('69.99');
  });

  it('accepts a split in hundredths that adds up exactly (33.33 + 33.33 + 3.34)', () => {
    const framework = edited((groups) => {
      const results = groups[1];
      if (!results) return;
      results.children = [33.33, 33.33, 3.34].map((maxPoints, i) => ({
        code: `r${i}`,
        title: { vi: `Tiêu chí ${i}`, en: `Criterion ${i}` },
        maxPoints,
      }));
    });
    expect(validateFramework(HN_3814_2018, framework)).toEqual([]);
  });

  it('lets bonus items add up to more than the bonus maximum, but not one item above it', () => {
    const bonusItem = (maxPoints: number) =>
      edited((groups) => {
        child(groups, 2, 0).maxPoints = maxPoints;
      });
    expect(paths(bonusItem(10))).toEqual([]);
    expect(paths(bonusItem(11))).toEqual(['bonus/bonus.initiative']);
  });

  it('rejects duplicate codes, zero points and more than two decimals', () => {
    const framework = edited((groups) => {
      child(groups, 0, 1).code = 'discipline.policy';
      child(groups, 1, 0).maxPoints = 0;
      child(groups, 1, 1).maxPoints = 19.999;
    });
    const found = paths(framework);
    expect(found).toContain('discipline/discipline.policy');
    expect(found).toContain('results/results.volume');
    expect(found).toContain('results/results.quality');
  });

  it('rejects an empty code and an untitled criterion', () => {
    const framework = edited((groups) => {
      child(groups, 0, 0).code = ' ';
      child(groups, 0, 1).title = { vi: '', en: '' };
    });
    expect(validateFramework(HN_3814_2018, framework).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps KPI-computed criteria in the KPI group and only there', () => {
    const typedKpi = edited((groups) => {
      delete child(groups, 1, 0).source;
    }, ND_335_2025);
    expect(paths(typedKpi, ND_335_2025)).toEqual(['kpi/kpi.products']);
    const strayKpi = edited((groups) => {
      child(groups, 0, 0).source = 'kpi';
    }, ND_335_2025);
    expect(paths(strayKpi, ND_335_2025)).toEqual(['general/general.politics']);
  });
});
