import { formatDate } from '@canbo/domain';
import { newId } from '../../ids';
import type { PositionChange, PositionInsert } from './people.types';
import type { Issues, ParsedRow } from './rows';
import type { OpenPosition, UnitRef } from './snapshot';

const END_REASON = 'Thay bằng chức vụ mới (nhập từ tệp Excel)';

export interface PostsContext {
  issues: Issues;
  /** A unit named by a column of the row, checked (exists, active, in scope); null with an issue otherwise. */
  unitOf(r: ParsedRow, key: string): UnitRef | null;
}

export interface PlannedPosts {
  inserts: Omit<PositionInsert, 'personId'>[];
  changes: PositionChange[];
  /** Paths of the units of the posts (for the audit entry's scope). */
  paths: string[];
}

/**
 * The row's main post and its concurrent post against the posts the person holds now: a main post
 * in the same unit with the same title is kept (its start date, leader flag and decision number
 * updated if they differ); a new one is opened and the other open main posts end on its first day.
 * A concurrent post is matched the same way and opened if new; other concurrent posts stay.
 */
export function planPosts(
  { issues, unitOf }: PostsContext,
  r: ParsedRow,
  unit: UnitRef | null,
  open: OpenPosition[],
  birthDate: string | null,
): PlannedPosts {
  const text = (key: string) => r.values[key] as string | undefined;
  const paths: string[] = [];
  const inserts: Omit<PositionInsert, 'personId'>[] = [];
  const changes: PositionChange[] = [];
  const title = text('title');
  const start = text('startDate');
  const tooEarly = (date: string, key: string) => {
    if (birthDate && date < birthDate) {
      issues.add(r.number, key, {
        vi: 'Ngày bổ nhiệm không được trước ngày sinh.',
        en: 'The appointment date must not be before the date of birth.',
      });
    }
  };
  const keep = (p: OpenPosition, startDate: string, isLeader: boolean, decisionNumber: string | null) => {
    if (p.start_date !== startDate || p.is_leader !== isLeader || p.decision_number !== decisionNumber) {
      changes.push({
        id: p.id,
        version: p.version,
        startDate,
        endDate: null,
        isLeader,
        decisionNumber,
        endReason: p.end_reason,
      });
    }
  };
  if (title && unit) {
    if (!start && !r.failed.has('startDate')) {
      issues.add(r.number, 'startDate', {
        vi: 'Chưa nhập ngày bổ nhiệm (bắt buộc khi có chức vụ).',
        en: 'The appointment date is missing (required with a position).',
      });
    }
    if (start) {
      tooEarly(start, 'startDate');
      const mains = open.filter((p) => !p.is_concurrent);
      const same = mains.find((p) => p.unit_id === unit.id && p.title === title);
      const isLeader = (r.values.isLeader as boolean | undefined) ?? same?.is_leader ?? false;
      const decision = (r.values.decisionNumber as string | undefined) ?? same?.decision_number ?? null;
      if (same) keep(same, start, isLeader, decision);
      else {
        inserts.push({
          id: newId(),
          unitId: unit.id,
          title,
          isLeader,
          isConcurrent: false,
          startDate: start,
          decisionNumber: decision,
        });
        for (const p of mains) {
          if (start <= p.start_date) {
            issues.add(r.number, 'startDate', {
              vi: `Ngày bổ nhiệm phải sau ngày bắt đầu chức vụ hiện tại "${p.title}" (${formatDate(p.start_date)}).`,
              en: `The appointment date must be after the start of the current post "${p.title}" (${formatDate(p.start_date)}).`,
            });
          } else
            changes.push({
              id: p.id,
              version: p.version,
              startDate: p.start_date,
              endDate: start,
              isLeader: p.is_leader,
              decisionNumber: p.decision_number,
              endReason: END_REASON,
            });
        }
      }
    }
  }
  const concurrent = text('concurrentTitle');
  if (concurrent) {
    const where = text('concurrentUnitCode') ? unitOf(r, 'concurrentUnitCode') : unit;
    const from = text('concurrentStartDate') ?? start;
    if (!from && !r.failed.has('concurrentStartDate') && !r.failed.has('startDate')) {
      issues.add(r.number, 'concurrentStartDate', {
        vi: 'Chưa nhập ngày bổ nhiệm kiêm nhiệm.',
        en: 'The start date of the concurrent post is missing.',
      });
    }
    if (where && from) {
      tooEarly(from, text('concurrentStartDate') ? 'concurrentStartDate' : 'startDate');
      const same = open.find((p) => p.is_concurrent && p.unit_id === where.id && p.title === concurrent);
      if (same) keep(same, from, same.is_leader, same.decision_number);
      else
        inserts.push({
          id: newId(),
          unitId: where.id,
          title: concurrent,
          isLeader: false,
          isConcurrent: true,
          startDate: from,
          decisionNumber: null,
        });
      paths.push(where.path);
    }
  }
  return { inserts, changes, paths };
}

/** A stored post as the people module's history shows it (API field names). */
export function positionFields(
  p: Pick<
    OpenPosition,
    | 'id'
    | 'unit_id'
    | 'title'
    | 'title_group'
    | 'is_leader'
    | 'is_concurrent'
    | 'start_date'
    | 'end_date'
    | 'decision_number'
    | 'end_reason'
  >,
) {
  return {
    id: p.id,
    unitId: p.unit_id,
    title: p.title,
    titleGroup: p.title_group,
    isLeader: p.is_leader,
    isConcurrent: p.is_concurrent,
    startDate: p.start_date,
    endDate: p.end_date,
    decisionNumber: p.decision_number,
    endReason: p.end_reason,
  };
}

/** Fields of a position that differ, each side with the id (the shape the people module writes). */
export function changed(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = { id: before.id };
  const a: Record<string, unknown> = { id: before.id };
  let any = false;
  for (const key of Object.keys(after)) {
    if (key !== 'id' && (before[key] ?? null) !== (after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
      any = true;
    }
  }
  return any ? { before: b, after: a } : null;
}
