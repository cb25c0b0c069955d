import {
  allowedActions,
  type BulkInput as BulkSchema,
  type EvaluationAction,
  type EvaluationDetail,
  type EvaluationListQuery,
  type ReasonInput as ReasonSchema,
  type SaveScoresInput as SaveScoresSchema,
  type StepInput as StepSchema,
  searchKey,
} from '@canbo/domain';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import type { AppContext } from '../../context';
import type { DB } from '../../db/schema';
import { AppError, Conflict, Forbidden, NotFound, RuleViolation } from '../../errors';
import { todayInVietnam } from '../units/units.dates';
import {
  canDecide,
  canManage,
  canReview,
  type EvaluationAccess,
  evaluationAccess,
  isOwn,
} from './evaluations.access';
import {
  isUnchanged,
  presentKpiEntry,
  presentStep,
  presentSummary,
  presentTask,
  ruleByCode,
  sameScores,
} from './evaluations.presenter';
import * as repo from './evaluations.repository';
import { checkScores, factsOf, kpiOf, loadFramework, type Scored, scoreRow } from './scoring';
import {
  addGrade,
  DECIDED_STATES,
  isOutstanding,
  quotaChecks,
  refuseIfBroken,
  unitGradeCounts,
} from './unit-quota';
import {
  currentScores,
  positionOf,
  sameReviewer,
  type TransitionNotices,
  type TransitionSpec,
  transition,
  transitionAs,
} from './workflow';

type ListQuery = z.infer<typeof EvaluationListQuery>;
type BulkInput = z.infer<typeof BulkSchema>;
type ReasonInput = z.infer<typeof ReasonSchema>;
type SaveScoresInput = z.infer<typeof SaveScoresSchema>;
type StepInput = z.infer<typeof StepSchema>;
type Scores = Record<string, number>;

/**
 * Steps a request runs as one statement without a transaction: no guard reads other rows, and none
 * can reach a closed cycle (workflow.ts refuses otherwise).
 */
const ONE_STATEMENT: readonly EvaluationAction[] = ['submitSelf', 'return', 'complain'];

const forbidden = () => new Forbidden();

function commentRequired(): RuleViolation {
  const vi = 'Thay đổi điểm phải kèm ý kiến nhận xét.';
  const en = 'Changing the scores needs a comment.';
  return new RuleViolation('COMMENT_REQUIRED', vi, en, [{ path: 'comment', message: vi, messageEn: en }]);
}

