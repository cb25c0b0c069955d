import { sql, type Transaction } from 'kysely';
import type { Actor } from '../access/actor';
import type { DB } from '../db/schema';
import { newId } from '../ids';
import { type ChainedEntry, canonicalJson, entryHash, GENESIS_HASH, toStoredJson } from './chain';

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
 *
 * One statement: the head's UPDATE locks it, moves it on and computes the entry's hash in SQL from the
 * previous hash (`sha256(prev_hash || canonical JSON)`, exactly `entryHash` of chain.ts: the canonical
 * text is built here around the one field the database supplies, `seq`), and the entry is inserted from
 * its RETURNING. `audit_head.prev_hash` only carries the previous hash out of that UPDATE. Callers that
 * hold other locks should append last, just before COMMIT: the head stays locked until then and
 * serialises every audited change of the tenant.
 */
export async function recordAudit(
  tx: Transaction<DB>,
  source: AuditSource,
  event: AuditEvent,
): Promise<void> {
  const entry: ChainedEntry = {
    tenantId: source.tenantId,
    seq: 0,
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
  const [head, tail] = splitAtSeq(entry);
  const before = entry.before === null ? null : JSON.stringify(entry.before);
  const after = entry.after === null ? null : JSON.stringify(entry.after);
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = await sql`
      WITH h AS (
        UPDATE audit_head SET seq = seq + 1, prev_hash = hash,
               hash = encode(sha256(convert_to(hash || ${head} || (seq + 1)::text || ${tail}, 'UTF8')), 'hex')
         WHERE tenant_id = ${source.tenantId}
        RETURNING seq, prev_hash, hash)
      INSERT INTO audit_log (tenant_id, seq, id, at, actor_id, actor_name, action, entity_type, entity_id,
                             unit_path, before, after, request_id, ip, prev_hash, hash)
      SELECT ${entry.tenantId}, h.seq, ${entry.id}, ${entry.at}::timestamptz, ${entry.actorId}, ${entry.actorName},
             ${entry.action}, ${entry.entityType}, ${entry.entityId}, ${entry.unitPath}, ${before}::jsonb,
             ${after}::jsonb, ${entry.requestId}, ${entry.ip}, h.prev_hash, h.hash
        FROM h`.execute(tx);
    if (Number(result.numAffectedRows ?? 0) === 1) return;
    // First entry of the tenant: create its head, then append.
    await sql`INSERT INTO audit_head (tenant_id, seq, hash) VALUES (${source.tenantId}, 0, ${GENESIS_HASH})
      ON CONFLICT (tenant_id) DO NOTHING`.execute(tx);
  }
  throw new Error(`audit_head of tenant ${source.tenantId} could not be created`);
}

/**
 * The canonical JSON of `entry` (chain.ts) cut around the value of `seq`: keys are sorted, so `seq` is
 * the last key before `tenantId` and `unitPath`, whose values (a uuid, a unit path) cannot contain it.
 */
export function splitAtSeq(entry: ChainedEntry): [string, string] {
  const text = canonicalJson({ ...entry, seq: 0 });
  const marker = '"seq":0';
  const at = text.lastIndexOf(marker);
  if (at < 0) throw new Error('canonical audit entry without seq');
  return [text.slice(0, at + marker.length - 1), text.slice(at + marker.length)];
}

const AUDIT_BATCH = 10_000;

/**
 * Appends many entries to the tenant's chain with one lock of the head and inserts of one array per
 * column (cycle close: one entry per evaluation changed). The hashing is the same as recordAudit's, entry by entry,
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
    const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
    await sql`INSERT INTO audit_log (tenant_id, seq, id, at, actor_id, actor_name, action, entity_type, entity_id,
                                     unit_path, before, after, request_id, ip, prev_hash, hash)
      SELECT ${source.tenantId}, v.seq, v.id, ${at}::timestamptz, ${source.userId}, ${source.displayName}, v.action,
             v.entity_type, v.entity_id, v.unit_path, v.before, v.after, ${source.requestId}, ${source.ip},
             v.prev_hash, v.hash
        FROM unnest(${col('seq')}::bigint[], ${col('id')}::uuid[], ${col('action')}::text[],
                    ${col('entity_type')}::text[], ${col('entity_id')}::text[], ${col('unit_path')}::text[],
                    ${col('before')}::jsonb[], ${col('after')}::jsonb[], ${col('prev_hash')}::text[], ${col('hash')}::text[])
          AS v(seq, id, action, entity_type, entity_id, unit_path, before, after, prev_hash, hash)`.execute(
      tx,
    );
  }
  await tx
    .updateTable('audit_head')
    .set({ seq, hash: prevHash })
    .where('tenant_id', '=', source.tenantId)
    .execute();
}
