import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { newId } from '../../ids';

export type Db = Kysely<DB> | Transaction<DB>;

export interface NotificationInput {
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** The same key for the same user is written once (reminders run daily). */
  dedupeKey?: string | null;
}

/** One notice for some users: what `insertNotificationsMany` takes per item. */
export interface Addressed {
  userIds: readonly string[];
  n: NotificationInput;
}

/** Rows per INSERT: 11 parameters each stays far below the protocol's limit. */
const INSERT_CHUNK = 1_000;

/**
 * One row per user and notice, many notices in few statements; a repeated dedupe key is skipped.
 * Returns how many were written.
 */
export async function insertNotificationsMany(
  db: Db,
  tenantId: string,
  items: readonly Addressed[],
): Promise<number> {
  const now = new Date();
  const values = items.flatMap(({ userIds, n }) =>
    [...new Set(userIds)].map((userId) => ({
      tenant_id: tenantId,
      id: newId(),
      user_id: userId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link ?? null,
      entity_type: n.entityType ?? null,
      entity_id: n.entityId ?? null,
      dedupe_key: n.dedupeKey ?? null,
      created_at: now,
    })),
  );
  let written = 0;
  for (let i = 0; i < values.length; i += INSERT_CHUNK) {
    const rows = await db
      .insertInto('notification')
      .values(values.slice(i, i + INSERT_CHUNK))
      .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'dedupe_key']).doNothing())
      .returning('id')
      .execute();
    written += rows.length;
  }
  return written;
}

/**
 * The INSERT of one notice for some users as a statement fragment, `RETURNING id` (a transition writes
 * its notice in the statement that changes the row); rows are written only when `onlyIf` holds, and a
 * repeated dedupe key is skipped as in `insertNotificationsMany`.
 */
export function noticeInsert(
  tenantId: string,
  userIds: readonly string[],
  n: NotificationInput,
  onlyIf: RawBuilder<boolean> = sql<boolean>`true`,
): RawBuilder<unknown> {
  const users = [...new Set(userIds)];
  return sql`
    INSERT INTO notification (tenant_id, id, user_id, kind, title, body, link, entity_type, entity_id,
                              dedupe_key, created_at)
    SELECT ${tenantId}::uuid, u.id, u.user_id, ${n.kind}, ${n.title}, ${n.body}, ${n.link ?? null},
           ${n.entityType ?? null}, ${n.entityId ?? null}::uuid, ${n.dedupeKey ?? null}, ${new Date()}::timestamptz
      FROM unnest(${users.map(() => newId())}::uuid[], ${users}::uuid[]) AS u(id, user_id)
     WHERE ${onlyIf}
        ON CONFLICT (tenant_id, user_id, dedupe_key) DO NOTHING
    RETURNING id`;
}

/** One row per user; a repeated dedupe key is skipped. Returns how many were written. */
export function insertNotifications(
  db: Db,
  tenantId: string,
  userIds: readonly string[],
  n: NotificationInput,
): Promise<number> {
  return insertNotificationsMany(db, tenantId, [{ userIds, n }]);
}

export function listFor(db: Db, tenantId: string, userId: string, limit = 100) {
  return db
    .selectFrom('notification')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function unreadCount(db: Db, tenantId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select(sql<string>`count(*)`.as('n'))
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function markRead(db: Db, tenantId: string, userId: string, id: string): Promise<boolean> {
  const row = await db
    .updateTable('notification')
    .set({ read_at: sql`COALESCE(read_at, now())` })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(row.numUpdatedRows) === 1;
}

export async function markAllRead(db: Db, tenantId: string, userId: string): Promise<number> {
  const row = await db
    .updateTable('notification')
    .set({ read_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row.numUpdatedRows);
}

/** Notifications not yet e-mailed to users who have an address (the last two days only). */
export function unemailed(db: Db, tenantId: string, limit = 500) {
  return db
    .selectFrom('notification as n')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'n.tenant_id').onRef('u.id', '=', 'n.user_id'),
    )
    .select(['n.id', 'n.title', 'n.body', 'n.link', 'u.email'])
    .where('n.tenant_id', '=', tenantId)
    .where('n.emailed_at', 'is', null)
    .where('u.email', 'is not', null)
    .where('u.disabled', '=', false)
    .where('n.created_at', '>', sql<Date>`now() - interval '2 days'`)
    .orderBy('n.created_at')
    .limit(limit)
    .execute();
}

export async function markEmailed(db: Db, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notification')
    .set({ emailed_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}
