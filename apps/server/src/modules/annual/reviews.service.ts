import {
  type AnnualReviewDetail,
  type AnnualReviewListQuery,
  type CommentInput,
  type DecideInput,
  type Grade,
  type ProposeInput,
  proposeCollective,
  type ReopenInput,
  type SelfReviewInput,
} from '@canbo/domain';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import { type Actor, covers, scopeOf } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import type { DB } from '../../db/schema';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import { evaluationAccess } from '../evaluations/evaluations.access';
import { todayInVietnam } from '../units/units.dates';
import { canDecideRow, canReopenRow, canReviewRow, canSelfReview, isOwn } from './annual.access';
import { selfReviewDocx } from './annual.documents';
import { eligibilityOf, iso, num, presentMeeting, presentSummary } from './annual.presenter';
import * as repo from './annual.repository';
import type { Db } from './annual.types';
import { linkageOf, refuseIfOutOfBounds, refuseIfOverQuota, refuseIfUnlinked } from './checks';
import { documentHeader } from './document-header.build';
import { collectiveEvidence } from './evidence';
import { periodView } from './periods.view';
import { annualRules } from './prepare';

type Input<T extends z.ZodType> = z.infer<T>;
type Action = 'selfReview' | 'comment' | 'propose' | 'decide' | 'reopen';

const FROM: Record<Action, readonly string[]> = {
  selfReview: ['pending', 'selfReviewed'],
  comment: ['pending', 'selfReviewed', 'proposed'],
  propose: ['pending', 'selfReviewed', 'proposed'],
  decide: ['proposed'],
  reopen: ['decided', 'published'],
};

const STATE_NAMES: Record<string, string> = {
  pending: 'chờ tự kiểm điểm',
  selfReviewed: 'đã tự kiểm điểm',
  proposed: 'đã đề xuất',
  decided: 'đã quyết định',
  published: 'đã công bố',
  notReviewed: 'không kiểm điểm',
};

function illegal(action: Action, state: string): Conflict {
  return new Conflict(
    `Không thể thực hiện thao tác này khi bản kiểm điểm ở trạng thái "${STATE_NAMES[state] ?? state}".`,
    `The action ${action} is not possible while the review is ${state}.`,
    'ILLEGAL_TRANSITION',
  );
}

/**
 * The annual review's workflow (docs/ANNUAL.md, "Workflow"): self-review, the meeting's comment, the
 * manager's proposal, the head's decision, reopening; and the reads (list, mine, detail, filed results).
 */
