import type { UnitBoard } from '@canbo/domain';
import { sql } from 'kysely';
import { type Actor, covers } from '../../access/actor';
import type { AppContext } from '../../context';
import { Forbidden, NotFound, RuleViolation } from '../../errors';
import { cycleView, findCycle } from './cycle-view';
import { canDecide, type EvaluationAccess, visibleEvaluations } from './evaluations.access';
import { presentSummary } from './evaluations.presenter';
import * as repo from './evaluations.repository';
import type { EvaluationsService } from './evaluations.service';
import { loadFramework } from './scoring';
import { DECIDED_STATES, quotaChecks, refuseIfBroken, unitGradeCounts } from './unit-quota';
import { type TransitionNotices, transition } from './workflow';

const PROPOSED = ['reviewed', 'decided', 'published', 'complained', 'final'];
const BEFORE_REVIEWED = ['draft', 'returned', 'selfAssessed', 'inReview'];

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The head's unit board: people, proposed grades against the quota, decide-all and publish. */
export function createBoardService(
  ctx: AppContext,
  evaluations: EvaluationsService,
  notices: TransitionNotices,
) {
  const { db, tenantId } = ctx;

  async function locate(
    dbx: repo.Db,
    access: EvaluationAccess,
    cycleId: string,
    unitId: string,
    head = false,
  ) {
    const cycle = await findCycle(dbx, tenantId, cycleId);
    if (!cycle) throw new NotFound('cycle');
    const unit = await dbx
      .selectFrom('eval_cycle_unit as cu')
      .innerJoin('org_unit as u', (j) =>
        j.onRef('u.tenant_id', '=', 'cu.tenant_id').onRef('u.id', '=', 'cu.unit_id'),
      )
      .selectAll('cu')
      .select('u.name')
      .where('cu.tenant_id', '=', tenantId)
      .where('cu.cycle_id', '=', cycleId)
      .where('cu.unit_id', '=', unitId)
      .executeTakeFirst();
    if (!unit) throw new NotFound('unit');
    const path = unit.unit_path;
    if (!covers(access.read, path) && !covers(access.review, path) && !covers(access.decide, path)) {
      throw new NotFound('unit');
    }
    if (head && !covers(access.decide, path)) throw new Forbidden();
    return { cycle, unit };
  }

  function unitItems(dbx: repo.Db, access: EvaluationAccess, cycleId: string, unitId: string, lock = false) {
    let q = repo
      .evaluationRows(dbx, tenantId)
      .where('e.cycle_id', '=', cycleId)
      .where('e.unit_id', '=', unitId)
      .where(visibleEvaluations(access));
    q = lock ? q.orderBy('e.id').forUpdate('e') : q.orderBy(sql`p.sort_key COLLATE "C"`).orderBy('e.id');
    return q.execute() as Promise<repo.EvaluationRow[]>;
  }

  async function board(actor: Actor, cycleId: string, unitId: string): Promise<UnitBoard> {
    const access = await evaluations.accessOf(actor);
    const { cycle, unit } = await locate(db, access, cycleId, unitId);
    const fw = await loadFramework(db, tenantId, cycle.framework_id);
    const items = await unitItems(db, access, cycleId, unitId);
    // The quota is the unit's (unit_id): everyone evaluated here counts, leaders decided above and
    // people the caller cannot see included, as the decision's own quota check counts them.
    const counts = await unitGradeCounts(db, tenantId, cycleId, unitId, PROPOSED);
    const checks = quotaChecks(fw.ruleSet, counts, unit.outstanding);
    const quota = checks.map(({ group, check }) => {
      const c = group === null ? counts.unit : counts.groups[group]!;
      return {
        group,
        graded: c.graded,
        excellent: c.excellent,
        good: c.good,
        limit: check.limit,
        percent: check.percent,
        basis: check.basis,
        ok: check.ok,
        message: check.message,
      };
    });
    // Leaders of the unit are decided by the level above: unless the caller heads that level too,
    // they are neither decided by decide-all nor waited for by it.
    const heads = items.filter((i) => canDecide(access, i));
    const toDecide = heads.filter((i) => i.state === 'reviewed').length;
    const open = cycle.status === 'open';
    return {
      cycle: await cycleView(db, cycle),
      unit: {
        id: unit.unit_id,
        name: unit.name,
        outstanding: unit.outstanding,
        outstandingReason: unit.outstanding_reason,
        version: unit.version,
      },
      quota,
      items: items.map((i) => ({ ...presentSummary(i), decidedAbove: i.decision_unit_id !== i.unit_id })),
      canDecideAll:
        open &&
        toDecide > 0 &&
        !heads.some((i) => BEFORE_REVIEWED.includes(i.state)) &&
        checks.every((c) => c.check.ok),
      toDecide,
      canPublish: open && heads.some((i) => i.state === 'decided'),
    };
  }

  /** Decides every reviewed item the caller heads, as reviewed, in one transaction, within the quota. */
  async function decideAll(actor: Actor, cycleId: string, unitId: string): Promise<UnitBoard> {
    const access = await evaluations.accessOf(actor);
    const today = evaluations.today();
    await db.transaction().execute(async (tx) => {
      const { cycle } = await locate(tx, access, cycleId, unitId, true);
      const items = (await unitItems(tx, access, cycleId, unitId, true)).filter(
        (i) => i.state === 'reviewed' && canDecide(access, i),
      );
      if (items.length === 0) throw nothing('decide');
      for (const item of items) {
        await transition(tx, { notices, today }, access, item.id, {
          action: 'decide',
          version: item.version,
          bulk: true,
          authorise: () => 'evaluations.decide',
          changes: () => ({ decided_at: new Date() }),
        });
      }
      const fw = await loadFramework(tx, tenantId, cycle.framework_id);
      const counts = await unitGradeCounts(tx, tenantId, cycleId, unitId, DECIDED_STATES);
      const outstanding = (await locate(tx, access, cycleId, unitId)).unit.outstanding;
      refuseIfBroken(quotaChecks(fw.ruleSet, counts, outstanding));
    });
    return board(actor, cycleId, unitId);
  }

  /** Publishes every decided item the caller heads; the complaint window starts today. */
  async function publish(actor: Actor, cycleId: string, unitId: string): Promise<UnitBoard> {
    const access = await evaluations.accessOf(actor);
    const today = evaluations.today();
    await db.transaction().execute(async (tx) => {
      const { cycle } = await locate(tx, access, cycleId, unitId, true);
      const items = (await unitItems(tx, access, cycleId, unitId, true)).filter(
        (i) => i.state === 'decided' && canDecide(access, i),
      );
      if (items.length === 0) throw nothing('publish');
      const until = addDays(today, cycle.complaint_days);
      for (const item of items) {
        await transition(tx, { notices, today }, access, item.id, {
          action: 'publish',
          version: item.version,
          bulk: true,
          authorise: () => 'evaluations.decide',
          changes: () => ({ published_at: new Date(), complaint_until: until }),
        });
      }
      await tx
        .updateTable('eval_cycle_unit')
        .set((eb) => ({ published_at: new Date(), version: eb('version', '+', 1) }))
        .where('tenant_id', '=', tenantId)
        .where('cycle_id', '=', cycleId)
        .where('unit_id', '=', unitId)
        .execute();
    });
    return board(actor, cycleId, unitId);
  }

  return { board, decideAll, publish };
}

function nothing(what: 'decide' | 'publish'): RuleViolation {
  const [vi, en] =
    what === 'decide'
      ? ['Không có phiếu nào đã nhận xét để quyết định.', 'There is no reviewed item to decide.']
      : ['Không có kết quả nào đã quyết định để công bố.', 'There is no decided result to publish.'];
  return new RuleViolation(what === 'decide' ? 'NOTHING_TO_DECIDE' : 'NOTHING_TO_PUBLISH', vi, en);
}
