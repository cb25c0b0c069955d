import type { TaskView } from '@canbo/domain';
import type { TaskRow } from './tasks.repository';

export function presentTask(row: TaskRow): TaskView {
  const done = row.status === 'done';
  return {
    id: row.id,
    title: row.title,
    product: row.product,
    deadline: row.deadline,
    committedDate: row.committed_date,
    progress: row.progress,
    status: row.status as TaskView['status'],
    doneDate: row.done_date,
    exceeded: row.exceeded,
    onTime: done && row.done_date !== null ? row.done_date <= row.deadline : null,
    evidenceText: row.evidence_text,
    evidenceLink: row.evidence_link,
    evidenceFile:
      row.evidence_file_id && row.file_name !== null
        ? {
            id: row.evidence_file_id,
            name: row.file_name,
            size: Number(row.file_size),
            contentType: row.file_type ?? 'application/octet-stream',
          }
        : null,
    version: row.version,
  };
}
