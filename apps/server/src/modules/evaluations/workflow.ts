import {
  type EvaluationAction,
  type EvaluationFacts,
  IllegalTransition,
  nextPosition,
  type ScoreResult,
  type WorkflowPosition,
} from '@canbo/domain';
import type { Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit';
import type { DB } from '../../db/schema';
import { Conflict, NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import { figuresChanged } from '../control/figures.service';
import type { NotificationInput } from '../notifications/notifications.service';
import { actingFor, type EvaluationAccess } from './evaluations.access';
import {
  type Db,
  type EvaluationRow,
  findEvaluation,
  insertStep,
  updateEvaluation,
} from './evaluations.repository';
import { checkScores, type LoadedFramework, loadFramework, type Scored, scoreRow } from './scoring';
import { waitingOn } from './waiting';

export type Notify = (
  tx: Db,
  tenantId: string,
  userIds: readonly string[],
  n: NotificationInput,
) => Promise<number>;

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
  notify: Notify;
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

function factsColumn(facts: EvaluationFacts) {
  return JSON.stringify(facts);
}

export async function transition(
  tx: Transaction<DB>,
  deps: TransitionDeps,
  access: EvaluationAccess,
  id: string,
  spec: TransitionSpec,
): Promise<{ version: number; state: string; scored: Scored; row: EvaluationRow }> {
  const { actor } = access;
  const found = await findEvaluation(tx, access, id, true);
  if (!found) throw new NotFound('evaluation');
  const row = spec.adjust ? spec.adjust(found) : found;
  if (row.version !== spec.version) throw new Conflict();
  if (row.cycle_status === 'closed' && !AFTER_CLOSE.includes(spec.action)) {
    throw new Conflict('Kỳ đánh giá đã khóa sổ.', 'The cycle is closed.', 'CYCLE_CLOSED');
  }
  const permission = spec.authorise(row);
  const before = positionOf(row);
  const after = positionAfter(before, spec.action);
  const fw = await loadFramework(tx, row.tenant_id, row.framework_id);
  if (spec.scores) checkScores(fw.framework, spec.scores);
  const scores = spec.scores ?? currentScores(row);
  const scored = await scoreRow(tx, row, fw, scores);
  if (spec.guard) await spec.guard(tx, row, scored, fw);
  const delegation = permission ? actingFor(access, row, permission) : null;
  const { result } = scored;
  const now = new Date();
  const written = await updateEvaluation(tx, row.tenant_id, row.id, row.version, {
    state: after.state,
    review_level: after.reviewLevel,
    review_levels: after.reviewLevels,
    scores: JSON.stringify(scores),
    total: result.total,
    grade: result.grade,
    rule_code: result.rule.code,
    facts: factsColumn(scored.facts),
    ...(spec.changes?.(row, result) ?? {}),
  });
  if (!written) throw new Conflict();
  await insertStep(tx, row.tenant_id, {
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
    at: now,
  });
  const version = row.version + 1;
  await notifyAfter(tx, deps, { ...row, state: after.state }, version);
  // A closed cycle's stored control figures become stale (docs/CONTROL.md); open cycles refresh by age.
  if (row.cycle_status === 'closed') await figuresChanged(tx, row.tenant_id, row.cycle_id);
  // Last statement before COMMIT: appending locks the tenant's audit head until the commit, and every
  // audited change of the tenant waits on it (docs/PERFORMANCE.md, "Periodic evaluation (issue 4)").
  await recordAudit(tx, actor, {
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
  });
  // The row as now stored: the evaluation's columns as written, the joined names as read.
  return { version, state: after.state, scored, row: { ...found, ...written } as EvaluationRow };
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

/** Tells whoever the item now waits on (or the person, when a result came out). */
export async function notifyAfter(
  tx: Transaction<DB>,
  deps: TransitionDeps,
  row: EvaluationRow,
  version: number,
): Promise<void> {
  const notice = NOTICES[row.state];
  if (!notice) return;
  const toPerson = ['decided', 'published', 'final'].includes(row.state);
  const users = await waitingOn(tx, toPerson ? { ...row, state: 'draft' } : row, deps.today);
  if (users.length === 0) return;
  await deps.notify(tx, row.tenant_id, users, {
    kind: `evaluation.${row.state}`,
    title: notice[0],
    body: `Phiếu đánh giá ${row.cycle_label} của ${row.person_name} ${notice[1]}.`,
    link: `/evaluations/${row.id}`,
    entityType: 'evaluation',
    entityId: row.id,
    dedupeKey: `evaluation:${row.id}:${version}`,
  });
}

/** A reviewer's own earlier review of this round: each level is done by a different person. */
export function sameReviewer(): RuleViolation {
  const vi = 'Mỗi cấp nhận xét phải do một người khác thực hiện; bạn đã nhận xét phiếu này ở cấp trước.';
  const en =
    'Each review level must be done by a different person; you reviewed this item at an earlier level.';
  return new RuleViolation('SAME_REVIEWER', vi, en, [{ path: 'id', message: vi, messageEn: en }]);
}
