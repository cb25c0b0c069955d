import {
  type CreateCycleInput,
  type CycleListQuery,
  type CycleView,
  type EvaluationState,
  type OpenedCycleView,
  type OutstandingInput,
  type ReviewSettingInput,
  ruleSetById,
  type UpdateCycleInput,
} from '@canbo/domain';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type Actor, assertCan, scopeOf, systemActor } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import type { DB } from '../../db/schema';
import { Conflict, NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import { todayInVietnam } from '../units/units.dates';
import { periodLabel } from './cycles.periods';
import { emptyCounts, presentCycle, presentCycleUnit } from './cycles.presenter';
import * as repo from './cycles.repository';
import { checkDeadlines, checkOpening, type OpenSpec, refuse } from './cycles.rules';
import { runCyclesDaily } from './cycles.schedule';
import { enrol } from './enrolment';
import { type Db, type EvaluationAccess, evaluationAccess } from './evaluations.access';
import { findFramework } from './frameworks.repository';
import { isRelevant } from './setup.access';

function cycleExists(label: string, unitName: string): Conflict {
  return new Conflict(
    `${unitName} đã có kỳ đánh giá ${label}.`,
    `${unitName} already has an evaluation cycle for ${label}.`,
    'CYCLE_EXISTS',
  );
}

export function createCyclesService(ctx: AppContext) {
  const { db, tenantId } = ctx;
  const access = (actor: Actor, dbx: Db = db) => evaluationAccess(dbx, actor, todayInVietnam());

  async function visibleCycle(dbx: Db, acc: EvaluationAccess, id: string, lock = false) {
    const row = await repo.findCycle(dbx, acc, id, lock);
    if (!row) throw new NotFound('cycle');
    return row;
  }

  async function present(dbx: Db, acc: EvaluationAccess, rows: repo.CycleRow[]): Promise<CycleView[]> {
    const counts = await repo.stateCounts(
      dbx,
      acc,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const c = emptyCounts();
      for (const n of counts.filter((x) => x.cycle_id === r.id)) c[n.state as EvaluationState] = Number(n.n);
      return presentCycle(r, c);
    });
  }

  async function view(dbx: Db, acc: EvaluationAccess, id: string) {
    const [one] = await present(dbx, acc, [await visibleCycle(dbx, acc, id)]);
    return one!;
  }

  /** Inserts the cycle, enrols its people and writes one audit entry (not one per person). */
  async function openCycle(
    tx: Transaction<DB>,
    actor: Actor,
    spec: OpenSpec,
  ): Promise<{ id: string; skipped: number }> {
    const { periodEnd: end, deadlines } = checkOpening(spec);
    const existing = await repo.cycleAt(tx, tenantId, spec.unit.id, spec.periodKind, spec.periodStart);
    if (existing) throw cycleExists(existing.label, spec.unit.name);
    const id = newId();
    const label = periodLabel(spec.periodKind, spec.periodStart);
    const cycle = {
      id,
      unit_path: spec.unit.path,
      period_start: spec.periodStart,
      period_end: end,
      framework_id: spec.framework.id,
      rule_set_id: spec.framework.rule_set_id,
    };
    try {
      await tx
        .insertInto('eval_cycle')
        .values({
          ...cycle,
          tenant_id: tenantId,
          unit_id: spec.unit.id,
          period_kind: spec.periodKind,
          label,
          status: 'open',
          self_due: deadlines.selfDue,
          review_due: deadlines.reviewDue,
          decision_due: deadlines.decisionDue,
          complaint_days: deadlines.complaintDays,
          auto_next: spec.autoNext,
          previous_id: spec.previousId,
          created_by: actor.userId,
          created_at: new Date(),
        })
        .execute();
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw cycleExists(label, spec.unit.name);
      throw error;
    }
    const result = await enrol(tx, tenantId, cycle, todayInVietnam(), { rehome: false });
    await recordAudit(tx, actor, {
      action: 'evaluationCycle.opened',
      entityType: 'eval_cycle',
      entityId: id,
      unitPath: spec.unit.path,
      after: {
        ...cycle,
        label,
        deadlines,
        autoNext: spec.autoNext,
        previousId: spec.previousId,
        enrolled: result.enrolled,
        skipped: result.skipped,
      },
    });
    return { id, skipped: result.skipped };
  }

  const open = (tx: Transaction<DB>, actor: Actor, spec: OpenSpec): Promise<string> =>
    openCycle(tx, actor, spec).then((opened) => opened.id);

  const service = {
    open,
    async list(actor: Actor, query: z.infer<typeof CycleListQuery>) {
      const acc = await access(actor);
      let unitPath: string | undefined;
      if (query.unitId) {
        const unit = await repo.findUnitIn(db, scopeOf(actor, 'units.read'), query.unitId);
        if (!unit) throw new NotFound('unit');
        unitPath = unit.path;
      }
      const { rows, total } = await repo.listCycles(db, acc, {
        ...(unitPath ? { unitPath } : {}),
        ...(query.status ? { status: query.status } : {}),
        page: query.page,
        pageSize: query.pageSize,
      });
      return { items: await present(db, acc, rows), total, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: string) {
      return view(db, await access(actor), id);
    },

    async create(actor: Actor, input: z.infer<typeof CreateCycleInput>): Promise<OpenedCycleView> {
      const acc = await access(actor);
      const unit = await repo.findUnitIn(db, scopeOf(actor, 'units.read'), input.unitId);
      if (!unit) throw new NotFound('unit');
      assertCan(actor, 'evaluations.manage', unit.path);
      const framework = await findFramework(db, acc, input.frameworkId);
      if (!framework) throw new NotFound('framework');
      return db.transaction().execute(async (tx) => {
        const { id, skipped } = await openCycle(tx, actor, {
          unit,
          framework,
          periodKind: input.periodKind,
          periodStart: input.periodStart,
          deadlines: input.deadlines,
          autoNext: input.autoNext,
          previousId: null,
        });
        return { ...(await view(tx, await access(systemActor(tenantId), tx), id)), skipped };
      });
    },

    async update(actor: Actor, id: string, input: z.infer<typeof UpdateCycleInput>) {
      const acc = await access(actor);
      return db.transaction().execute(async (tx) => {
        const row = await visibleCycle(tx, acc, id, true);
        assertCan(actor, 'evaluations.manage', row.unit_path);
        if (row.status !== 'open') throw closed(row.label);
        if (row.version !== input.version) throw new Conflict();
        if (input.deadlines) checkDeadlines(row.period_start, input.deadlines);
        const changes = {
          ...(input.deadlines
            ? {
                self_due: input.deadlines.selfDue,
                review_due: input.deadlines.reviewDue,
                decision_due: input.deadlines.decisionDue,
                complaint_days: input.deadlines.complaintDays,
              }
            : {}),
          ...(input.autoNext !== undefined ? { auto_next: input.autoNext } : {}),
        };
        if (!(await repo.bumpCycle(tx, tenantId, id, input.version, changes))) throw new Conflict();
        await recordAudit(tx, actor, {
          action: 'evaluationCycle.updated',
          entityType: 'eval_cycle',
          entityId: id,
          unitPath: row.unit_path,
          before: {
            selfDue: row.self_due,
            reviewDue: row.review_due,
            decisionDue: row.decision_due,
            complaintDays: row.complaint_days,
            autoNext: row.auto_next,
          },
          after: changes,
        });
        return view(tx, acc, id);
      });
    },

    /** Adds newcomers and re-homes drafts of people who moved; the schedule runs it as the system. */
    async enrol(actor: Actor, id: string) {
      const acc = await access(actor);
      return db.transaction().execute(async (tx) => {
        const row = await visibleCycle(tx, acc, id, true);
        assertCan(actor, 'evaluations.manage', row.unit_path);
        if (row.status !== 'open') throw closed(row.label);
        const result = await enrol(tx, tenantId, row, todayInVietnam(), { rehome: true });
        if (result.added + result.rehomed > 0) {
          await repo.bumpCycle(tx, tenantId, id, row.version, {});
          await recordAudit(tx, actor, {
            action: 'evaluationCycle.enrolled',
            entityType: 'eval_cycle',
            entityId: id,
            unitPath: row.unit_path,
            after: result,
          });
        }
        return {
          cycle: await view(tx, acc, id),
          added: result.added,
          rehomed: result.rehomed,
          skipped: result.skipped,
        };
      });
    },

    async setOutstanding(actor: Actor, id: string, unitId: string, input: z.infer<typeof OutstandingInput>) {
      const acc = await access(actor);
      return db.transaction().execute(async (tx) => {
        const cycle = await visibleCycle(tx, acc, id, true);
        const unit = await repo.findCycleUnit(tx, tenantId, id, unitId, true);
        if (!unit || !isRelevant(acc, unit.unit_path)) throw new NotFound('unit');
        assertCan(actor, 'evaluations.manage', unit.unit_path);
        if (cycle.status !== 'open') throw closed(cycle.label);
        const ruleSet = ruleSetById(cycle.rule_set_id);
        if (input.outstanding && ruleSet?.quota.outstandingPercent == null) {
          throw refuse(
            'NO_OUTSTANDING_CAP',
            'outstanding',
            `Bộ quy tắc ${cycle.rule_set_id} không có tỷ lệ cao hơn cho đơn vị xuất sắc.`,
            `The rule set ${cycle.rule_set_id} has no higher cap for an outstanding unit.`,
          );
        }
        if (unit.version !== input.version) throw new Conflict();
        const reason = input.outstanding ? (input.reason ?? null) : null;
        const changes = { outstanding: input.outstanding, reason, by: actor.userId };
        if (!(await repo.markOutstanding(tx, tenantId, unit, changes))) throw new Conflict();
        await recordAudit(tx, actor, {
          action: 'evaluationCycle.outstandingMarked',
          entityType: 'eval_cycle_unit',
          entityId: id,
          unitPath: unit.unit_path,
          before: { unitId, outstanding: unit.outstanding, reason: unit.outstanding_reason },
          after: { unitId, outstanding: input.outstanding, reason },
        });
        return presentCycleUnit((await repo.findCycleUnit(tx, tenantId, id, unitId))!);
      });
    },

    async settings(actor: Actor, unitId: string) {
      const acc = await access(actor);
      const unit = await repo.findUnitIn(db, scopeOf(actor, 'units.read'), unitId);
      if (!unit || !isRelevant(acc, unit.path)) throw new NotFound('unit');
      const row = await repo.unitSetting(db, tenantId, unitId);
      return { unitId, reviewLevels: row?.review_levels ?? 1, version: row?.version ?? 0 };
    },

    async saveSettings(actor: Actor, unitId: string, input: z.infer<typeof ReviewSettingInput>) {
      const unit = await repo.findUnitIn(db, scopeOf(actor, 'units.read'), unitId);
      if (!unit) throw new NotFound('unit');
      assertCan(actor, 'evaluations.manage', unit.path);
      return db.transaction().execute(async (tx) => {
        const row = await repo.unitSetting(tx, tenantId, unitId, true);
        if (row && input.version !== row.version) throw new Conflict();
        const now = new Date();
        if (row) {
          await tx
            .updateTable('eval_unit_setting')
            .set({ review_levels: input.reviewLevels, version: row.version + 1, updated_at: now })
            .where('tenant_id', '=', tenantId)
            .where('unit_id', '=', unitId)
            .execute();
        } else {
          await tx
            .insertInto('eval_unit_setting')
            .values({
              tenant_id: tenantId,
              unit_id: unitId,
              review_levels: input.reviewLevels,
              updated_at: now,
            })
            .onConflict((oc) => oc.columns(['tenant_id', 'unit_id']).doNothing())
            .execute();
        }
        await recordAudit(tx, actor, {
          action: 'evaluationSettings.updated',
          entityType: 'eval_unit_setting',
          entityId: unitId,
          unitPath: unit.path,
          before: row ? { reviewLevels: row.review_levels } : null,
          after: { reviewLevels: input.reviewLevels },
        });
        const saved = await repo.unitSetting(tx, tenantId, unitId);
        return { unitId, reviewLevels: saved!.review_levels, version: saved!.version };
      });
    },
  };
  /** The daily schedule (cycles.schedule.ts): next cycles and re-enrolment. */
  return { ...service, daily: (today?: string) => runCyclesDaily(ctx, service, today) };
}

function closed(label: string): RuleViolation {
  return new RuleViolation(
    'CYCLE_CLOSED',
    `Kỳ đánh giá ${label} đã kết thúc.`,
    `The evaluation cycle ${label} is closed.`,
  );
}

export type CyclesService = ReturnType<typeof createCyclesService>;
