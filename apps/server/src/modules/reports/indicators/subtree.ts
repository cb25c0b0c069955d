import { type RawBuilder, sql } from 'kysely';
import { inScope } from '../../../access/scope-sql';
import type { Db } from '../reports.repository';

/**
 * The subtree an indicator is computed over (docs/REPORTS.md, "Subtree and as-of"). Like the org
 * module's read scope, the units that became a unit of the subtree through merges and splits come
 * with it: their history (evaluations, votes, weak organisations) counts in the successor's figures,
 * and on a date before the merge their people count in the successor's subtree.
 */
export interface Subtree {
  tenantId: string;
  rootId: string;
  /** Today's path of the root. */
  rootPath: string;
  /** The root and every predecessor (transitively) of a unit of its subtree. */
  rootIds: string[];
  /** Today's paths of the root and of those predecessors. */
  paths: string[];
}

/** Predecessors of the units of the subtree at `rootPath`, through unit_succession, with their paths. */
export async function resolveSubtree(
  db: Db,
  tenantId: string,
  root: { id: string; path: string },
): Promise<Subtree> {
  const scope = { tenantId, paths: [root.path] };
  const { rows } = await sql<{ id: string; path: string }>`
    WITH RECURSIVE pred(id, generation) AS (
      SELECT s.predecessor_id, 1
        FROM unit_succession s JOIN org_unit o ON o.tenant_id = s.tenant_id AND o.id = s.successor_id
       WHERE s.tenant_id = ${tenantId} AND ${inScope(scope, 'o.path')}
      UNION
      SELECT s.predecessor_id, p.generation + 1
        FROM unit_succession s JOIN pred p ON s.successor_id = p.id
       WHERE s.tenant_id = ${tenantId} AND p.generation < 50
    )
    SELECT DISTINCT u.id, u.path FROM pred JOIN org_unit u ON u.tenant_id = ${tenantId} AND u.id = pred.id`.execute(
    db,
  );
  return {
    tenantId,
    rootId: root.id,
    rootPath: root.path,
    rootIds: [root.id, ...rows.map((r) => r.id).filter((id) => id !== root.id)],
    paths: [root.path, ...rows.map((r) => r.path)],
  };
}

const validOn = (alias: string, on: string) =>
  sql`${sql.ref(`${alias}.valid_from`)} <= ${on} AND (${sql.ref(`${alias}.valid_to`)} IS NULL OR ${sql.ref(`${alias}.valid_to`)} > ${on})`;

/**
 * Ids of the units that lay, on `on`, under the root or under one of its predecessors as they stood
 * that day (org_unit_version): the subtree "as of" a date.
 */
export function unitsOn(s: Subtree, on: string): RawBuilder<unknown> {
  return sql`(SELECT v.unit_id FROM org_unit_version r
      JOIN org_unit_version v ON v.tenant_id = r.tenant_id
       AND v.path >= r.path AND v.path < substr(r.path, 1, length(r.path) - 1) || '0'
     WHERE r.tenant_id = ${s.tenantId} AND r.unit_id IN (${sql.join(s.rootIds)}) AND ${validOn('r', on)}
       AND ${validOn('v', on)})`;
}

/**
 * Units whose records of a period count: today's subtree with its predecessors' subtrees, and the
 * subtree as of `on` (a unit moved out since still brings the records of its time inside).
 */
export function unitsForPeriod(s: Subtree, on: string): RawBuilder<unknown> {
  return sql`(SELECT o.id FROM org_unit o WHERE o.tenant_id = ${s.tenantId}
       AND ${inScope({ tenantId: s.tenantId, paths: s.paths }, 'o.path')}
     UNION ${unitsOn(s, on)})`;
}
