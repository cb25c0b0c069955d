import { covers } from '../../access/actor';
import type { EvaluationAccess } from '../evaluations/evaluations.access';
import type { ReviewRow } from './annual.repository';

/**
 * Who may act on an annual review (docs/ANNUAL.md, "Who does what"), on the periodic evaluations'
 * grants: the person on their own review; evaluations.review over the deciding unit to comment and
 * propose (and to write a collective's self-review over the collective's own unit); evaluations.decide
 * over the deciding unit to decide, publish and reopen; evaluations.manage for periods and meetings.
 * Nobody reviews, proposes or decides their own review.
 */
type Row = Pick<ReviewRow, 'person_id' | 'unit_path' | 'decision_unit_path' | 'subject'>;

export function isOwn(access: EvaluationAccess, row: Pick<Row, 'person_id'>): boolean {
  return access.selfId !== null && row.person_id === access.selfId;
}

export function canSelfReview(access: EvaluationAccess, row: Row): boolean {
  if (row.subject === 'person') return isOwn(access, row);
  return covers(access.review, row.unit_path) || covers(access.manage, row.unit_path);
}

export function canReviewRow(access: EvaluationAccess, row: Row): boolean {
  return !isOwn(access, row) && covers(access.review, row.decision_unit_path);
}

export function canDecideRow(access: EvaluationAccess, row: Row): boolean {
  return !isOwn(access, row) && covers(access.decide, row.decision_unit_path);
}

export function canReopenRow(access: EvaluationAccess, row: Row): boolean {
  return canDecideRow(access, row) || (!isOwn(access, row) && covers(access.manage, row.unit_path));
}

/** Some grant reaches the unit (read, review, decide or manage): its board and meeting are visible. */
export function seesUnit(access: EvaluationAccess, path: string): boolean {
  return [access.read, access.review, access.decide, access.manage].some((s) => covers(s, path));
}
