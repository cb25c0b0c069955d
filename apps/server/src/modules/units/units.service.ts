import type {
  CreateUnitInput,
  OrgChangeListQuery,
  SuccessionLink,
  UnitDetail,
  UnitHistory,
  UnitListQuery,
  UnitPositionsQuery,
  UnitSummary,
  UnitType,
  UnitView,
  UpdateUnitInput,
} from '@canbo/domain';
import { type Actor, assertCan, minimalPaths, type Scope, scopeOf } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { NotFound } from '../../errors';
import * as changes from './changes.repository';
import { emptyPlan, Planner, participant, refuse, summaryOf } from './plan';
import { createRestructureService, presentChange } from './restructure.service';
import { todayInVietnam } from './units.dates';
import { presentDetail, presentUnit } from './units.presenter';
import * as repo from './units.repository';
import * as stats from './units.stats';

const linkOf = (r: changes.SuccessionRow): SuccessionLink => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  effectiveDate: r.effective_date,
  changeId: r.change_id,
});

export function createUnitsService(ctx: AppContext) {
  const { db, tenantId } = ctx;

  /**
   * Where the actor may read units: the subtrees of their grants, and the subtrees of the units
   * that became one of them through merges and splits (the predecessors' history comes with the
   * successor). Restructuring itself never uses this wider scope.
   */
  async function readScope(actor: Actor): Promise<Scope> {
    const scope = scopeOf(actor, 'units.read');
    if (scope.paths === null || scope.paths.length === 0 || scope.paths.includes(ctx.rootPath)) return scope;
    const extra = await changes.predecessorPaths(db, scope);
    return extra.length === 0 ? scope : { tenantId, paths: minimalPaths([...scope.paths, ...extra]) };
  }

  const restructure = createRestructureService(ctx, readScope);

  /** A unit the actor may read (today's state); out of scope is the same as missing. For other modules. */
  async function get(actor: Actor, id: string) {
    const row = await repo.findUnit(db, scopeOf(actor, 'units.read'), id);
    if (!row) throw new NotFound('unit');
    return row;
  }

  /** A unit seen through the read scope (predecessors included), today or as of a date. */
  async function visible(actor: Actor, id: string, asOf?: string) {
    const scope = await readScope(actor);
    const row = asOf ? await repo.findUnitAsOf(db, scope, id, asOf) : await repo.findUnit(db, scope, id);
    if (!row) throw new NotFound('unit');
    return { row, scope };
  }

  async function list(actor: Actor, query: UnitListQuery): Promise<UnitView[]> {
    const scope = await readScope(actor);
    const withClosed = query.includeClosed === 'true';
    let rows: repo.UnitRecord[];
    if (query.parentId) {
      await visible(actor, query.parentId);
      rows = query.asOf
        ? await repo.childUnitsAsOf(db, scope, query.parentId, query.asOf, query.q)
        : await repo.childUnits(db, scope, query.parentId, { q: query.q, withClosed });
    } else if (query.q) {
      rows = query.asOf
        ? await repo.searchUnitsAsOf(db, scope, query.q, query.asOf)
        : await repo.searchUnits(db, scope, query.q, withClosed);
    } else if (query.asOf) {
      rows = await repo.topUnitsAsOf(db, scope, query.asOf);
    } else {
      rows =
        scope.paths === null
          ? await repo.rootUnits(db, tenantId, withClosed)
          : await repo.unitsAtPaths(db, tenantId, scopeOf(actor, 'units.read').paths!, withClosed);
    }
    return rows.map(presentUnit);
  }

  async function detail(actor: Actor, id: string, asOf?: string): Promise<UnitDetail> {
    const { row } = await visible(actor, id, asOf);
    const [ancestors, predecessors, successors] = await Promise.all([
      repo.namesOnPath(db, tenantId, row.path, asOf ?? null),
      changes.succession(db, tenantId, id, 'back', 1),
      changes.succession(db, tenantId, id, 'forward', 1),
    ]);
    return presentDetail(row, {
      ancestors: ancestors.slice(0, -1),
      predecessors: predecessors.map(linkOf),
      successors: successors.map(linkOf),
      asOf: asOf ?? null,
    });
  }

  async function history(actor: Actor, id: string): Promise<UnitHistory> {
    const { row } = await visible(actor, id);
    const [versions, changeRows, predecessors, successors] = await Promise.all([
      changes.versionsOfUnit(db, tenantId, id),
      changes.changesOfUnit(db, tenantId, id),
      changes.succession(db, tenantId, id, 'back', 1),
      changes.succession(db, tenantId, id, 'forward', 1),
    ]);
    const wanted = versions.flatMap((v) =>
      v.path
        .split('/')
        .filter(Boolean)
        .map((unitId) => ({ id: unitId, on: v.valid_from })),
    );
    const names = await changes.namesAt(db, tenantId, wanted);
    return {
      unit: { id: row.id, code: row.code, name: row.name },
      versions: versions.map((v) => ({
        validFrom: v.valid_from,
        validTo: v.valid_to,
        code: v.code,
        name: v.name,
        shortName: v.short_name,
        type: v.type as UnitType,
        level: v.level,
        address: v.address,
        adminArea: v.admin_area,
        isPartyOrg: v.is_party_org,
        parentId: v.parent_id,
        parentName: v.parent_name,
        depth: v.depth,
        pathNames: v.path
          .split('/')
          .filter(Boolean)
          .slice(0, -1)
          .map((unitId) => names.get(`${unitId}@${v.valid_from}`) ?? ''),
        changeId: v.change_id,
      })),
      changes: changeRows.map(presentChange),
      predecessors: predecessors.map(linkOf),
      successors: successors.map(linkOf),
    };
  }

  async function summary(actor: Actor, id: string, asOf?: string): Promise<UnitSummary> {
    const { row } = await visible(actor, id, asOf);
    return stats.summaryOf(db, tenantId, row, asOf ?? todayInVietnam());
  }

  /** Posts held in the unit (for the split wizard); people's names need people.read over the unit. */
  async function positions(actor: Actor, id: string, query: UnitPositionsQuery) {
    const row = await get(actor, id);
    assertCan(actor, 'people.read', row.path);
    const on = query.asOf ?? todayInVietnam();
    const { items, total } = await stats.positionsOf(db, tenantId, id, on, query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async function create(actor: Actor, input: CreateUnitInput): Promise<UnitView> {
    const validFrom = input.validFrom ?? todayInVietnam();
    const plan = emptyPlan('create', { effectiveDate: validFrom });
    await db.transaction().execute(async (tx) => {
      const planner = new Planner(tx, actor, tenantId, validFrom, scopeOf(actor, 'units.read'), true);
      await planner.load([input.parentId]);
      const parent = planner.need(input.parentId, 'parentId', 'units.manage');
      if (validFrom > todayInVietnam()) {
        refuse(
          'DATE_IN_FUTURE',
          'validFrom',
          'Ngày bắt đầu không được sau ngày hôm nay.',
          'The start date must not be after today.',
        );
      }
      planner.existsOn(parent, 'parentId');
      await planner.codesFree([{ code: input.code, field: 'code' }]);
      const unit = planner.newUnit({ ...input, type: input.type ?? 'state_agency' }, parent);
      plan.created.push(unit);
      plan.participants.push(participant(unit, 'created'), participant(parent, 'parent'));
      await changes.insertChange(tx, {
        tenantId,
        id: plan.changeId,
        kind: 'create',
        effectiveDate: validFrom,
        payload: input,
        summary: summaryOf(plan),
        createdBy: actor.userId,
        now: new Date(),
      });
      await repo.insertUnit(tx, { tenantId, ...unit, validFrom, now: new Date(), changeId: plan.changeId });
      await changes.insertParticipants(tx, tenantId, plan.changeId, plan.participants);
      await recordAudit(tx, actor, {
        action: 'unit.created',
        entityType: 'unit',
        entityId: unit.id,
        unitPath: unit.path,
        after: input,
      });
    });
    return presentUnit((await repo.findUnit(db, scopeOf(actor, 'units.read'), plan.created[0]!.id))!);
  }

  /** PATCH /api/units/:id: a rename or a correction of attributes from the effective date on. */
  async function update(actor: Actor, id: string, input: UpdateUnitInput): Promise<UnitDetail> {
    const { version, ...rest } = input;
    await restructure.apply(actor, { ...rest, kind: 'rename', unit: { id, version } });
    return detail(actor, id);
  }

  return {
    get,
    list,
    detail,
    history,
    summary,
    positions,
    create,
    update,
    readScope,
    restructure,
    /** Restructuring operations touching units the caller may read (a unit filter must be visible). */
    async listChanges(actor: Actor, query: OrgChangeListQuery) {
      if (query.unitId) await visible(actor, query.unitId);
      return restructure.list(await readScope(actor), query);
    },
    async getChange(actor: Actor, id: string) {
      return restructure.get(await readScope(actor), id);
    },
    /** Units that became `unitId` through merges and splits, nearest first (recursive). */
    predecessorsOf: (unitId: string) => changes.succession(db, tenantId, unitId, 'back'),
    /** Units `unitId` became through merges and splits, nearest first (recursive). */
    successorsOf: (unitId: string) => changes.succession(db, tenantId, unitId, 'forward'),
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
