import {
  ControlThresholds,
  type ControlThresholdsView,
  DEFAULT_CONTROL_THRESHOLDS,
  type UpdateControlThresholdsInput,
} from '@canbo/domain';
import { sql } from 'kysely';
import {
  type Actor,
  assertCan,
  covers,
  hasPermission,
  minimalPaths,
  type Scope,
  scopeOf,
} from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { Conflict, Forbidden, NotFound } from '../../errors';
import { newId } from '../../ids';
import * as repo from './control.repository';

/** The control dashboard is read with evaluations.read or evaluations.manage over the unit. */
export function controlScope(actor: Actor): Scope {
  const scopes = [scopeOf(actor, 'evaluations.read'), scopeOf(actor, 'evaluations.manage')];
  if (scopes.some((s) => s.paths === null)) return { tenantId: actor.tenantId, paths: null };
  return { tenantId: actor.tenantId, paths: minimalPaths(scopes.flatMap((s) => s.paths ?? [])) };
}

/** A stored setting read leniently: what is missing (an older shape) comes from the defaults. */
export function parseThresholds(stored: unknown): ControlThresholds {
  const s = (stored ?? {}) as Partial<ControlThresholds>;
  const merged = {
    ...DEFAULT_CONTROL_THRESHOLDS,
    ...s,
    signals: Object.fromEntries(
      Object.entries(DEFAULT_CONTROL_THRESHOLDS.signals).map(([k, v]) => [
        k,
        { ...v, ...((s.signals as Record<string, object> | undefined)?.[k] ?? {}) },
      ]),
    ),
  };
  const parsed = ControlThresholds.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_CONTROL_THRESHOLDS;
}

/** What applies where: the nearest override at or above a unit, else the tenant's setting, else the defaults. */
export interface Resolver {
  forPath(path: string): { thresholds: ControlThresholds; row: repo.ThresholdRow | null };
  /** The smallest cluster size any unit may use (the cluster query's HAVING). */
  minClusterSize: number;
}

export function resolver(rows: readonly repo.ThresholdRow[]): Resolver {
  const tenant = rows.find((r) => r.unit_id === null) ?? null;
  const overrides = rows
    .filter((r) => r.unit_path !== null)
    .sort((a, b) => (b.unit_path?.length ?? 0) - (a.unit_path?.length ?? 0));
  const parsed = new Map(rows.map((r) => [r.id, parseThresholds(r.thresholds)]));
  const tenantThresholds = tenant ? parsed.get(tenant.id)! : DEFAULT_CONTROL_THRESHOLDS;
  return {
    forPath(path) {
      const row = overrides.find((r) => path.startsWith(r.unit_path!)) ?? tenant;
      return { thresholds: row ? parsed.get(row.id)! : tenantThresholds, row };
    },
    minClusterSize: Math.min(tenantThresholds.clusterSize, ...[...parsed.values()].map((t) => t.clusterSize)),
  };
}

/**
 * Thresholds of the control signals (docs/CONTROL.md, "Thresholds"): read by whoever reads the
 * dashboard; changed with evaluations.manage over the unit (the tenant-wide setting: over the root),
 * with optimistic concurrency and an audit entry.
 */
