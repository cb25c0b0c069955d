import {
  type EvaluationAction,
  IllegalTransition,
  nextPosition,
  type ScoreResult,
  type WorkflowPosition,
} from '@canbo/domain';
import { type Selectable, sql, type Transaction } from 'kysely';
import type { Actor } from '../../access/actor';
import { auditEntryCtes } from '../../audit/audit';
import type { DB, EvaluationTable } from '../../db/schema';
import { Conflict, NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import { figuresChanged } from '../control/figures.service';
import type { NotificationInput, NotificationsService } from '../notifications/notifications.service';
import { accessFrom, actingFor, canSee, type EvaluationAccess } from './evaluations.access';
import {
  type Db,
  type EvaluationRow,
  evaluationUpdate,
  type StepInsert,
  type StepRow,
  stepInsert,
  type TaskRow,
} from './evaluations.repository';
import {
  checkScores,
  factsFrom,
  type LoadedFramework,
  loadFramework,
  type Scored,
  scoreRow,
} from './scoring';
import { type WaitingFacts, whoWaits } from './waiting';
import { type ReadForTransition, readForTransition } from './workflow.read';

/** How a transition tells people: its notice is written in the transition's statement, e-mail queued after. */
export type TransitionNotices = Pick<NotificationsService, 'noticeInsert' | 'noticesWritten'>;

/** One transition of one evaluation (docs/EVALUATIONS.md, "Workflow"). */
export interface TransitionSpec {
  action: EvaluationAction;
  version: number;
  /** Throws when the caller may not; returns the grant the step is taken under (for delegations). */
  authorise(row: EvaluationRow): 'evaluations.review' | 'evaluations.decide' | null;
  /** New scores (checked against the framework); omitted keeps the current ones. */
  scores?: Record<string, number> | undefined;
  comment?: string | null | undefined;
  openedAt?: string | null | undefined;
  bulk?: boolean;
  /** Checks that need the new score (quota); throws to refuse. */
  guard?(tx: Transaction<DB>, row: EvaluationRow, scored: Scored, fw: LoadedFramework): Promise<void>;
  /** The row as the rules should see it (e.g. with the facts the person just stated). */
  adjust?(row: EvaluationRow): EvaluationRow;
  /** Extra columns written with the transition. */
  changes?(row: EvaluationRow, result: ScoreResult): Record<string, unknown>;
}

/** A closed cycle takes no more work, except to settle a result an officer reopened. */
const AFTER_CLOSE: readonly EvaluationAction[] = ['reopen', 'decide', 'publish', 'finalise'];

export interface TransitionDeps {
  notices: TransitionNotices;
  today: string;
}

/** IllegalTransition from the domain → 409 with its message. */
export function positionAfter(pos: WorkflowPosition, action: EvaluationAction): WorkflowPosition {
  try {
    return nextPosition(pos, action);
  } catch (error) {
    if (error instanceof IllegalTransition) {
      const text = (error as { text?: { vi: string; en: string } }).text;
      throw new Conflict(
        text?.vi ?? `Không thể thực hiện thao tác này ở trạng thái hiện tại (${pos.state}).`,
        text?.en ?? error.message,
        'ILLEGAL_TRANSITION',
      );
    }
    throw error;
  }
}

export function positionOf(
  row: Pick<EvaluationRow, 'state' | 'review_level' | 'review_levels'>,
): WorkflowPosition {
  return {
    state: row.state as WorkflowPosition['state'],
    reviewLevel: row.review_level,
    reviewLevels: row.review_levels,
  };
}

export function currentScores(row: Pick<EvaluationRow, 'scores'>): Record<string, number> {
  return (row.scores ?? {}) as unknown as Record<string, number>;
}

export interface TransitionResult {
  version: number;
  state: string;
  scored: Scored;
  row: EvaluationRow;
  lists: { steps: StepRow[]; tasks: TaskRow[] };
}

/** One step by a caller whose access is already known (board, reminders, bulk review). */
export async function transition(
  db: Db,
  deps: TransitionDeps,
  access: EvaluationAccess,
  id: string,
  spec: TransitionSpec,
): Promise<TransitionResult> {
  const read = await readForTransition(db, id, deps.today, { access });
  if (!read) throw new NotFound('evaluation');
  return takeStep(db, deps, access, read, spec);
}

/**
 * One step asked for by `actor` (a request): their access is read with the row, and the item is
 * missing to them unless they may see it (`canSee`, the rule `visibleEvaluations` filters by).
 */
export async function transitionAs(
  db: Db,
  deps: TransitionDeps,
  actor: Actor,
  id: string,
  make: (access: EvaluationAccess) => TransitionSpec,
): Promise<TransitionResult & { access: EvaluationAccess }> {
  const read = await readForTransition(db, id, deps.today, { actor });
  if (!read) throw new NotFound('evaluation');
  const access = accessFrom(actor, read.own);
  if (!canSee(access, read.row)) throw new NotFound('evaluation');
  return { access, ...(await takeStep(db, deps, access, read, make(access))) };
}

/**
 * Takes one step: scores the row with the domain rules, and writes the row, the step, the notice to
 * whoever it now waits on and the audit entry in **one statement**, each part written only if the
 * row's version was still the one read (docs/EVALUATIONS.md, "Workflow").
 *
 * Inside a transaction the row is locked from the read to the commit (steps with a guard, a closed
 * cycle's figures). Without one — the self-assessment, the busiest step — the statement is atomic by
 * itself and the version check stands in for the lock.
 */
async function takeStep(
  db: Db,
  deps: TransitionDeps,
  access: EvaluationAccess,
  read: ReadForTransition,
  spec: TransitionSpec,
): Promise<TransitionResult> {
  const { actor } = access;
  const found = read.row;
  const row = spec.adjust ? spec.adjust(found) : found;
  if (row.version !== spec.version) throw new Conflict();
  if (row.cycle_status === 'closed' && !AFTER_CLOSE.includes(spec.action)) {
    throw new Conflict('Kỳ đánh giá đã khóa sổ.', 'The cycle is closed.', 'CYCLE_CLOSED');
  }
  if (!db.isTransaction && (spec.guard || row.cycle_status === 'closed')) {
    throw new Error(`evaluation.${spec.action} needs a transaction here`);
  }
  const permission = spec.authorise(row);
  const before = positionOf(row);
  const after = positionAfter(before, spec.action);
  const fw = await loadFramework(db, row.tenant_id, row.framework_id);
  if (spec.scores) checkScores(fw.framework, spec.scores);
  const scores = spec.scores ?? currentScores(row);
  const scored = await scoreRow(db, row, fw, scores, factsFrom(row, read.facts));
  if (spec.guard) await spec.guard(db as Transaction<DB>, row, scored, fw);
  const delegation = permission ? actingFor(access, row, permission) : null;
  const { result } = scored;
  const version = row.version + 1;
  const reviewedNow = spec.action === 'review' ? [actor.userId, delegation?.fromUserId ?? null] : [];
  const notice = noticeAfter({ ...row, state: after.state }, read.waiting, version, reviewedNow);
  const step: StepInsert = {
    id: newId(),
    evaluationId: row.id,
    action: spec.action,
    fromState: before.state,
    toState: after.state,
    level: after.reviewLevel,
    scores,
    total: result.total,
    grade: result.grade,
    ruleCode: result.rule.code,
    comment: spec.comment ?? null,
    actorUserId: actor.userId,
    actorName: actor.displayName,
    onBehalfOf: delegation?.fromUserId ?? null,
    bulk: spec.bulk ?? false,
    openedAt: spec.openedAt ?? null,
    at: new Date(),
  };
  const changed = sql<boolean>`EXISTS (SELECT 1 FROM changed)`;
  const { rows } = await sql<Selectable<EvaluationTable> & { notified: string }>`
    /* prepared */ -- one row by key and its step, notice and entry (db/prepared.ts)
    WITH changed AS (${evaluationUpdate(row.tenant_id, row.id, row.version, {
      state: after.state,
      review_level: after.reviewLevel,
      review_levels: after.reviewLevels,
      scores: JSON.stringify(scores),
      total: result.total,
      grade: result.grade,
      rule_code: result.rule.code,
      facts: JSON.stringify(scored.facts),
      ...(spec.changes?.(row, result) ?? {}),
    })}),
    step AS (${stepInsert(row.tenant_id, step, changed)}),
    notice AS (${
      notice
        ? deps.notices.noticeInsert(row.tenant_id, notice.userIds, notice.n, changed)
        : sql`SELECT NULL::uuid AS id WHERE false`
    }),
    ${auditEntryCtes(
      actor,
      {
        action: `evaluation.${spec.action}`,
        entityType: 'evaluation',
        entityId: row.id,
        unitPath: row.unit_path,
        before: { state: before.state, reviewLevel: before.reviewLevel, total: row.total, grade: row.grade },
        after: {
          state: after.state,
          reviewLevel: after.reviewLevel,
          total: result.total,
          grade: result.grade,
          rule: result.rule.code,
          ...(delegation ? { onBehalfOf: delegation.fromUserId } : {}),
          ...(spec.comment ? { comment: spec.comment } : {}),
        },
      },
      changed,
    )}
    SELECT changed.*, (SELECT count(*) FROM notice) AS notified FROM changed`.execute(db);
  const written = rows[0];
  if (!written) throw new Conflict();
  const { notified, ...columns } = written;
  await deps.notices.noticesWritten(db, row.tenant_id, Number(notified));
  // A closed cycle's stored control figures become stale (docs/CONTROL.md); open cycles refresh by age.
  if (row.cycle_status === 'closed') await figuresChanged(db as Transaction<DB>, row.tenant_id, row.cycle_id);
  // The row as now stored: the columns just written, the others (and the joined names) as read at the
  // version the write replaced.
  // The answer's lists as now stored: the steps read with the row and the one just written.
  const steps = [...read.lists.steps, storedStep(row, step, read.lists.steps, delegation?.fromName ?? null)];
  return {
    version,
    state: after.state,
    scored,
    row: { ...found, ...columns } as EvaluationRow,
    lists: { steps, tasks: read.lists.tasks },
  };
}

/** A step as `stepsOf` would read it back, numbered after the last one read. */
function storedStep(
  row: EvaluationRow,
  s: StepInsert,
  earlier: readonly StepRow[],
  onBehalfName: string | null,
): StepRow {
  return {
    tenant_id: row.tenant_id,
    id: s.id,
    evaluation_id: s.evaluationId,
    seq: (earlier.at(-1)?.seq ?? 0) + 1,
    action: s.action,
    from_state: s.fromState,
    to_state: s.toState,
    level: s.level,
    scores: s.scores,
    total: s.total,
    grade: s.grade,
    rule_code: s.ruleCode,
    comment: s.comment,
    actor_user_id: s.actorUserId,
    actor_name: s.actorName,
    on_behalf_of: s.onBehalfOf,
    bulk: s.bulk,
    opened_at: s.openedAt === null ? null : new Date(s.openedAt),
    at: s.at,
    on_behalf_name: onBehalfName,
  };
}

const NOTICES: Record<string, [string, string]> = {
  draft: ['Phiếu đánh giá chờ bạn tự đánh giá', 'đang chờ bạn tự đánh giá'],
  returned: ['Phiếu đánh giá bị trả lại', 'đã bị trả lại để bạn sửa'],
  selfAssessed: ['Phiếu đánh giá chờ nhận xét', 'đang chờ bạn nhận xét'],
  inReview: ['Phiếu đánh giá chờ nhận xét cấp tiếp theo', 'đang chờ bạn nhận xét'],
  reviewed: ['Phiếu đánh giá chờ quyết định', 'đang chờ bạn quyết định xếp loại'],
  complained: ['Có kiến nghị về kết quả đánh giá', 'có kiến nghị, chờ bạn xem xét lại'],
  decided: ['Đã có quyết định xếp loại', 'đã được quyết định xếp loại'],
  published: ['Kết quả đánh giá đã công bố', 'đã được công bố; bạn có thể kiến nghị trong thời hạn'],
  final: ['Kết quả đánh giá đã chính thức', 'đã chính thức'],
};

/**
 * The notice for whoever the item waits on once in `row.state` (or the person, when a result came
 * out), or null when nobody is to be told. `reviewedNow`: the reviewer of the step being written.
 */
function noticeAfter(
  row: EvaluationRow,
  waiting: WaitingFacts,
  version: number,
  reviewedNow: readonly (string | null)[],
): { userIds: string[]; n: NotificationInput } | null {
  const notice = NOTICES[row.state];
  if (!notice) return null;
  const toPerson = ['decided', 'published', 'final'].includes(row.state);
  const waitingRow = {
    ...row,
    state: toPerson ? 'draft' : row.state,
    reviewed_now: reviewedNow.filter((u): u is string => u !== null),
  };
  const userIds = whoWaits([waitingRow], waiting).get(row.id) ?? [];
  if (userIds.length === 0) return null;
  return {
    userIds,
    n: {
      kind: `evaluation.${row.state}`,
      title: notice[0],
      body: `Phiếu đánh giá ${row.cycle_label} của ${row.person_name} ${notice[1]}.`,
      link: `/evaluations/${row.id}`,
      entityType: 'evaluation',
      entityId: row.id,
      dedupeKey: `evaluation:${row.id}:${version}`,
    },
  };
}

/** A reviewer's own earlier review of this round: each level is done by a different person. */
export function sameReviewer(): RuleViolation {
  const vi = 'Mỗi cấp nhận xét phải do một người khác thực hiện; bạn đã nhận xét phiếu này ở cấp trước.';
  const en =
    'Each review level must be done by a different person; you reviewed this item at an earlier level.';
  return new RuleViolation('SAME_REVIEWER', vi, en, [{ path: 'id', message: vi, messageEn: en }]);
}
