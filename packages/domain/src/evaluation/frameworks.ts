import { DEFAULT_TREES } from './default-frameworks';
import { hasAtMostTwoDecimals, toHundredths } from './points';
import type { CriterionGroupSpec, CriterionNode, Framework, RuleSet, Text } from './types';

/** A problem in an agency's framework; `path` is the chain of codes, e.g. 'results/results.quality'. */
export interface FrameworkIssue {
  path: string;
  message: Text;
}

/** A criterion that is scored directly, with the rule-set group it belongs to. */
export interface LeafCriterion {
  node: CriterionNode;
  groupCode: string;
  path: string;
}

/** Longest code the API accepts (contracts/evaluations.ts). */
const MAX_CODE_LENGTH = 40;

export function defaultFramework(ruleSet: RuleSet): Framework {
  return { ruleSetId: ruleSet.id, groups: DEFAULT_TREES[ruleSet.id]() };
}

function hasChildren(node: CriterionNode): node is CriterionNode & { children: CriterionNode[] } {
  return node.children !== undefined && node.children.length > 0;
}

/** Leaves in framework order; a group that is not broken down is itself a leaf. */
export function leafCriteria(framework: Framework): LeafCriterion[] {
  const leaves: LeafCriterion[] = [];
  const walk = (node: CriterionNode, groupCode: string, parentPath: string) => {
    const path = parentPath ? `${parentPath}/${node.code}` : node.code;
    if (hasChildren(node)) for (const child of node.children) walk(child, groupCode, path);
    else leaves.push({ node, groupCode, path });
  };
  for (const group of framework.groups) walk(group, group.code, '');
  return leaves;
}

function issue(path: string, vi: string, en: string): FrameworkIssue {
  return { path, message: { vi, en } };
}

function checkNode(node: CriterionNode, path: string, issues: FrameworkIssue[]): void {
  const code = node.code.trim();
  if (code === '' || code.length > MAX_CODE_LENGTH || code !== node.code) {
    issues.push(
      issue(
        path,
        `Mã tiêu chí phải có từ 1 đến ${MAX_CODE_LENGTH} ký tự, không có khoảng trắng ở đầu, cuối`,
        `A criterion code needs 1 to ${MAX_CODE_LENGTH} characters without leading or trailing spaces`,
      ),
    );
  }
  if (node.title.vi.trim() === '')
    issues.push(issue(path, 'Tiêu chí chưa có tên', 'The criterion has no title'));
  const points = node.maxPoints;
  if (!Number.isFinite(points) || points <= 0 || points > 100 || !hasAtMostTwoDecimals(points)) {
    issues.push(
      issue(
        path,
        `Điểm tối đa ${points} không hợp lệ: phải lớn hơn 0, không quá 100, tối đa 2 chữ số thập phân`,
        `Maximum ${points} is invalid: it must be above 0, at most 100, with at most 2 decimals`,
      ),
    );
  }
}

/** Base and KPI groups must add up exactly; bonus items may overlap because the total is capped. */
function checkChildren(
  node: CriterionNode,
  kind: CriterionGroupSpec['kind'],
  path: string,
  issues: FrameworkIssue[],
) {
  if (!hasChildren(node)) return;
  const max = toHundredths(node.maxPoints);
  if (kind === 'bonus') {
    for (const child of node.children) {
      if (toHundredths(child.maxPoints) > max) {
        issues.push(
          issue(
            `${path}/${child.code}`,
            `Điểm thưởng ${child.maxPoints} vượt mức tối đa ${node.maxPoints} của nhóm`,
            `Bonus item of ${child.maxPoints} exceeds the group's maximum of ${node.maxPoints}`,
          ),
        );
      }
    }
    return;
  }
  const sum = node.children.reduce((total, child) => total + toHundredths(child.maxPoints), 0);
  if (sum !== max) {
    issues.push(
      issue(
        path,
        `Tổng điểm các tiêu chí con (${sum / 100}) phải bằng điểm tối đa ${node.maxPoints}`,
        `The sub-criteria add up to ${sum / 100}, not the maximum of ${node.maxPoints}`,
      ),
    );
  }
}

function checkSource(
  node: CriterionNode,
  kind: CriterionGroupSpec['kind'],
  path: string,
  issues: FrameworkIssue[],
) {
  if (hasChildren(node)) return;
  const isKpi = node.source === 'kpi';
  if (kind === 'kpi' && !isKpi) {
    issues.push(
      issue(
        path,
        'Nhóm KPI chỉ gồm tiêu chí tính từ bảng KPI',
        'A KPI group may only hold KPI-computed criteria',
      ),
    );
  } else if (kind !== 'kpi' && isKpi) {
    issues.push(
      issue(
        path,
        'Tiêu chí tính từ KPI chỉ nằm trong nhóm KPI',
        'A KPI-computed criterion belongs in the KPI group',
      ),
    );
  }
}

/**
 * What is wrong with an agency's framework under its rule set; empty when it may be published. The
 * top-level nodes must be exactly the rule set's groups with their maxima, so that every framework of a
 * rule set grades on the same scale.
 */
export function validateFramework(ruleSet: RuleSet, framework: Framework): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  if (framework.ruleSetId !== ruleSet.id) {
    issues.push(
      issue(
        '',
        `Khung tiêu chí thuộc bộ quy tắc ${framework.ruleSetId}, không phải ${ruleSet.id}`,
        `The framework belongs to ${framework.ruleSetId}, not ${ruleSet.id}`,
      ),
    );
  }
  for (const spec of ruleSet.groups) {
    const nodes = framework.groups.filter((node) => node.code === spec.code);
    if (nodes.length === 0) {
      issues.push(
        issue(spec.code, `Thiếu nhóm tiêu chí "${spec.title.vi}"`, `The group "${spec.title.en}" is missing`),
      );
    } else if (nodes.some((node) => toHundredths(node.maxPoints) !== toHundredths(spec.maxPoints))) {
      issues.push(
        issue(
          spec.code,
          `Nhóm "${spec.title.vi}" phải có tối đa ${spec.maxPoints} điểm`,
          `The group "${spec.title.en}" must be worth ${spec.maxPoints} points`,
        ),
      );
    }
  }
  const seen = new Set<string>();
  const walk = (node: CriterionNode, kind: CriterionGroupSpec['kind'], parentPath: string) => {
    const path = parentPath ? `${parentPath}/${node.code}` : node.code;
    if (seen.has(node.code)) {
      issues.push(
        issue(path, `Mã tiêu chí "${node.code}" bị trùng`, `The criterion code "${node.code}" is used twice`),
      );
    }
    seen.add(node.code);
    checkNode(node, path, issues);
    checkChildren(node, kind, path, issues);
    checkSource(node, kind, path, issues);
    for (const child of node.children ?? []) walk(child, kind, path);
  };
  for (const group of framework.groups) {
    const spec = ruleSet.groups.find((candidate) => candidate.code === group.code);
    if (!spec) {
      issues.push(
        issue(
          group.code,
          `"${group.code}" không phải nhóm tiêu chí của bộ quy tắc ${ruleSet.id}`,
          `"${group.code}" is not a group of rule set ${ruleSet.id}`,
        ),
      );
    }
    walk(group, spec?.kind ?? 'base', '');
  }
  return issues;
}
