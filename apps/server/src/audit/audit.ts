import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { Actor } from '../access/actor';
import type { DB } from '../db/schema';
import { newId } from '../ids';
import { toStoredJson } from './chain';

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Path of the unit concerned; null for tenant-wide events. */
  unitPath: string | null;
  before?: unknown;
  after?: unknown;
}

/** Who an entry is attributed to; sign-in failures have no user yet. */
export type AuditSource = Pick<Actor, 'tenantId' | 'userId' | 'displayName' | 'requestId' | 'ip'>;

const stored = (value: unknown): string | null => {
  const v = toStoredJson(value);
  return v === null ? null : JSON.stringify(v);
};

/**
 * One entry and its pending mark as two common table expressions (`audit_entry`, `audit_mark`) for the
 * caller's `WITH`; the entry is written only when `onlyIf` holds (a transition writes its entry in the
 * statement that changes the row, and only if the row changed: evaluations/workflow.ts `takeStep`).
 */
export function auditEntryCtes(
  source: AuditSource,
  event: AuditEvent,
  onlyIf: RawBuilder<boolean> = sql<boolean>`true`,
): RawBuilder<unknown> {
  return sql`
    audit_entry AS (
      INSERT INTO audit_log (tenant_id, id, at, actor_id, actor_name, action, entity_type, entity_id,
                             unit_path, before, after, request_id, ip)
      SELECT ${source.tenantId}::uuid, ${newId()}::uuid, ${new Date().toISOString()}::timestamptz, ${source.userId}::uuid,
             ${source.displayName}, ${event.action}, ${event.entityType}, ${event.entityId ?? null},
             ${event.unitPath}, ${stored(event.before)}::jsonb, ${stored(event.after)}::jsonb,
             ${source.requestId}, ${source.ip}
       WHERE ${onlyIf}
      RETURNING tenant_id, seq),
    audit_mark AS (INSERT INTO audit_pending (tenant_id, seq) SELECT tenant_id, seq FROM audit_entry)`;
}

/**
 * Writes one entry inside the caller's transaction, so the entry exists exactly when the change does,
 * and marks it pending: the chainer (chainer.ts) links it into the tenant's hash chain after commit.
 * No lock is taken, so audited changes of a tenant commit side by side (the head used to be locked
 * until each COMMIT and let one change through at a time). One statement.
 */
export async function recordAudit(
  tx: Transaction<DB>,
  source: AuditSource,
  event: AuditEvent,
): Promise<void> {
  await sql`WITH ${auditEntryCtes(source, event)} SELECT 1`.execute(tx);
}

const AUDIT_BATCH = 10_000;

/**
 * Writes many entries of one source (cycle close: one per evaluation changed) with one array per
 * column per batch; they are linked by the chainer like any other entry.
 */
export async function recordAuditMany(
  tx: Transaction<DB>,
  source: AuditSource,
  events: readonly AuditEvent[],
): Promise<void> {
  const at = new Date().toISOString();
  for (let start = 0; start < events.length; start += AUDIT_BATCH) {
    const batch = events.slice(start, start + AUDIT_BATCH);
    const col = <T>(pick: (e: AuditEvent) => T) => batch.map(pick);
    await sql`
      WITH e AS (
        INSERT INTO audit_log (tenant_id, id, at, actor_id, actor_name, action, entity_type, entity_id,
                               unit_path, before, after, request_id, ip)
        SELECT ${source.tenantId}, v.id, ${at}::timestamptz, ${source.userId}, ${source.displayName}, v.action,
               v.entity_type, v.entity_id, v.unit_path, v.before, v.after, ${source.requestId}, ${source.ip}
          FROM unnest(${batch.map(() => newId())}::uuid[], ${col((e) => e.action)}::text[],
                      ${col((e) => e.entityType)}::text[], ${col((e) => e.entityId ?? null)}::text[],
                      ${col((e) => e.unitPath)}::text[], ${col((e) => stored(e.before))}::jsonb[],
                      ${col((e) => stored(e.after))}::jsonb[])
            WITH ORDINALITY AS v(id, action, entity_type, entity_id, unit_path, before, after, n)
         ORDER BY v.n
        RETURNING tenant_id, seq)
      INSERT INTO audit_pending (tenant_id, seq) SELECT tenant_id, seq FROM e`.execute(tx);
  }
}
