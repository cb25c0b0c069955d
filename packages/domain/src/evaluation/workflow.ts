import {
  EVALUATION_ACTIONS,
  type EvaluationAction,
  type EvaluationState,
  type Text,
  type WorkflowPosition,
} from './types';

/**
 * The life of one evaluation (Hanoi practice, 3814; the same steps serve 335 and 366): the person
 * assesses themself, one or more leaders review level by level, the head decides within the quota and
 * publishes, the person may complain, and the result becomes final. Permissions are the server's
 * business; this only says which steps exist.
 */

export const STATE_LABELS: Record<EvaluationState, Text> = {
  draft: { vi: 'Đang soạn', en: 'Draft' },
  selfAssessed: { vi: 'Đã tự đánh giá', en: 'Self-assessed' },
  inReview: { vi: 'Đang nhận xét', en: 'In review' },
  reviewed: { vi: 'Đã nhận xét, chờ quyết định', en: 'Reviewed, awaiting decision' },
  decided: { vi: 'Đã quyết định', en: 'Decided' },
  published: { vi: 'Đã công khai', en: 'Published' },
  complained: { vi: 'Có khiếu nại', en: 'Under complaint' },
  final: { vi: 'Chính thức', en: 'Final' },
  returned: { vi: 'Trả lại để đánh giá lại', en: 'Returned for rework' },
  notEvaluated: { vi: 'Không đánh giá', en: 'Not evaluated' },
};

export const ACTION_LABELS: Record<EvaluationAction, Text> = {
  submitSelf: { vi: 'Gửi tự đánh giá', en: 'Submit self-assessment' },
  review: { vi: 'Nhận xét, đánh giá', en: 'Review' },
  return: { vi: 'Trả lại', en: 'Return' },
  decide: { vi: 'Quyết định xếp loại', en: 'Decide the grade' },
  publish: { vi: 'Công khai kết quả', en: 'Publish' },
  complain: { vi: 'Khiếu nại', en: 'Complain' },
  finalise: { vi: 'Chốt kết quả', en: 'Finalise' },
  reopen: { vi: 'Mở lại', en: 'Reopen' },
  lapse: { vi: 'Hết kỳ, không đánh giá', en: 'Lapse at cycle close' },
};

export class IllegalTransition extends Error {
  readonly from: EvaluationState;
  readonly action: EvaluationAction;
  readonly text: Text;
  constructor(from: EvaluationState, action: EvaluationAction) {
    const text = {
      vi: `Không thể "${ACTION_LABELS[action].vi}" khi phiếu đánh giá ở trạng thái "${STATE_LABELS[from].vi}"`,
      en: `Cannot "${ACTION_LABELS[action].en}" an evaluation that is "${STATE_LABELS[from].en}"`,
    };
    super(text.en);
    this.name = 'IllegalTransition';
    this.from = from;
    this.action = action;
    this.text = text;
  }
}

/** Anything not yet decided when the cycle closes gets no grade for the period. */
const LAPSABLE: readonly EvaluationState[] = ['draft', 'returned', 'selfAssessed', 'inReview', 'reviewed'];

function step(pos: WorkflowPosition, action: EvaluationAction): WorkflowPosition | null {
  const { state } = pos;
  const at = (next: EvaluationState, reviewLevel = pos.reviewLevel) => ({ ...pos, state: next, reviewLevel });
  switch (action) {
    case 'submitSelf':
      return state === 'draft' || state === 'returned' ? at('selfAssessed', 0) : null;
    case 'review': {
      if (state !== 'selfAssessed' && state !== 'inReview') return null;
      const level = pos.reviewLevel + 1;
      return level < pos.reviewLevels ? at('inReview', level) : at('reviewed', pos.reviewLevels);
    }
    case 'return':
      return ['selfAssessed', 'inReview', 'reviewed', 'decided'].includes(state) ? at('returned', 0) : null;
    case 'decide':
      return state === 'reviewed' || state === 'complained' ? at('decided') : null;
    case 'publish':
      return state === 'decided' ? at('published') : null;
    case 'complain':
      return state === 'published' ? at('complained') : null;
    case 'finalise':
      return state === 'published' ? at('final') : null;
    case 'reopen':
      return state === 'final' ? at('reviewed', pos.reviewLevels) : null;
    case 'lapse':
      return LAPSABLE.includes(state) ? at('notEvaluated') : null;
  }
}

function checkLevels(pos: WorkflowPosition): void {
  if (!Number.isInteger(pos.reviewLevels) || pos.reviewLevels < 1) {
    throw new RangeError(`reviewLevels must be an integer of at least 1, got ${pos.reviewLevels}`);
  }
}

/** The position after `action`; throws IllegalTransition when the step does not exist from here. */
export function nextPosition(pos: WorkflowPosition, action: EvaluationAction): WorkflowPosition {
  checkLevels(pos);
  const next = step(pos, action);
  if (!next) throw new IllegalTransition(pos.state, action);
  return next;
}

/** The steps that exist from this position, in EVALUATION_ACTIONS order. */
export function allowedActions(pos: WorkflowPosition): EvaluationAction[] {
  checkLevels(pos);
  return EVALUATION_ACTIONS.filter((action) => step(pos, action) !== null);
}
