import type { CreateReviewPeriodInput, PeriodUnitsView, ReviewPeriodListQuery } from '@canbo/domain';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type Actor, assertCan, covers, scopeOf } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import type { DB } from '../../db/schema';
import { Conflict, NotFound } from '../../errors';
import { newId } from '../../ids';
import type { JobRow } from '../../jobs/queue';
import { type EvaluationAccess, evaluationAccess } from '../evaluations/evaluations.access';
import { todayInVietnam } from '../units/units.dates';
import * as repo from './annual.repository';
import { periodRuleSets } from './annual.rules';
import type { Db } from './annual.types';
import { periodView, periodViews } from './periods.view';
import { prepareReviewPeriod } from './prepare';

export const PREPARE_JOB = 'annual.prepare';

type Input<T extends z.ZodType> = z.infer<T>;

function periodExists(label: string, unitName: string): Conflict {
  return new Conflict(
    `${unitName} đã có kỳ đánh giá "${label}".`,
    `${unitName} already has the review period "${label}".`,
    'PERIOD_EXISTS',
  );
}

function notOpen(state: string): Conflict {
  return state === 'preparing'
    ? new Conflict(
        'Kỳ đánh giá đang được chuẩn bị; hãy chờ công việc chạy xong.',
        'The review period is being prepared; wait until the job finishes.',
        'PERIOD_PREPARING',
      )
    : new Conflict('Kỳ đánh giá đã khóa sổ.', 'The review period is closed.', 'PERIOD_CLOSED');
}

/**
 * Review periods (docs/ANNUAL.md, "Periods"): created over a subtree by an officer (evaluations.manage),
 * prepared by the job 'annual.prepare' (enrolment and proposals, with progress in the job's result),
 * prepared again on demand, and closed.
 */