export function createControlThresholdsService(ctx: AppContext) {
  const { db, tenantId, rootPath } = ctx;

  async function unitFor(actor: Actor, unitId: string) {
    const unit = await repo.unitById(db, tenantId, unitId);
    if (!unit || !covers(controlScope(actor), unit.path)) throw new NotFound('unit');
    return unit;
  }

  async function view(actor: Actor, unitId?: string): Promise<ControlThresholdsView> {
    const unit = unitId ? await unitFor(actor, unitId) : null;
    if (!unit && !hasPermission(actor, 'evaluations.read') && !hasPermission(actor, 'evaluations.manage'))
      throw new Forbidden();
    const rows = await repo.thresholdRows(db, tenantId);
    const own = rows.find((r) => r.unit_id === (unit?.id ?? null)) ?? null;
    const applied = unit ? resolver(rows).forPath(unit.path) : { thresholds: null, row: own };
    const row = applied.row;
    const scope = controlScope(actor);
    const manage = scopeOf(actor, 'evaluations.manage');
    return {
      unitId: unit?.id ?? null,
      unitName: unit?.name ?? null,
      thresholds: row ? parseThresholds(row.thresholds) : DEFAULT_CONTROL_THRESHOLDS,
      source: row === null ? 'default' : row.unit_id === null ? 'tenant' : 'unit',
      sourceUnitId: row?.unit_id ?? null,
      sourceUnitName: row?.unit_name ?? null,
      version: own?.version ?? null,
      updatedAt: own ? new Date(own.updated_at).toISOString() : null,
      updatedBy: own?.updated_by_name ?? null,
      defaults: DEFAULT_CONTROL_THRESHOLDS,
      overrides: rows
        .filter((r) => r.unit_id !== null && r.unit_path !== null && covers(scope, r.unit_path))
        .map((r) => ({
          unitId: r.unit_id!,
          unitName: r.unit_name ?? '',
          unitPath: r.unit_path!,
          version: r.version,
        })),
      canManage: covers(manage, unit?.path ?? rootPath),
    };
  }

  async function update(actor: Actor, input: UpdateControlThresholdsInput): Promise<ControlThresholdsView> {
    const unit = input.unitId ? await unitFor(actor, input.unitId) : null;
    assertCan(actor, 'evaluations.manage', unit?.path ?? rootPath);
    await db.transaction().execute(async (tx) => {
      const current = await tx
        .selectFrom('control_threshold')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where((eb) => (unit ? eb('unit_id', '=', unit.id) : eb('unit_id', 'is', null)))
        .forUpdate()
        .executeTakeFirst();
      if ((current?.version ?? null) !== input.version) throw new Conflict();
      const now = new Date();
      const thresholds = JSON.stringify(input.thresholds);
      let id: string;
      if (current) {
        id = current.id;
        await tx
          .updateTable('control_threshold')
          .set({ thresholds, version: current.version + 1, updated_by: actor.userId, updated_at: now })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .execute();
      } else {
        id = newId();
        const inserted = await sql`INSERT INTO control_threshold
            (tenant_id, id, unit_id, unit_path, thresholds, version, updated_by, updated_at)
          VALUES (${tenantId}, ${id}, ${unit?.id ?? null}, ${unit?.path ?? null}, ${thresholds}::jsonb, 1,
                  ${actor.userId}, ${now})
          ON CONFLICT DO NOTHING`.execute(tx);
        // Someone else stored the first setting of this level meanwhile.
        if (Number(inserted.numAffectedRows ?? 0) !== 1) throw new Conflict();
      }
      await recordAudit(tx, actor, {
        action: 'control.thresholdsUpdated',
        entityType: 'control_threshold',
        entityId: id,
        unitPath: unit?.path ?? null,
        before: current ? parseThresholds(current.thresholds) : null,
        after: input.thresholds,
      });
    });
    return view(actor, unit?.id);
  }

  /** Removes a subtree's override: the level above applies again. */
  async function remove(actor: Actor, unitId: string, version: number): Promise<void> {
    const unit = await unitFor(actor, unitId);
    assertCan(actor, 'evaluations.manage', unit.path);
    await db.transaction().execute(async (tx) => {
      const current = await tx
        .selectFrom('control_threshold')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('unit_id', '=', unit.id)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw new NotFound('thresholds');
      if (current.version !== version) throw new Conflict();
      await tx
        .deleteFrom('control_threshold')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', current.id)
        .execute();
      await recordAudit(tx, actor, {
        action: 'control.thresholdsRemoved',
        entityType: 'control_threshold',
        entityId: current.id,
        unitPath: unit.path,
        before: parseThresholds(current.thresholds),
      });
    });
  }

  return { view, update, remove };
}
