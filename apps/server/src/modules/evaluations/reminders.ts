import { sql } from 'kysely';
import { systemActor } from '../../access/actor';
import type { AppContext } from '../../context';
import type { Addressed } from '../notifications/notifications.service';
import { addDays } from './board.service';
import { evaluationAccess } from './evaluations.access';
import type { Db } from './evaluations.repository';
import { usersWithPermissionOverPaths, waitingOnMany } from './waiting';
import type { TransitionNotices } from './workflow';
import { transition } from './workflow';

interface DueRow {
  id: string;
  tenant_id: string;
  person_id: string;
  person_name: string;
  cycle_label: string;
  state: string;
  decision_unit_path: string;
  late: boolean;
  escalated_at: Date | null;
  due: string;
}

/** Items handled per round: their waiting users, flags and notices are read and written set-wise. */
const CHUNK = 2_000;

type NotifyMany = (tx: Db, tenantId: string, items: readonly Addressed[]) => Promise<number>;

/**
 * The daily reminders job (docs/EVALUATIONS.md, "Deadlines, reminders"): `remindDays` before a step's
 * deadline the item's waiting users are reminded; past it the item is flagged late, the late users
 * told, and the item escalated to the reviewers of the next level up; published results whose
 * complaint window has ended become final. Every notice has a dedupe key, so a rerun sends nothing twice.
 * A city has ~150,000 open items on a deadline: they are handled in rounds of CHUNK, each in a fixed
 * number of statements (one transaction per round for the late ones).
 */
