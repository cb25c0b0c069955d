import type { CreateUnitInput, UnitView } from '@canbo/domain';
import { type Actor, assertCan, scopeOf } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import * as repo from './units.repository';

export function presentUnit(row: repo.UnitRow): UnitView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    parentId: row.parent_id,
    hasChildren: Boolean(row.has_children),
    version: row.version,
  };
}

export function createUnitsService(ctx: AppContext) {
  const { db, tenantId } = ctx;

  /** A unit the actor may read; out of scope is the same as missing. */
  async function get(actor: Actor, id: string) {
    const row = await repo.findUnit(db, scopeOf(actor, 'units.read'), id);
    if (!row) throw new NotFound('unit');
    return row;
  }

  async function list(actor: Actor, query: { parentId?: string; q?: string }): Promise<UnitView[]> {
    const scope = scopeOf(actor, 'units.read');
    let rows: repo.UnitRow[];
    if (query.parentId) {
      await get(actor, query.parentId);
      rows = await repo.childUnits(db, scope, query.parentId, query.q);
    } else if (query.q) {
      rows = await repo.searchUnits(db, scope, query.q);
    } else {
      rows = scope.paths === null ? await repo.rootUnits(db, tenantId) : await repo.unitsAtPaths(db, tenantId, scope.paths);
    }
    return rows.map(presentUnit);
  }

  async function create(actor: Actor, input: CreateUnitInput): Promise<UnitView> {
    const id = newId();
    await db.transaction().execute(async (tx) => {
      const parent = await repo.findUnit(tx, scopeOf(actor, 'units.read'), input.parentId);
      if (!parent) throw new NotFound('unit');
      assertCan(actor, 'units.manage', parent.path);
      const taken = await tx
        .selectFrom('org_unit')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('code', '=', input.code)
        .executeTakeFirst();
      if (taken) {
        throw new RuleViolation('UNIT_CODE_TAKEN', 'Mã đơn vị đã được dùng.', 'The unit code is already used.', [
          { path: 'code', message: 'Mã đơn vị đã được dùng.', messageEn: 'The unit code is already used.' },
        ]);
      }
      const path = `${parent.path}${id}/`;
      await repo.insertUnit(tx, { tenantId, id, code: input.code, name: input.name, parentId: parent.id, path, depth: parent.depth + 1, now: new Date() });
      await recordAudit(tx, actor, { action: 'unit.created', entityType: 'unit', entityId: id, unitPath: path, after: input });
    });
    return presentUnit(await get(actor, id));
  }

  return { get, list, create };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
