import {
  type BoardQuery,
  type ClassificationBoard,
  type Grade,
  type MeetingInput,
  REVIEW_STATES,
} from '@canbo/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import { type Actor, covers } from '../../access/actor';
import { recordAudit, recordAuditMany } from '../../audit/audit';
import type { AppContext } from '../../context';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../../errors';
import { evaluationAccess } from '../evaluations/evaluations.access';
import { todayInVietnam } from '../units/units.dates';
import { canDecideRow, seesUnit } from './annual.access';
import { classificationDocx, classificationXlsx } from './annual.documents';
import { eligibilityOf, presentMeeting, presentSummary } from './annual.presenter';
import * as repo from './annual.repository';
import type { Db } from './annual.types';
import { linkageOf, meters, quotaChecks, quotaScope, tally } from './checks';
import { documentHeader } from './document-header.build';
import { UUID7 } from './enrolment';
import { periodView } from './periods.view';
import { annualRules } from './prepare';
import { recordGradedWeakOrgs } from './weak-orgs.repository';
import { isBasePartyOrganisation } from './weak-orgs.service';

type Query = z.infer<typeof BoardQuery>;

/**
 * The unit's classification board (docs/ANNUAL.md, "Board"): its people (or the collectives it
 * decides) on a track, the quota meters on the grades in play, linkage warnings, progress; the unit's
 * review meeting; publication; the classification table as .docx and .xlsx.
 */