export function createReminders(ctx: AppContext, notices: TransitionNotices, notifyMany: NotifyMany) {
  const { db, tenantId } = ctx;

  async function run(today: string) {
    const soon = addDays(today, ctx.config.remindDays);
    const { rows } = await sql<DueRow>`
      SELECT e.id, e.tenant_id, e.person_id, p.full_name AS person_name, c.label AS cycle_label, e.state,
             e.decision_unit_path, e.late, e.escalated_at,
             CASE WHEN e.state IN ('draft', 'returned') THEN c.self_due
                  WHEN e.state IN ('selfAssessed', 'inReview') THEN c.review_due
                  ELSE c.decision_due END AS due
        FROM evaluation e
        JOIN eval_cycle c ON c.tenant_id = e.tenant_id AND c.id = e.cycle_id
        JOIN person p ON p.tenant_id = e.tenant_id AND p.id = e.person_id
       WHERE e.tenant_id = ${tenantId} AND c.status = 'open'
         AND e.state IN ('draft', 'returned', 'selfAssessed', 'inReview', 'reviewed', 'complained')
         AND CASE WHEN e.state IN ('draft', 'returned') THEN c.self_due
                  WHEN e.state IN ('selfAssessed', 'inReview') THEN c.review_due
                  ELSE c.decision_due END <= ${soon}
       ORDER BY e.id`.execute(db);
    const totals = { reminded: 0, late: 0, escalated: 0 };
    for (let i = 0; i < rows.length; i += CHUNK) {
      const round = await remindRound(rows.slice(i, i + CHUNK), today);
      totals.reminded += round.reminded;
      totals.late += round.late;
      totals.escalated += round.escalated;
    }
    const finalised = await finaliseEnded(today);
    return { ...totals, finalised };
  }

  async function remindRound(rows: readonly DueRow[], today: string) {
    const waiting = await waitingOnMany(db, tenantId, rows, today);
    const usersOf = (row: DueRow) => waiting.get(row.id) ?? [];
    const base = (row: DueRow) => ({
      entityType: 'evaluation',
      entityId: row.id,
      link: `/evaluations/${row.id}`,
    });
    const soon = rows.filter((row) => row.due >= today);
    const overdue = rows.filter((row) => row.due < today);
    const reminded = await notifyMany(
      db,
      tenantId,
      soon.map((row) => ({
        userIds: usersOf(row),
        n: {
          ...base(row),
          kind: 'evaluation.dueSoon',
          title: 'Sắp đến hạn xử lý phiếu đánh giá',
          body: `Phiếu đánh giá ${row.cycle_label} của ${row.person_name} cần xử lý trước ngày ${row.due}.`,
          dedupeKey: `remind:${row.id}:${row.state}:${row.due}`,
        },
      })),
    );
    if (overdue.length === 0) return { reminded, late: 0, escalated: 0 };
    return db.transaction().execute(async (tx) => {
      const newlyLate = overdue.filter((row) => !row.late).map((row) => row.id);
      if (newlyLate.length > 0) {
        await tx
          .updateTable('evaluation')
          .set({ late: true })
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', newlyLate)
          .execute();
      }
      // Escalation goes once per item to the reviewers of the level above its deciding unit.
      const rising = overdue
        .filter((row) => row.escalated_at === null)
        .map((row) => ({ row, parent: parentPath(row.decision_unit_path) }))
        .filter((item): item is { row: DueRow; parent: string } => item.parent !== null);
      const above = await usersWithPermissionOverPaths(
        tx,
        tenantId,
        'evaluations.review',
        rising.map((item) => item.parent),
      );
      await notifyMany(tx, tenantId, [
        ...overdue.map((row) => ({
          userIds: usersOf(row),
          n: {
            ...base(row),
            kind: 'evaluation.late',
            title: 'Phiếu đánh giá đã quá hạn',
            body: `Phiếu đánh giá ${row.cycle_label} của ${row.person_name} đã quá hạn ngày ${row.due}.`,
            dedupeKey: `late:${row.id}:${row.state}:${row.due}`,
          },
        })),
        ...rising.map(({ row, parent }) => ({
          userIds: (above.get(parent) ?? []).filter((u) => !usersOf(row).includes(u)),
          n: {
            ...base(row),
            kind: 'evaluation.escalated',
            title: 'Phiếu đánh giá quá hạn ở cấp dưới',
            body: `Phiếu đánh giá ${row.cycle_label} của ${row.person_name} đã quá hạn ngày ${row.due} ở cấp dưới.`,
            dedupeKey: `escalate:${row.id}:${row.state}:${row.due}`,
          },
        })),
      ]);
      if (rising.length > 0) {
        await tx
          .updateTable('evaluation')
          .set({ escalated_at: new Date() })
          .where('tenant_id', '=', tenantId)
          .where(
            'id',
            'in',
            rising.map((item) => item.row.id),
          )
          .execute();
      }
      return { reminded, late: newlyLate.length, escalated: rising.length };
    });
  }

  /** Published results whose complaint window ended before today become final (system actor). */
  async function finaliseEnded(today: string): Promise<number> {
    const due = await db
      .selectFrom('evaluation')
      .select(['id', 'version'])
      .where('tenant_id', '=', tenantId)
      .where('state', '=', 'published')
      .where('complaint_until', '<', today)
      .execute();
    if (due.length === 0) return 0;
    const actor = systemActor(tenantId, 'Hệ thống');
    const access = await evaluationAccess(db, actor, today);
    let count = 0;
    for (const item of due) {
      await db.transaction().execute((tx) =>
        transition(tx, { notices, today }, access, item.id, {
          action: 'finalise',
          version: item.version,
          authorise: () => null,
          changes: () => ({ finalised_at: new Date() }),
        }),
      );
      count++;
    }
    return count;
  }

  return { run };
}

function parentPath(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  if (parts.length <= 1) return null;
  return `/${parts.slice(0, -1).join('/')}/`;
}

/** Daily reminders at 06:00; queued e-mail is swept every 5 minutes (a no-op without SMTP). */
export const EVALUATION_SCHEDULES = [
  { kind: 'evaluations.remind', pattern: '0 6 * * *' },
  { kind: 'notifications.email', pattern: '*/5 * * * *' },
];
