import type {
  OrgChangeInput,
  OrgChangeListQuery,
  OrgChangePreview,
  OrgChangeSummary,
  OrgChangeView,
} from '@canbo/domain';
import type { Actor } from '../../access/actor';
import { assertCan, type Scope } from '../../access/actor';
import type { AppContext } from '../../context';
import { Conflict, NotFound } from '../../errors';
import * as changes from './changes.repository';
import { previewOf } from './plan';
import { executePlan } from './plan.apply';
import { buildPlan, type ChangeInput, namedUnitIds } from './plan.kinds';
import { lockUnits } from './units.repository';

const PG_RETRYABLE = new Set(['40P01', '40001']);

export function presentChange(row: changes.ChangeRow): OrgChangeView {
  const payload = (row.payload ?? {}) as { decisionNumber?: string | null; note?: string | null };
  return {
    id: row.id,
    kind: row.kind as OrgChangeView['kind'],
    effectiveDate: row.effective_date,
    decisionNumber: payload.decisionNumber ?? null,
    note: payload.note ?? null,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
    summary: row.summary as OrgChangeSummary,
  };
}

/**
 * Restructuring use cases. Preview and apply share the planner; apply locks every unit the
 * request names (in id order), plans again on the locked data, checks the versions, writes all
 * of it set-based in one transaction and audits it.
 */
export function createRestructureService(ctx: AppContext, readScope: (actor: Actor) => Promise<Scope>) {
  const { db, tenantId } = ctx;

  async function preview(actor: Actor, input: OrgChangeInput | ChangeInput): Promise<OrgChangePreview> {
    assertCan(actor, input.kind === 'rename' ? 'units.manage' : 'units.restructure');
    return previewOf(await buildPlan(db, actor, tenantId, input as ChangeInput, await readScope(actor)));
  }

  async function apply(actor: Actor, input: OrgChangeInput | ChangeInput): Promise<OrgChangeView> {
    assertCan(actor, input.kind === 'rename' ? 'units.manage' : 'units.restructure');
    const scope = await readScope(actor);
    let changeId: string;
    try {
      changeId = await db.transaction().execute(async (tx) => {
        await lockUnits(tx, tenantId, namedUnitIds(input as ChangeInput));
        const plan = await buildPlan(tx, actor, tenantId, input as ChangeInput, scope, true);
        await executePlan(tx, actor, tenantId, plan, input);
        return plan.changeId;
      });
    } catch (error) {
      // Two operations over overlapping subtrees may still collide on descendants' rows.
      if (PG_RETRYABLE.has((error as { code?: string }).code ?? '')) throw new Conflict();
      throw error;
    }
    const row = await changes.findChange(db, { tenantId, paths: null }, changeId);
    return presentChange(row!);
  }

  /** Changes visible in `scope` (the caller's read scope). */
  async function list(scope: Scope, query: OrgChangeListQuery) {
    const { items, total } = await changes.listChanges(db, scope, query);
    return { items: items.map(presentChange), total, page: query.page, pageSize: query.pageSize };
  }

  async function get(scope: Scope, id: string) {
    const row = await changes.findChange(db, scope, id);
    if (!row) throw new NotFound('change');
    return { ...presentChange(row), payload: (row.payload ?? {}) as Record<string, unknown> };
  }

  return { preview, apply, list, get };
}

export type RestructureService = ReturnType<typeof createRestructureService>;
