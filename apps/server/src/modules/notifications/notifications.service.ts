import type { Actor } from '../../access/actor';
import type { AppContext } from '../../context';
import { NotFound } from '../../errors';
import { enqueue } from '../../jobs/queue';
import { type Mailer, smtpMailer } from './mailer';
import * as repo from './notifications.repository';

export type { Addressed, NotificationInput } from './notifications.repository';

/**
 * In-app notifications of the caller (own only: another user's id reads as missing), `notify` for the
 * other modules (idempotent by dedupe key, inside the caller's transaction), and e-mail through SMTP
 * from the job worker when CANBO_SMTP_URL is set — never inside a request.
 */
export function createNotificationsService(
  ctx: AppContext,
  mailerFactory: (url: string) => Mailer = smtpMailer,
) {
  const { db, tenantId } = ctx;
  const smtpUrl = ctx.config.smtpUrl;

  /** Notices for many items in few statements (the daily reminders); e-mail is queued once. */
  async function notifyMany(tx: repo.Db, tenant: string, items: readonly repo.Addressed[]): Promise<number> {
    const written = await repo.insertNotificationsMany(tx, tenant, items);
    await noticesWritten(tx, tenant, written);
    return written;
  }

  /** After `written` notices were stored by the caller: queues the e-mail run when SMTP is configured. */
  async function noticesWritten(tx: repo.Db, tenant: string, written: number): Promise<void> {
    if (written === 0 || !smtpUrl) return;
    const minute = new Date().toISOString().slice(0, 16);
    await enqueue(tx as never, {
      tenantId: tenant,
      kind: 'notifications.email',
      dedupeKey: `notifications.email@${minute}`,
    });
  }

  function notify(tx: repo.Db, tenant: string, userIds: readonly string[], n: repo.NotificationInput) {
    return notifyMany(tx, tenant, [{ userIds, n }]);
  }

  function own(actor: Actor): string {
    if (actor.userId === null) throw new NotFound('notification');
    return actor.userId;
  }

  async function list(actor: Actor) {
    const userId = own(actor);
    const [rows, unread] = await Promise.all([
      repo.listFor(db, tenantId, userId),
      repo.unreadCount(db, tenantId, userId),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        link: r.link,
        createdAt: r.created_at.toISOString(),
        readAt: r.read_at?.toISOString() ?? null,
      })),
      unread,
    };
  }

  async function read(actor: Actor, id: string): Promise<void> {
    if (!(await repo.markRead(db, tenantId, own(actor), id))) throw new NotFound('notification');
  }

  async function readAll(actor: Actor): Promise<{ updated: number }> {
    return { updated: await repo.markAllRead(db, tenantId, own(actor)) };
  }

  /** Job: e-mails what has not been sent yet; a failed address stays unsent for the next run. */
  async function sendEmails(): Promise<{ sent: number; failed: number }> {
    if (!smtpUrl) return { sent: 0, failed: 0 };
    const mailer = mailerFactory(smtpUrl);
    let sent = 0;
    let failed = 0;
    try {
      const rows = await repo.unemailed(db, tenantId);
      const done: string[] = [];
      for (const r of rows) {
        try {
          const text = r.link ? `${r.body}\n\n${r.link}` : r.body;
          await mailer.send({ to: r.email as string, subject: r.title, text });
          done.push(r.id);
          sent++;
        } catch (error) {
          failed++;
          ctx.logger.warn({ err: error, notification: r.id }, 'could not e-mail a notification');
        }
      }
      await repo.markEmailed(db, tenantId, done);
    } finally {
      mailer.close();
    }
    return { sent, failed };
  }

  return {
    notify,
    notifyMany,
    noticeInsert: repo.noticeInsert,
    noticesWritten,
    list,
    read,
    readAll,
    sendEmails,
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
