import { type RawBuilder, sql } from 'kysely';
import type { Scope } from './actor';

/**
 * `column` lies in one of the scope's subtrees. Paths end with '/', so a subtree is the
 * byte range [path, path with its final '/' replaced by '0') under COLLATE "C": an index range scan.
 */
export function inScope(scope: Scope, column: string): RawBuilder<boolean> {
  if (scope.paths === null) return sql<boolean>`true`;
  if (scope.paths.length === 0) return sql<boolean>`false`;
  const ranges = scope.paths.map(
    (p) => sql`(${sql.ref(column)} >= ${p} AND ${sql.ref(column)} < ${subtreeEnd(p)})`,
  );
  return sql<boolean>`(${sql.join(ranges, sql` OR `)})`;
}

export function subtreeEnd(path: string): string {
  if (!path.endsWith('/')) throw new Error(`A unit path must end with '/': ${path}`);
  return `${path.slice(0, -1)}0`;
}
