import type { Transaction } from 'kysely';
import { type Actor, systemActor } from '../../access/actor';
import type { AppContext } from '../../context';
import type { DB } from '../../db/schema';
import { AppError, RuleViolation } from '../../errors';
import { todayInVietnam } from '../units/units.dates';
import { addDays, daysBetween, type PeriodKind, periodEnd } from './cycles.periods';
import * as repo from './cycles.repository';
import type { OpenSpec } from './cycles.rules';
import { enrol } from './enrolment';
import { latestPublished } from './frameworks.repository';

/** The daily job of the setup side (docs/EVALUATIONS.md, "Deadlines, reminders and the next cycle"). */
export const CYCLES_DAILY = { kind: 'evaluations.cycles.daily', pattern: '15 0 * * *' } as const;

export interface DailyResult {
  opened: string[];
  skipped: { cycleId: string; code: string; message: string }[];
  reenrolled: { cycleId: string; added: number; rehomed: number }[];
}

/**
 * Opens the next cycle of every open cycle with auto-next whose period has ended and that has no
 * successor yet (same subtree and kind, the latest published version of its framework family, the
 * same deadline offsets from the period's end), then re-runs enrolment of every open cycle.
 * Idempotent: the previous cycle is locked and its successor looked for again inside the
 * transaction, and the unique (unit, kind, start) key stops a second opening.
 */
export async function runCyclesDaily(
  ctx: AppContext,
  cycles: { open(tx: Transaction<DB>, actor: Actor, spec: OpenSpec): Promise<string> },
  today = todayInVietnam(),
): Promise<DailyResult> {
  const { db, tenantId } = ctx;
  const system = systemActor(tenantId, 'lịch đánh giá');
  const result: DailyResult = { opened: [], skipped: [], reenrolled: [] };
  for (const { id } of await repo.cyclesDueForNext(db, tenantId, today)) {
    try {
      const opened = await db.transaction().execute(async (tx) => {
        const prev = await tx
          .selectFrom('eval_cycle')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const successor = await tx
          .selectFrom('eval_cycle')
          .select('id')
          .where('tenant_id', '=', tenantId)
          .where('previous_id', '=', id)
          .executeTakeFirst();
        if (successor || prev.status !== 'open' || !prev.auto_next) return null;
        const family = await tx
          .selectFrom('eval_framework')
          .select('family_id')
          .where('tenant_id', '=', tenantId)
          .where('id', '=', prev.framework_id)
          .executeTakeFirstOrThrow();
        const framework = await latestPublished(tx, tenantId, family.family_id);
        if (!framework) {
          throw new RuleViolation(
            'FRAMEWORK_NOT_PUBLISHED',
            'Không còn phiên bản khung tiêu chí nào đã ban hành.',
            'No published version of the framework is left.',
          );
        }
        const unit = await tx
          .selectFrom('org_unit')
          .select(['id', 'name', 'path', 'status'])
          .where('tenant_id', '=', tenantId)
          .where('id', '=', prev.unit_id)
          .executeTakeFirstOrThrow();
        const fwUnit = await tx
          .selectFrom('org_unit')
          .select('path')
          .where('tenant_id', '=', tenantId)
          .where('id', '=', framework.unit_id)
          .executeTakeFirstOrThrow();
        const start = addDays(prev.period_end, 1);
        const kind = prev.period_kind as PeriodKind;
        const offset = (due: string) => daysBetween(prev.period_end, due);
        const nextEnd = periodEnd(kind, start);
        return cycles.open(tx, system, {
          unit,
          framework: { ...framework, unit_path: fwUnit.path },
          periodKind: kind,
          periodStart: start,
          deadlines: {
            selfDue: addDays(nextEnd, offset(prev.self_due)),
            reviewDue: addDays(nextEnd, offset(prev.review_due)),
            decisionDue: addDays(nextEnd, offset(prev.decision_due)),
            complaintDays: prev.complaint_days,
          },
          autoNext: true,
          previousId: id,
        });
      });
      if (opened) result.opened.push(opened);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.skipped.push({ cycleId: id, code: error.code, message: error.messageVi });
      ctx.logger.warn({ cycle: id, code: error.code }, 'could not open the next evaluation cycle');
    }
  }
  for (const { id } of await repo.openCycleIds(db, tenantId)) {
    const done = await db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('eval_cycle')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('status', '=', 'open')
        .forUpdate()
        .executeTakeFirst();
      return row ? enrol(tx, tenantId, row, today, { rehome: true }) : null;
    });
    if (done && done.added + done.rehomed > 0)
      result.reenrolled.push({ cycleId: id, added: done.added, rehomed: done.rehomed });
  }
  return result;
}
