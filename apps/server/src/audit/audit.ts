import { sql, type Transaction } from 'kysely';
import type { Actor } from '../access/actor';
import type { DB } from '../db/schema';
import { newId } from '../ids';
import { type ChainedEntry, entryHash, GENESIS_HASH, toStoredJson } from './chain';

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

/**
 * Appends one entry to the tenant's chain inside the caller's transaction, so the entry
 * exists exactly when the change does. Locking the chain head orders concurrent appends.
 */
export async function recordAudit(
  tx: Transaction<DB>,
  source: AuditSource,
  event: AuditEvent,
): Promise<void> {
  await sql`INSERT INTO audit_head (tenant_id, seq, hash) VALUES (${source.tenantId}, 0, ${GENESIS_HASH})
    ON CONFLICT (tenant_id) DO NOTHING`.execute(tx);
  const head = await tx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('tenant_id', '=', source.tenantId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const entry: ChainedEntry = {
    tenantId: source.tenantId,
    seq: Number(head.seq) + 1,
    id: newId(),
    at: new Date().toISOString(),
    actorId: source.userId,
    actorName: source.displayName,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    unitPath: event.unitPath,
    before: toStoredJson(event.before),
    after: toStoredJson(event.after),
    requestId: source.requestId,
    ip: source.ip,
  };
  const hash = entryHash(head.hash, entry);
  await tx
    .insertInto('audit_log')
    .values({
      tenant_id: entry.tenantId,
      seq: entry.seq,
      id: entry.id,
      at: entry.at,
      actor_id: entry.actorId,
      actor_name: entry.actorName,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      unit_path: entry.unitPath,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
      request_id: entry.requestId,
      ip: entry.ip,
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await tx
    .updateTable('audit_head')
    .set({ seq: entry.seq, hash })
    .where('tenant_id', '=', source.tenantId)
    .execute();
}

const AUDIT_BATCH = 1_000;

/**
 * Appends many entries to the tenant's chain with one lock of the head and multi-row inserts (cycle
 * close: one entry per evaluation changed). The hashing is the same as recordAudit's, entry by entry,
 * so the verifier sees one ordinary chain.
 */
export async function recordAuditMany(
  tx: Transaction<DB>,
  source: AuditSource,
  events: readonly AuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await sql`INSERT INTO audit_head (tenant_id, seq, hash) VALUES (${source.tenantId}, 0, ${GENESIS_HASH})
    ON CONFLICT (tenant_id) DO NOTHING`.execute(tx);
  const head = await tx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('tenant_id', '=', source.tenantId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  let seq = Number(head.seq);
  let prevHash = head.hash;
  const at = new Date().toISOString();
  for (let start = 0; start < events.length; start += AUDIT_BATCH) {
    const rows = events.slice(start, start + AUDIT_BATCH).map((event) => {
      seq += 1;
      const entry: ChainedEntry = {
        tenantId: source.tenantId,
        seq,
        id: newId(),
        at,
        actorId: source.userId,
        actorName: source.displayName,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId ?? null,
        unitPath: event.unitPath,
        before: toStoredJson(event.before),
        after: toStoredJson(event.after),
        requestId: source.requestId,
        ip: source.ip,
      };
      const hash = entryHash(prevHash, entry);
      const row = {
        tenant_id: entry.tenantId,
        seq: entry.seq,
        id: entry.id,
        at: entry.at,
        actor_id: entry.actorId,
        actor_name: entry.actorName,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId,
        unit_path: entry.unitPath,
        before: entry.before === null ? null : JSON.stringify(entry.before),
        after: entry.after === null ? null : JSON.stringify(entry.after),
        request_id: entry.requestId,
        ip: entry.ip,
        prev_hash: prevHash,
        hash,
      };
      prevHash = hash;
      return row;
    });
    await tx.insertInto('audit_log').values(rows).execute();
  }
  await tx
    .updateTable('audit_head')
    .set({ seq, hash: prevHash })
    .where('tenant_id', '=', source.tenantId)
    .execute();
}