export function createAnnualBoardService(ctx: AppContext) {
  const { db, tenantId } = ctx;
  const access = (actor: Actor) => evaluationAccess(db, actor, todayInVietnam());

  async function locate(dbx: Db, acc: Awaited<ReturnType<typeof access>>, periodId: string, unitId: string) {
    const period = await repo.findPeriod(dbx, acc, periodId);
    if (!period) throw new NotFound('review period');
    const unit = await repo.unitOf(dbx, tenantId, unitId);
    const inPeriod = unit?.path.startsWith(period.unit_path) ?? false;
    if (!unit || !inPeriod || !seesUnit(acc, unit.path)) throw new NotFound('unit');
    return { period, unit };
  }

  async function board(
    actor: Actor,
    periodId: string,
    unitId: string,
    query: Query,
  ): Promise<ClassificationBoard> {
    const acc = await access(actor);
    const { period, unit } = await locate(db, acc, periodId, unitId);
    const rows = await repo.boardRows(db, acc, periodId, unitId, query.track, query.subject);
    const scope = quotaScope({
      subject: query.subject === 'person' ? 'person' : 'organisation',
      unit_id: unitId,
      decision_unit_id: unitId,
      track: query.track,
    });
    const all = await repo.gradesWhere(
      db,
      tenantId,
      periodId,
      sql<boolean>`${scope} AND r.state <> 'notReviewed'`,
    );
    const headline = query.track === 'state' ? period.state_rule_set_id : period.party_rule_set_id;
    const ruleSetIds = [...new Set([...rows.map((r) => r.rule_set_id), headline])];
    const t = tally(all);
    const quota = meters(quotaChecks(annualRules(headline), query.subject, t), t);
    const linkageWarnings: ClassificationBoard['linkageWarnings'] = [];
    const linkOk = new Map<string, boolean>();
    for (const r of rows.filter((x) => x.is_leader && x.subject === 'person')) {
      const grade = (r.decided_grade ?? r.manager_grade ?? r.proposed_grade) as Grade | null;
      if (!grade) continue;
      const check = await linkageOf(db, annualRules(r.rule_set_id), r, grade, null);
      if (!check) continue;
      linkOk.set(r.id, check.ok);
      if (!check.ok) {
        linkageWarnings.push({
          reviewId: r.id,
          name: r.full_name ?? r.unit_name,
          violations: check.violations.map((v) => v.message),
        });
      }
    }
    const progress = Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as ClassificationBoard['progress'];
    for (const r of rows) progress[r.state as keyof typeof progress] += 1;
    const meeting = await repo.findMeeting(db, tenantId, periodId, unitId);
    const open = period.state === 'open';
    const mine = rows.filter((r) => canDecideRow(acc, r));
    return {
      period: await periodView(db, acc, period),
      unit: { id: unit.id, name: unit.name },
      track: query.track,
      subject: query.subject,
      ruleSetIds: ruleSetIds as ClassificationBoard['ruleSetIds'],
      quota,
      items: rows.map((r) => presentSummary(r, linkOk.get(r.id) ?? null)),
      linkageWarnings,
      meeting: meeting ? presentMeeting(meeting) : null,
      progress,
      canDecide: open && mine.some((r) => r.state === 'proposed'),
      canPublish: open && mine.some((r) => r.state === 'decided'),
    };
  }

  return {
    board,

    async meeting(actor: Actor, periodId: string, unitId: string) {
      const acc = await access(actor);
      await locate(db, acc, periodId, unitId);
      const row = await repo.findMeeting(db, tenantId, periodId, unitId);
      return row ? presentMeeting(row) : null;
    },

    async saveMeeting(actor: Actor, periodId: string, unitId: string, input: z.infer<typeof MeetingInput>) {
      const acc = await access(actor);
      return db.transaction().execute(async (tx) => {
        const { period, unit } = await locate(tx, acc, periodId, unitId);
        if (!covers(acc.manage, unit.path)) throw new Forbidden();
        if (period.state !== 'open') throw periodClosed();
        const row = await repo.findMeeting(tx, tenantId, periodId, unitId, true);
        if (row && input.version !== row.version) throw new Conflict();
        const values = {
          meeting_date: input.meetingDate,
          present: input.present,
          summoned: input.summoned,
          minutes: input.minutes,
          chaired_by: input.chairedBy ?? null,
          recorded_by: actor.userId,
          updated_at: new Date(),
        };
        if (row) {
          await tx
            .updateTable('review_meeting')
            .set({ ...values, version: row.version + 1 })
            .where('tenant_id', '=', tenantId)
            .where('period_id', '=', periodId)
            .where('unit_id', '=', unitId)
            .execute();
        } else {
          const inserted = await tx
            .insertInto('review_meeting')
            .values({ tenant_id: tenantId, period_id: periodId, unit_id: unitId, ...values })
            .onConflict((oc) => oc.columns(['tenant_id', 'period_id', 'unit_id']).doNothing())
            .returning('unit_id')
            .executeTakeFirst();
          if (!inserted) throw new Conflict();
        }
        await recordAudit(tx, actor, {
          action: 'reviewMeeting.saved',
          entityType: 'review_meeting',
          entityId: periodId,
          unitPath: unit.path,
          before: row
            ? { meetingDate: row.meeting_date, present: row.present, summoned: row.summoned }
            : null,
          after: { unitId, meetingDate: input.meetingDate, present: input.present, summoned: input.summoned },
        });
        return presentMeeting((await repo.findMeeting(tx, tenantId, periodId, unitId))!);
      });
    },

    /**
     * Publishes the unit's decided reviews the caller decides (its people on both tracks and the
     * collectives it decides), and those not graded this period that went through their steps; files
     * base party organisations decided "not completed" as weak organisations of the year.
     */
    async publish(actor: Actor, periodId: string, unitId: string) {
      const acc = await access(actor);
      return db.transaction().execute(async (tx) => {
        const { period, unit } = await locate(tx, acc, periodId, unitId);
        if (!covers(acc.decide, unit.path)) throw new Forbidden();
        if (period.state !== 'open') throw periodClosed();
        const candidates = await repo
          .reviewRows(tx, tenantId)
          .where('r.period_id', '=', periodId)
          .where((eb) =>
            eb.or([
              eb.and([eb('r.subject', '=', 'person'), eb('r.unit_id', '=', unitId)]),
              eb.and([eb('r.subject', '<>', 'person'), eb('r.decision_unit_id', '=', unitId)]),
            ]),
          )
          .where(repo.visibleReviews(acc))
          .orderBy('r.id')
          .forUpdate('r')
          .execute();
        const items = candidates.filter((r) => {
          if (!canDecideRow(acc, r)) return false;
          if (r.state === 'decided') return true;
          const e = eligibilityOf(r);
          return (
            e.status === 'notGraded' &&
            (r.state === 'selfReviewed' || (r.state === 'pending' && !e.selfReviewRequired))
          );
        });
        if (items.length === 0) {
          throw new RuleViolation(
            'NOTHING_TO_PUBLISH',
            'Không có kết quả nào đã quyết định để công bố.',
            'There is no decided result to publish.',
          );
        }
        const ids = items.map((r) => r.id);
        const now = new Date();
        await sql`INSERT INTO annual_review_step (tenant_id, id, review_id, seq, action, grade, comment, actor_id, at)
          SELECT r.tenant_id, ${UUID7}, r.id,
            COALESCE((SELECT max(s.seq) FROM annual_review_step s WHERE s.tenant_id = r.tenant_id AND s.review_id = r.id), 0) + 1,
            'publish', r.decided_grade, NULL, ${actor.userId}::uuid, ${now}::timestamptz
          FROM annual_review r WHERE r.tenant_id = ${tenantId} AND r.id IN (${sql.join(ids)})`.execute(tx);
        await tx
          .updateTable('annual_review')
          .set((eb) => ({
            state: 'published',
            published_at: now,
            updated_at: now,
            version: eb('version', '+', 1),
          }))
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', ids)
          .execute();
        const weak = [];
        for (const r of items.filter(
          (x) => x.subject === 'organisation' && x.decided_grade === 'notCompleted',
        )) {
          const u = await repo.unitOf(tx, tenantId, r.unit_id);
          if (u && isBasePartyOrganisation(u))
            weak.push({ reviewId: r.id, unitId: r.unit_id, unitPath: r.unit_path });
        }
        const year = period.year ?? Number(period.period_end.slice(0, 4));
        const weakOrganisations = await recordGradedWeakOrgs(tx, {
          tenantId,
          year,
          actorId: actor.userId,
          organisations: weak,
        });
        await recordAuditMany(
          tx,
          actor,
          items.map((r) => ({
            action: 'annualReview.published',
            entityType: 'annual_review',
            entityId: r.id,
            unitPath: r.unit_path,
            before: { state: r.state },
            after: { state: 'published', grade: r.decided_grade },
          })),
        );
        return { published: items.length, weakOrganisations };
      });
    },

    async classificationFile(
      actor: Actor,
      periodId: string,
      unitId: string,
      query: Query,
      kind: 'docx' | 'xlsx',
    ) {
      const b = await board(actor, periodId, unitId, query);
      const header = await documentHeader(db, tenantId, ctx.rootPath, unitId);
      const bytes =
        kind === 'docx' ? await classificationDocx(b, header) : await classificationXlsx(b, header);
      const fileName = `xep-loai-${b.period.label.replace(/\s+/g, '-')}-${query.track}-${query.subject}.${kind}`;
      return { fileName, bytes };
    },
  };
}

function periodClosed(): Conflict {
  return new Conflict(
    'Kỳ đánh giá không ở trạng thái đang thực hiện.',
    'The review period is not open.',
    'PERIOD_NOT_OPEN',
  );
}

export type AnnualBoardService = ReturnType<typeof createAnnualBoardService>;