/** Use cases of the evaluation workflow: lists, detail, self-assessment, review, decision, complaint, reopen. */
export function createEvaluationsService(
  ctx: AppContext,
  deps: { notices: TransitionNotices; today?: () => string },
) {
  const { db, tenantId } = ctx;
  const today = deps.today ?? (() => todayInVietnam());
  const accessOf = (actor: Actor) => evaluationAccess(db, actor, today());
  const tdeps = () => ({ notices: deps.notices, today: today() });

  async function list(actor: Actor, query: ListQuery) {
    const access = await accessOf(actor);
    const waiting = query.waiting
      ? {
          review: inScope(access.review, 'e.decision_unit_path'),
          decide: inScope(access.decide, 'e.decision_unit_path'),
          userId: actor.userId,
        }
      : null;
    const own = access.selfId;
    const filter: repo.ListFilter = { query, waiting };
    const search = query.q ? searchKey(query.q) : null;
    const { rows, total } = await repo.listEvaluations(db, access, filter, search);
    // The caller's own item never waits on them as a reviewer.
    const items = rows.filter((r) => !(waiting && r.person_id === own)).map(presentSummary);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async function mine(actor: Actor) {
    const access = await accessOf(actor);
    if (!access.selfId) return { items: [], total: 0, page: 1, pageSize: 200 };
    const rows = (await repo
      .evaluationRows(db, tenantId)
      .where('e.person_id', '=', access.selfId)
      .orderBy('c.period_start', 'desc')
      .limit(200)
      .execute()) as repo.EvaluationRow[];
    return { items: rows.map(presentSummary), total: rows.length, page: 1, pageSize: 200 };
  }

  function allowedFor(access: EvaluationAccess, row: repo.EvaluationRow): EvaluationDetail['allowed'] {
    const possible = new Set(allowedActions(positionOf(row)));
    const out: EvaluationDetail['allowed'] = [];
    const closed = row.cycle_status === 'closed';
    const headOpen = !closed || row.finalised_at === null;
    const own = isOwn(access, row);
    const reviewer = canReview(access, row);
    const head = canDecide(access, row);
    if (!closed) {
      if (own && (row.state === 'draft' || row.state === 'returned')) out.push('saveDraft');
      if (own && possible.has('submitSelf')) out.push('submitSelf');
      if (reviewer && possible.has('review')) out.push('review');
      if ((reviewer || head) && possible.has('return')) out.push('return');
      if (own && possible.has('complain') && row.complaint_until !== null && today() <= row.complaint_until)
        out.push('complain');
    }
    if (headOpen && head && possible.has('decide')) out.push('decide');
    if (headOpen && head && possible.has('publish')) out.push('publish');
    if (canManage(access, row) && possible.has('reopen')) out.push('reopen');
    return out;
  }

  async function detailOf(
    dbx: repo.Db,
    access: EvaluationAccess,
    row: repo.EvaluationRow,
    /** Facts, KPI, steps and tasks the transition just computed or read with the row: not read again. */
    known?: Pick<Scored, 'facts' | 'kpi'> & { lists: { steps: repo.StepRow[]; tasks: repo.TaskRow[] } },
  ): Promise<EvaluationDetail> {
    const fw = await loadFramework(dbx, tenantId, row.framework_id);
    const [steps, tasks, facts, entries, kpi] = await Promise.all([
      known ? known.lists.steps : repo.stepsOf(dbx, tenantId, row.id),
      known ? known.lists.tasks : repo.tasksOf(dbx, tenantId, row.id),
      known ? known.facts : factsOf(dbx, row),
      fw.ruleSet.kpi ? repo.kpiEntriesOf(dbx, tenantId, row.id) : Promise.resolve([]),
      known ? known.kpi : kpiOf(dbx, row, fw.ruleSet),
    ]);
    const summary = presentSummary(row);
    const stepViews = steps.map((s) => presentStep(s, fw.ruleSet));
    return {
      ...summary,
      ruleSetId: fw.ruleSet.id,
      framework: { id: fw.id, name: fw.name, versionNo: fw.versionNo, criteria: fw.criteria },
      periodStart: row.period_start,
      periodEnd: row.period_end,
      scores: currentScores(row),
      rule: ruleByCode(fw.ruleSet, row.rule_code),
      selfComment: row.self_comment,
      facts: {
        disciplinesInYear: [...facts.disciplinesInYear],
        degradationConcluded: facts.degradationConcluded,
        corruptionInManagedUnit: facts.corruptionInManagedUnit,
        shortcomingsRemedied: row.shortcomings_remedied,
      },
      steps: stepViews,
      tasks: tasks.map(presentTask),
      kpi: fw.ruleSet.kpi
        ? {
            entries: entries.map(presentKpiEntry),
            result: kpi,
            organisingCapacity: row.organising_capacity === null ? null : Number(row.organising_capacity),
          }
        : null,
      allowed: allowedFor(access, row),
      publishedAt: row.published_at?.toISOString() ?? null,
      complaintUntil: row.complaint_until,
    };
  }

  async function get(actor: Actor, id: string): Promise<EvaluationDetail> {
    const access = await accessOf(actor);
    const row = await repo.findEvaluation(db, access, id);
    if (!row) throw new NotFound('evaluation');
    return detailOf(db, access, row);
  }

  /**
   * Runs one transition for a request and answers the detail as the caller now sees it. The steps
   * without a guard are one atomic statement after the read (workflow.ts `takeStep`); the others,
   * and those that may touch a closed cycle, run in a transaction holding the row.
   */
  async function run(
    actor: Actor,
    id: string,
    action: EvaluationAction,
    make: (access: EvaluationAccess) => TransitionSpec,
  ) {
    const step = (dbx: repo.Db) =>
      transitionAs(dbx, tdeps(), actor, id, (access) => {
        const spec = make(access);
        if (spec.action !== action) throw new Error(`${spec.action} run as ${action}`);
        return spec;
      });
    const { access, scored, row, lists } = ONE_STATEMENT.includes(action)
      ? await step(db)
      : await db.transaction().execute(step);
    // The same request: the access just read still holds, and the row is as the step wrote it.
    return detailOf(db, access, row, { ...scored, lists });
  }

  async function saveDraft(actor: Actor, id: string, input: SaveScoresInput): Promise<EvaluationDetail> {
    const access = await accessOf(actor);
    await db.transaction().execute(async (tx) => {
      const row = await repo.findEvaluation(tx, access, id, true);
      if (!row) throw new NotFound('evaluation');
      if (!isOwn(access, row)) throw forbidden();
      if (row.version !== input.version) throw new Conflict();
      if (row.cycle_status === 'closed' || (row.state !== 'draft' && row.state !== 'returned')) {
        throw new Conflict(
          'Chỉ sửa được bản nháp khi phiếu đang soạn hoặc bị trả lại.',
          'The draft can only be changed while drafting or after a return.',
          'ILLEGAL_TRANSITION',
        );
      }
      const fw = await loadFramework(tx, tenantId, row.framework_id);
      checkScores(fw.framework, input.scores);
      const remedied = input.shortcomingsRemedied ?? row.shortcomings_remedied;
      const { result } = await scoreRow(tx, { ...row, shortcomings_remedied: remedied }, fw, input.scores);
      const ok = await repo.updateEvaluation(tx, tenantId, id, row.version, {
        scores: JSON.stringify(input.scores),
        self_comment: input.comment ?? row.self_comment,
        shortcomings_remedied: remedied,
        total: result.total,
        grade: result.grade,
        rule_code: result.rule.code,
      });
      if (!ok) throw new Conflict();
    });
    return get(actor, id);
  }

  function submit(actor: Actor, id: string, input: SaveScoresInput) {
    return run(actor, id, 'submitSelf', (access) => ({
      action: 'submitSelf',
      version: input.version,
      scores: input.scores,
      comment: input.comment ?? null,
      authorise(row) {
        if (!isOwn(access, row)) throw forbidden();
        return null;
      },
      adjust: (row) =>
        input.shortcomingsRemedied === undefined
          ? row
          : { ...row, shortcomings_remedied: input.shortcomingsRemedied },
      changes: (_row, result) => ({
        self_scores: JSON.stringify(input.scores),
        self_total: result.total,
        self_grade: result.grade,
        self_comment: input.comment ?? null,
        shortcomings_remedied: input.shortcomingsRemedied ?? _row.shortcomings_remedied,
        submitted_at: new Date(),
      }),
    }));
  }

  /** A reviewer's or head's scores: changes need a comment. */
  function changedScores(row: repo.EvaluationRow, input: StepInput): Scores | undefined {
    if (!input.scores) return undefined;
    if (!sameScores(input.scores, currentScores(row)) && !input.comment) throw commentRequired();
    return input.scores;
  }

  function reviewSpec(access: EvaluationAccess, input: StepInput, bulk = false): TransitionSpec {
    let scores: Scores | undefined;
    const spec: TransitionSpec = {
      action: 'review',
      version: input.version,
      comment: input.comment ?? null,
      openedAt: input.openedAt ?? null,
      bulk,
      authorise(row) {
        if (!canReview(access, row)) throw forbidden();
        scores = changedScores(row, input);
        spec.scores = scores;
        return 'evaluations.review';
      },
      async guard(tx, row) {
        const earlier = await repo.reviewersSinceSubmit(tx, tenantId, row.id);
        const me = access.actor.userId;
        const principal = access.delegations.find((d) =>
          row.decision_unit_path.startsWith(d.unitPath),
        )?.fromUserId;
        if ((me && earlier.includes(me)) || (principal && earlier.includes(principal))) throw sameReviewer();
      },
      changes: (row) => (row.review_level + 1 >= row.review_levels ? { reviewed_at: new Date() } : {}),
    };
    return spec;
  }

  function review(actor: Actor, id: string, input: StepInput) {
    return run(actor, id, 'review', (access) => reviewSpec(access, input));
  }

  /** Approves items whose scores are unchanged since the self-assessment; each item on its own. */
  async function reviewBulk(actor: Actor, input: BulkInput) {
    const access = await accessOf(actor);
    const done: { id: string; version: number }[] = [];
    const failed: { id: string; code: string; message: string }[] = [];
    for (const item of input.items) {
      try {
        const result = await db.transaction().execute(async (tx) => {
          const row = await repo.findEvaluation(tx, access, item.id);
          if (row && !isUnchanged(row)) {
            throw new RuleViolation(
              'CHANGED',
              'Điểm đã thay đổi so với tự đánh giá: hãy nhận xét riêng phiếu này.',
              'The scores changed since the self-assessment: review this item on its own.',
            );
          }
          return transition(
            tx,
            tdeps(),
            access,
            item.id,
            reviewSpec(access, { version: item.version }, true),
          );
        });
        done.push({ id: item.id, version: result.version });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        failed.push({ id: item.id, code: error.code, message: error.messageVi });
      }
    }
    return { done, failed };
  }

  function returnItem(actor: Actor, id: string, input: ReasonInput) {
    return run(actor, id, 'return', (access) => ({
      action: 'return',
      version: input.version,
      comment: input.reason,
      authorise(row) {
        if (canReview(access, row)) return 'evaluations.review';
        if (canDecide(access, row)) return 'evaluations.decide';
        throw forbidden();
      },
    }));
  }

  function decide(actor: Actor, id: string, input: StepInput) {
    return run(actor, id, 'decide', (access) => {
      const spec: TransitionSpec = {
        action: 'decide',
        version: input.version,
        comment: input.comment ?? null,
        openedAt: input.openedAt ?? null,
        authorise(row) {
          if (!canDecide(access, row)) throw forbidden();
          spec.scores = changedScores(row, input);
          return 'evaluations.decide';
        },
        async guard(tx, row, scored, fw) {
          await checkDecisionQuota(tx, row, scored.result.grade, fw.ruleSet);
        },
        changes: () => ({ decided_at: new Date() }),
      };
      return spec;
    });
  }

  async function checkDecisionQuota(
    tx: Transaction<DB>,
    row: repo.EvaluationRow,
    grade: string,
    ruleSet: Parameters<typeof quotaChecks>[0],
  ) {
    const counts = await unitGradeCounts(tx, tenantId, row.cycle_id, row.unit_id, DECIDED_STATES, row.id);
    addGrade(counts, grade, row.title_group);
    const outstanding = await isOutstanding(tx, tenantId, row.cycle_id, row.unit_id);
    const checks = quotaChecks(ruleSet, counts, outstanding);
    // Only the groups this decision touches can break because of it.
    refuseIfBroken(checks.filter((c) => c.group === null || c.group === row.title_group));
  }

  function complain(actor: Actor, id: string, input: ReasonInput) {
    return run(actor, id, 'complain', (access) => ({
      action: 'complain',
      version: input.version,
      comment: input.reason,
      authorise(row) {
        if (!isOwn(access, row)) throw forbidden();
        if (row.state === 'published' && (row.complaint_until === null || today() > row.complaint_until)) {
          const vi = `Đã hết thời hạn kiến nghị (đến ngày ${row.complaint_until ?? '—'}).`;
          const en = `The complaint window has ended (it ran until ${row.complaint_until ?? '—'}).`;
          throw new RuleViolation('COMPLAINT_WINDOW_CLOSED', vi, en, [
            { path: 'reason', message: vi, messageEn: en },
          ]);
        }
        return null;
      },
    }));
  }

  function reopen(actor: Actor, id: string, input: ReasonInput) {
    return run(actor, id, 'reopen', (access) => ({
      action: 'reopen',
      version: input.version,
      comment: input.reason,
      authorise(row) {
        if (!canManage(access, row)) throw forbidden();
        return null;
      },
      changes: () => ({ finalised_at: null, published_at: null, complaint_until: null, decided_at: null }),
    }));
  }

  return {
    list,
    mine,
    get,
    detailOf,
    accessOf,
    saveDraft,
    submit,
    review,
    reviewBulk,
    returnItem,
    decide,
    complain,
    reopen,
    checkDecisionQuota,
    today,
  };
}

export type EvaluationsService = ReturnType<typeof createEvaluationsService>;
