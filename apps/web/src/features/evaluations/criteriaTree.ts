import type { CriterionInput } from '@canbo/domain';

/** Immutable edits of a criteria tree addressed by index paths ([2, 0] = third group, its first child). */
export type IndexPath = number[];

export function updateAt(
  nodes: CriterionInput[],
  path: IndexPath,
  fn: (node: CriterionInput) => CriterionInput | null,
): CriterionInput[] {
  const [head, ...rest] = path;
  const out: CriterionInput[] = [];
  nodes.forEach((node, i) => {
    if (i !== head) out.push(node);
    else if (rest.length === 0) {
      const next = fn(node);
      if (next) out.push(next);
    } else out.push({ ...node, children: updateAt(node.children ?? [], rest, fn) });
  });
  return out;
}

/** A code not yet used in the tree, under the parent's code: "results.3". */
export function freshCode(tree: CriterionInput[], parent: CriterionInput): string {
  const used = new Set<string>();
  const walk = (ns: CriterionInput[]) => {
    for (const n of ns) {
      used.add(n.code);
      walk(n.children ?? []);
    }
  };
  walk(tree);
  let i = (parent.children?.length ?? 0) + 1;
  while (used.has(`${parent.code}.${i}`)) i++;
  return `${parent.code}.${i}`.slice(0, 40);
}

export function addChild(tree: CriterionInput[], path: IndexPath): CriterionInput[] {
  return updateAt(tree, path, (node) => {
    const children = node.children ?? [];
    const remaining = node.maxPoints - children.reduce((s, c) => s + c.maxPoints, 0);
    const child: CriterionInput = {
      code: freshCode(tree, node),
      title: { vi: '', en: '' },
      maxPoints: remaining > 0 ? Math.round(remaining * 100) / 100 : 1,
      ...(node.source === 'kpi' ? { source: 'kpi' as const } : {}),
    };
    return { ...node, children: [...children, child] };
  });
}

/** Table rows with keys from index paths and the tree's children. */
export interface Row {
  key: string;
  path: IndexPath;
  node: CriterionInput;
  depth: number;
  children?: Row[];
}

export function toRows(nodes: CriterionInput[], base: IndexPath = []): Row[] {
  return nodes.map((node, i) => {
    const path = [...base, i];
    const kids = node.children?.length ? toRows(node.children, path) : undefined;
    return { key: path.join('.'), path, node, depth: base.length, ...(kids ? { children: kids } : {}) };
  });
}

/** The issue path of a node: codes joined by "/" (validateFramework's convention). */
export function codePath(tree: CriterionInput[], path: IndexPath): string {
  const codes: string[] = [];
  let nodes = tree;
  for (const i of path) {
    const n = nodes[i];
    if (!n) break;
    codes.push(n.code);
    nodes = n.children ?? [];
  }
  return codes.join('/');
}
