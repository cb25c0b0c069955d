import {
  formatRatio,
  percentValue,
  type TargetView,
  type WorkItemStatus,
  type WorkItemView,
} from '@canbo/domain';
import type * as repo from './reports.repository';

/** Rows → API shapes of targets and work items. */

export function presentTarget(row: repo.TargetRow, entries: repo.EntryRow[]): TargetView {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    year: row.year,
    code: row.code,
    title: row.title,
    kind: row.kind as TargetView['kind'],
    measure: row.measure as TargetView['measure'],
    target: row.target,
    achieved: row.achieved,
    percent: percentValue(row.achieved, row.target),
    display: formatRatio(row.achieved, row.target, { decimals: 2 }),
    note: row.note,
    version: row.version,
    entries: entries
      .filter((e) => e.target_id === row.id)
      .map((e) => ({
        id: e.id,
        entryDate: e.entry_date,
        amount: e.amount,
        note: e.note,
        linkedUnit: e.linked_unit_id ? { id: e.linked_unit_id, name: e.unit_name ?? '' } : null,
        linkedPerson: e.linked_person_id ? { id: e.linked_person_id, fullName: e.person_name ?? '' } : null,
        createdAt: e.created_at.toISOString(),
      })),
  };
}

/** Overdue: still open after its deadline, or done after it. */
export function isOverdue(
  row: Pick<repo.ItemRow, 'status' | 'deadline' | 'completed_on'>,
  today: string,
): boolean {
  if (row.status === 'done') return row.completed_on !== null && row.completed_on > row.deadline;
  if (row.status === 'cancelled') return false;
  return row.deadline < today;
}

export function presentItem(row: repo.ItemRow, today: string): WorkItemView {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    year: row.year,
    content: row.content,
    scheme: row.scheme,
    responsibleUnitId: row.responsible_unit_id,
    responsibleUnitName: row.responsible_unit_name,
    deadline: row.deadline,
    status: row.status as WorkItemStatus,
    completedOn: row.completed_on,
    overdue: isOverdue(row, today),
    note: row.note,
    version: row.version,
  };
}