export function createAnnualReviewsService(ctx: AppContext) {
  const { db, tenantId } = ctx;
  const access = (actor: Actor, dbx: Db = db) => evaluationAccess(dbx, actor, todayInVietnam());

  async function openPeriod(dbx: Db, periodId: string) {
    const period = await repo.periodById(dbx, tenantId, periodId);
    if (!period) throw new NotFound('review period');
    if (period.state !== 'open') {
      throw new Conflict(
        period.state === 'closed'
          ? 'Kỳ đánh giá đã khóa sổ.'
          : 'Kỳ đánh giá đang được chuẩn bị; hãy thử lại sau ít phút.',
        period.state === 'closed'
          ? 'The review period is closed.'
          : 'The review period is being prepared; try again shortly.',
        'PERIOD_NOT_OPEN',
      );
    }
    return period;
  }

  interface StepSpec {
    action: Action;
    version: number;
    allowed(acc: Awaited<ReturnType<typeof access>>, row: repo.ReviewRow): boolean;
    /** Checks and the columns written; may throw. */
    apply(
      tx: Transaction<DB>,
      row: repo.ReviewRow,
    ): Promise<{ changes: Record<string, unknown>; grade: string | null; comment: string | null }>;
  }

  async function step(actor: Actor, id: string, spec: StepSpec) {
    const acc = await access(actor);
    await db.transaction().execute(async (tx) => {
      const row = await repo.findReview(tx, acc, id, true);
      if (!row) throw new NotFound('annual review');
      if (!spec.allowed(acc, row)) throw new Forbidden();
      if (row.version !== spec.version) throw new Conflict();
      await openPeriod(tx, row.period_id);
      if (!FROM[spec.action].includes(row.state)) throw illegal(spec.action, row.state);
      const { changes, grade, comment } = await spec.apply(tx, row);
      if (!(await repo.updateReview(tx, tenantId, id, row.version, changes))) throw new Conflict();
      await repo.insertStep(tx, tenantId, {
        id: newId(),
        reviewId: id,
        action: spec.action,
        grade,
        comment,
        actorId: actor.userId,
      });
      await recordAudit(tx, actor, {
        action: `annualReview.${spec.action}`,
        entityType: 'annual_review',
        entityId: id,
        unitPath: row.unit_path,
        before: { state: row.state, managerGrade: row.manager_grade, decidedGrade: row.decided_grade },
        after: { ...changes, ...(grade ? { grade } : {}) },
      });
    });
    return detail(actor, id);
  }

  async function detail(actor: Actor, id: string): Promise<AnnualReviewDetail> {
    const acc = await access(actor);
    const row = await repo.findReview(db, acc, id);
    if (!row) throw new NotFound('annual review');
    const period = await repo.periodById(db, tenantId, row.period_id);
    const ruleSet = annualRules(row.rule_set_id);
    const inPlay = (row.decided_grade ?? row.manager_grade ?? row.proposed_grade) as Grade | null;
    const [meeting, steps, linkage, collective, view] = await Promise.all([
      repo.findMeeting(db, tenantId, row.period_id, row.unit_id),
      repo.stepsOf(db, tenantId, id),
      inPlay ? linkageOf(db, ruleSet, row, inPlay, null) : Promise.resolve(null),
      row.subject === 'person' ? Promise.resolve(null) : collectiveEvidence(db, row),
      periodView(db, acc, period!),
    ]);
    const open = period!.state === 'open';
    return {
      ...presentSummary(row, linkage ? linkage.ok : null),
      period: view,
      rollup: (row.rollup as AnnualReviewDetail['rollup']) ?? null,
      selfReview: row.self_review,
      selfScore: num(row.self_score),
      selfSubmittedAt: iso(row.self_submitted_at),
      meeting: meeting ? presentMeeting(meeting) : null,
      collectiveComment: row.collective_comment,
      targetsOverfulfilledPercent: num(row.targets_overfulfilled),
      managerComment: row.manager_comment,
      decisionComment: row.decision_comment,
      decidedAt: iso(row.decided_at),
      publishedAt: iso(row.published_at),
      linkage,
      collective,
      steps: steps.map((s) => ({
        action: s.action as AnnualReviewDetail['steps'][number]['action'],
        grade: s.grade as Grade | null,
        comment: s.comment,
        actorName: s.display_name ?? 'Hệ thống',
        at: iso(s.at)!,
      })),
      can: {
        selfReview: open && FROM.selfReview.includes(row.state) && canSelfReview(acc, row),
        comment: open && FROM.comment.includes(row.state) && canReviewRow(acc, row),
        propose: open && FROM.propose.includes(row.state) && canReviewRow(acc, row),
        decide: open && row.state === 'proposed' && canDecideRow(acc, row),
      },
    };
  }

  return {
    detail,

    /** The self-review form (.docx, Party layout) of a review the caller sees. */
    async selfReviewFile(actor: Actor, id: string) {
      const d = await detail(actor, id);
      const header = await documentHeader(db, tenantId, ctx.rootPath, d.unitId);
      const who = d.personCode ?? d.unitName.replace(/\s+/g, '-');
      return { fileName: `ban-tu-kiem-diem-${who}.docx`, bytes: await selfReviewDocx(d, header) };
    },

    async list(actor: Actor, query: Input<typeof AnnualReviewListQuery>) {
      const acc = await access(actor);
      let unitPath: string | undefined;
      if (query.unitId) {
        const unit = await repo.unitOf(db, tenantId, query.unitId);
        if (!unit) throw new NotFound('unit');
        unitPath = unit.path;
      }
      const { rows, total } = await repo.listReviews(db, acc, {
        periodId: query.periodId,
        unitPath,
        track: query.track,
        subject: query.subject,
        state: query.state,
        grade: query.grade,
        q: query.q,
        page: query.page,
        pageSize: query.pageSize,
      });
      return { items: rows.map((r) => presentSummary(r)), total, page: query.page, pageSize: query.pageSize };
    },

    /** The caller's own reviews, newest period first. */
    async mine(actor: Actor) {
      const acc = await access(actor);
      if (acc.selfId === null) return { items: [] };
      const rows = await repo
        .reviewRows(db, tenantId)
        .innerJoin('review_period as p', (j) =>
          j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.period_id'),
        )
        .where('r.person_id', '=', acc.selfId)
        .orderBy('p.period_end', 'desc')
        .orderBy('r.track')
        .execute();
      return { items: rows.map((r) => presentSummary(r)) };
    },

    selfReview(actor: Actor, id: string, input: Input<typeof SelfReviewInput>) {
      return step(actor, id, {
        action: 'selfReview',
        version: input.version,
        allowed: canSelfReview,
        async apply(tx, row) {
          const eligibility = eligibilityOf(row);
          refuseIfOutOfBounds(
            input.proposedGrade,
            eligibility,
            annualRules(row.rule_set_id),
            'proposedGrade',
          );
          const changes: Record<string, unknown> = {
            self_review: input.selfReview,
            self_grade: input.proposedGrade,
            self_submitted_at: new Date(),
            state: 'selfReviewed',
          };
          if (row.subject !== 'person') {
            const score = input.score ?? null;
            const evidence = await collectiveEvidence(tx, row);
            const proposal = proposeCollective(annualRules(row.rule_set_id), {
              score,
              disciplineInside: evidence.disciplineInside,
              memberGrades: evidence.members,
              subordinateGrades: evidence.subordinates,
            });
            Object.assign(changes, {
              self_score: score,
              proposed_score: score,
              proposed_grade: proposal.grade,
            });
          } else if (input.score !== undefined && input.score !== null) {
            changes.self_score = input.score;
          }
          return { changes, grade: input.proposedGrade, comment: null };
        },
      });
    },

    comment(actor: Actor, id: string, input: Input<typeof CommentInput>) {
      return step(actor, id, {
        action: 'comment',
        version: input.version,
        allowed: canReviewRow,
        apply: async () => ({
          changes: { collective_comment: input.comment },
          grade: null,
          comment: input.comment,
        }),
      });
    },

    propose(actor: Actor, id: string, input: Input<typeof ProposeInput>) {
      return step(actor, id, {
        action: 'propose',
        version: input.version,
        allowed: canReviewRow,
        async apply(tx, row) {
          const eligibility = eligibilityOf(row);
          if (row.state === 'pending' && eligibility.selfReviewRequired) throw selfReviewFirst();
          refuseIfOutOfBounds(input.grade, eligibility, annualRules(row.rule_set_id));
          const targets = input.targetsOverfulfilledPercent;
          refuseIfUnlinked(await linkageOf(tx, annualRules(row.rule_set_id), row, input.grade, targets));
          return {
            changes: {
              manager_grade: input.grade,
              manager_comment: input.comment ?? null,
              manager_by: actor.userId,
              manager_at: new Date(),
              ...(targets !== undefined && targets !== null ? { targets_overfulfilled: targets } : {}),
              state: 'proposed',
            },
            grade: input.grade,
            comment: input.comment ?? null,
          };
        },
      });
    },

    decide(actor: Actor, id: string, input: Input<typeof DecideInput>) {
      return step(actor, id, {
        action: 'decide',
        version: input.version,
        allowed: canDecideRow,
        async apply(tx, row) {
          const ruleSet = annualRules(row.rule_set_id);
          refuseIfOutOfBounds(input.grade, eligibilityOf(row), annualRules(row.rule_set_id));
          refuseIfUnlinked(await linkageOf(tx, ruleSet, row, input.grade, null));
          // Lock the unit's decided reviews' quota: concurrent decisions in one unit queue here.
          await sql`SELECT 1 FROM review_period WHERE tenant_id = ${tenantId} AND id = ${row.period_id} FOR UPDATE`.execute(
            tx,
          );
          await refuseIfOverQuota(tx, ruleSet, row, input.grade);
          return {
            changes: {
              decided_grade: input.grade,
              decision_comment: input.comment ?? null,
              decided_by: actor.userId,
              decided_at: new Date(),
              state: 'decided',
            },
            grade: input.grade,
            comment: input.comment ?? null,
          };
        },
      });
    },

    reopen(actor: Actor, id: string, input: Input<typeof ReopenInput>) {
      return step(actor, id, {
        action: 'reopen',
        version: input.version,
        allowed: canReopenRow,
        apply: async () => ({
          changes: {
            state: 'proposed',
            decided_grade: null,
            decided_at: null,
            decided_by: null,
            published_at: null,
          },
          grade: null,
          comment: input.reason,
        }),
      });
    },

    /** Published results filed in a person's record: own, or people.read over the person's unit. */
    async personResults(actor: Actor, personId: string) {
      const acc = await access(actor);
      const person = await db
        .selectFrom('person as p')
        .innerJoin('org_unit as u', (j) =>
          j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.unit_id'),
        )
        .select(['p.id', 'u.path'])
        .where('p.tenant_id', '=', tenantId)
        .where('p.id', '=', personId)
        .executeTakeFirst();
      if (!person) throw new NotFound('person');
      if (!isOwn(acc, { person_id: personId }) && !covers(scopeOf(actor, 'people.read'), person.path)) {
        throw new NotFound('person');
      }
      const rows = await db
        .selectFrom('annual_review as r')
        .innerJoin('review_period as p', (j) =>
          j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.period_id'),
        )
        .innerJoin('org_unit as u', (j) =>
          j.onRef('u.tenant_id', '=', 'r.tenant_id').onRef('u.id', '=', 'r.unit_id'),
        )
        .select([
          'r.id',
          'p.label',
          'p.kind',
          'r.track',
          'r.rule_set_id',
          'r.decided_grade',
          'u.name',
          'r.published_at',
        ])
        .where('r.tenant_id', '=', tenantId)
        .where('r.person_id', '=', personId)
        .where('r.state', '=', 'published')
        .orderBy('p.period_end', 'desc')
        .orderBy('r.track')
        .execute();
      return {
        items: rows.map((r) => ({
          reviewId: r.id,
          periodLabel: r.label,
          kind: r.kind as 'annual' | 'midterm',
          track: r.track as 'state' | 'party',
          ruleSetId: r.rule_set_id as AnnualReviewDetail['ruleSetId'],
          grade: r.decided_grade as Grade | null,
          unitName: r.name,
          publishedAt: iso(r.published_at)!,
        })),
      };
    },
  };
}

function selfReviewFirst(): RuleViolation {
  const vi = 'Cần có bản tự kiểm điểm trước khi đề xuất xếp loại.';
  const en = 'The self-review must be written before a grade is proposed.';
  return new RuleViolation('SELF_REVIEW_MISSING', vi, en, [{ path: 'id', message: vi, messageEn: en }]);
}

export type AnnualReviewsService = ReturnType<typeof createAnnualReviewsService>;
