import { type Kysely, sql } from 'kysely';
import type { Scope } from '../../access/actor';
import { inScope, subtreeEnd } from '../../access/scope-sql';
import type { DB } from '../../db/schema';

export interface ExportUnit {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  type: string;
  level: string | null;
  is_party_org: boolean;
  address: string | null;
  admin_area: string | null;
  valid_from: string;
  status: string;
  parent_id: string | null;
  parent_code: string | null;
  sort_key: string;
}

/**
 * Units in the caller's read scope (under `root` when given), parents before children and siblings
 * in Vietnamese order: the order of the tree as the unit screens show it.
 */
export async function subtreeUnits(
  db: Kysely<DB>,
  scope: Scope,
  root: string | null,
  withClosed: boolean,
): Promise<ExportUnit[]> {
  let query = db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', (j) =>
      j.onRef('p.tenant_id', '=', 'u.tenant_id').onRef('p.id', '=', 'u.parent_id'),
    )
    .select([
      'u.id',
      'u.code',
      'u.name',
      'u.short_name',
      'u.type',
      'u.level',
      'u.is_party_org',
      'u.address',
      'u.admin_area',
      'u.valid_from',
      'u.status',
      'u.parent_id',
      'p.code as parent_code',
      'u.sort_key',
    ])
    .where('u.tenant_id', '=', scope.tenantId)
    .where(inScope(scope, 'u.path'));
  if (root) query = query.where(sql<boolean>`u.path >= ${root} AND u.path < ${subtreeEnd(root)}`);
  if (!withClosed) query = query.where('u.status', '=', 'active');
  const rows = (await query.execute()) as ExportUnit[];

  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, ExportUnit[]>();
  for (const r of rows) {
    const parent = r.parent_id && ids.has(r.parent_id) ? r.parent_id : null;
    const list = children.get(parent) ?? [];
    list.push(r);
    children.set(parent, list);
  }
  const order = (a: ExportUnit, b: ExportUnit) =>
    a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : a.code < b.code ? -1 : 1;
  const out: ExportUnit[] = [];
  const stack = [...(children.get(null) ?? [])].sort(order).reverse();
  while (stack.length) {
    const unit = stack.pop()!;
    out.push(unit);
    stack.push(...[...(children.get(unit.id) ?? [])].sort(order).reverse());
  }
  return out;
}