export function createReviewPeriodsService(ctx: AppContext) {
  const { db, tenantId } = ctx;
  const access = (actor: Actor) => evaluationAccess(db, actor, todayInVietnam());

  async function enqueuePrepare(tx: Transaction<DB>, periodId: string): Promise<string> {
    const id = newId();
    const now = new Date();
    await tx
      .insertInto('job')
      .values({
        tenant_id: tenantId,
        id,
        kind: PREPARE_JOB,
        payload: JSON.stringify({ periodId }),
        state: 'queued',
        max_attempts: 3,
        run_at: now,
        dedupe_key: null,
        created_at: now,
      })
      .execute();
    return id;
  }

  async function visible(acc: EvaluationAccess, id: string, lock = false, dbx: Db = db) {
    const row = await repo.findPeriod(dbx, acc, id, lock);
    if (!row) throw new NotFound('review period');
    return row;
  }

  async function get(actor: Actor, id: string) {
    const acc = await access(actor);
    const row = await repo.findPeriod(db, acc, id);
    if (!row) throw new NotFound('review period');
    return periodView(db, acc, row);
  }

  /** The period's units with their progress, as the actor sees them (sorted by tree path). */
  async function units(actor: Actor, id: string): Promise<PeriodUnitsView> {
    const acc = await access(actor);
    await visible(acc, id);
    const byUnit = new Map<string, PeriodUnitsView['items'][number]>();
    for (const row of await repo.periodUnitCounts(db, acc, id)) {
      let unit = byUnit.get(row.unit_id);
      if (!unit) {
        unit = {
          unitId: row.unit_id,
          unitName: row.unit_name,
          unitPath: row.unit_path,
          people: 0,
          collectives: 0,
          states: { pending: 0, selfReviewed: 0, proposed: 0, decided: 0, published: 0, notReviewed: 0 },
        };
        byUnit.set(row.unit_id, unit);
      }
      const n = Number(row.n);
      if (row.person) unit.people += n;
      else unit.collectives += n;
      const state = row.state as keyof typeof unit.states;
      if (state in unit.states) unit.states[state] += n;
    }
    return { items: [...byUnit.values()] };
  }

  return {
    get,
    units,

    async list(actor: Actor, query: Input<typeof ReviewPeriodListQuery>) {
      const acc = await access(actor);
      let unitPath: string | undefined;
      if (query.unitId) {
        const unit = await repo.unitOf(db, tenantId, query.unitId);
        if (!unit) throw new NotFound('unit');
        unitPath = unit.path;
      }
      const { rows, total } = await repo.listPeriods(db, acc, {
        ...(unitPath ? { unitPath } : {}),
        kind: query.kind,
        year: query.year,
        state: query.state,
        page: query.page,
        pageSize: query.pageSize,
      });
      return { items: await periodViews(db, acc, rows), total, page: query.page, pageSize: query.pageSize };
    },

    async create(actor: Actor, input: Input<typeof CreateReviewPeriodInput>) {
      const unit = await db
        .selectFrom('org_unit')
        .select(['id', 'name', 'path'])
        .where('tenant_id', '=', tenantId)
        .where('id', '=', input.unitId)
        .where(inScope(scopeOf(actor, 'units.read'), 'path'))
        .executeTakeFirst();
      if (!unit) throw new NotFound('unit');
      assertCan(actor, 'evaluations.manage', unit.path);
      const annual = input.kind === 'annual';
      const periodStart = annual ? `${input.year}-01-01` : input.periodStart!;
      const periodEnd = annual ? `${input.year}-12-31` : input.periodEnd!;
      const label = annual ? `Năm ${input.year}` : `Giữa nhiệm kỳ ${input.termLabel}`;
      const rules = periodRuleSets(periodEnd);
      const id = newId();
      await db.transaction().execute(async (tx) => {
        const jobId = await enqueuePrepare(tx, id);
        const row = {
          tenant_id: tenantId,
          id,
          kind: input.kind,
          label,
          unit_id: unit.id,
          unit_path: unit.path,
          year: annual ? input.year! : null,
          term_label: annual ? null : input.termLabel!,
          period_start: periodStart,
          period_end: periodEnd,
          self_due: input.selfDue,
          meeting_due: input.meetingDue,
          decision_due: input.decisionDue,
          state: 'preparing',
          state_rule_set_id: rules.state,
          party_rule_set_id: rules.party,
          job_id: jobId,
          created_by: actor.userId,
          created_at: new Date(),
        };
        try {
          await tx.insertInto('review_period').values(row).execute();
        } catch (error) {
          if ((error as { code?: string }).code === '23505') throw periodExists(label, unit.name);
          throw error;
        }
        await recordAudit(tx, actor, {
          action: 'reviewPeriod.created',
          entityType: 'review_period',
          entityId: id,
          unitPath: unit.path,
          after: {
            kind: row.kind,
            label,
            periodStart,
            periodEnd,
            stateRuleSetId: rules.state,
            partyRuleSetId: rules.party,
            jobId,
          },
        });
      });
      return get(actor, id);
    },

    /** Enrols newcomers and recomputes eligibility and proposals of reviews not yet decided (a job). */
    async prepare(actor: Actor, id: string, version: number) {
      const acc = await access(actor);
      await db.transaction().execute(async (tx) => {
        const row = await visible(acc, id, true, tx);
        assertCan(actor, 'evaluations.manage', row.unit_path);
        if (row.version !== version) throw new Conflict();
        if (row.state !== 'open') throw notOpen(row.state);
        const jobId = await enqueuePrepare(tx, id);
        await tx
          .updateTable('review_period')
          .set({ state: 'preparing', job_id: jobId, version: version + 1 })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .execute();
        await recordAudit(tx, actor, {
          action: 'reviewPeriod.prepareRequested',
          entityType: 'review_period',
          entityId: id,
          unitPath: row.unit_path,
          after: { jobId },
        });
      });
      return get(actor, id);
    },

    async close(actor: Actor, id: string, version: number) {
      const acc = await access(actor);
      await db.transaction().execute(async (tx) => {
        const row = await visible(acc, id, true, tx);
        assertCan(actor, 'evaluations.manage', row.unit_path);
        if (row.version !== version) throw new Conflict();
        if (row.state !== 'open') throw notOpen(row.state);
        await tx
          .updateTable('review_period')
          .set({ state: 'closed', closed_at: new Date(), closed_by: actor.userId, version: version + 1 })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .execute();
        await recordAudit(tx, actor, {
          action: 'reviewPeriod.closed',
          entityType: 'review_period',
          entityId: id,
          unitPath: row.unit_path,
          before: { state: row.state },
          after: { state: 'closed' },
        });
      });
      return get(actor, id);
    },

    /** The job: prepares the period, writing its progress into the job's result as it goes. */
    async runPrepare(job: JobRow) {
      const { periodId } = job.payload as { periodId: string };
      const progress = async (done: number, total: number) => {
        await db
          .updateTable('job')
          .set({ result: JSON.stringify({ periodId, done, total }) })
          .where('tenant_id', '=', job.tenant_id)
          .where('id', '=', job.id)
          .execute();
      };
      return {
        periodId,
        ...(await prepareReviewPeriod(db, { tenantId: job.tenant_id, periodId }, progress)),
      };
    },

    /** Whether a unit of the period is visible to the actor (board, meeting). */
    async seesPeriodUnit(actor: Actor, unitPath: string) {
      const acc = await access(actor);
      return [acc.read, acc.review, acc.decide, acc.manage].some((s) => covers(s, unitPath));
    },
  };
}

export type ReviewPeriodsService = ReturnType<typeof createReviewPeriodsService>;
