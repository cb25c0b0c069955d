import { type Kysely, sql, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema';
import { createLoop, type Loop } from '../jobs/loop';
import { entryHash, GENESIS_HASH, type StoredEntryRow, storedEntry } from './chain';

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

const CHAIN_BATCH = 5_000;
/**
 * Entries hashed between two turns of the event loop: hashing a second's worth of a busy city's
 * entries at once held the server's thread ~10 ms, every request in flight with it (the worker role
 * shares the process with the API by default; docs/PERFORMANCE.md, "Sixth pass").
 */
const HASH_SLICE = 100;

/**
 * Links the tenant's pending audit entries into its hash chain, oldest first, in batches of one
 * transaction each: the head is locked, the batch hashed in order from the head's hash, the links
 * inserted, the pending rows removed and the head moved on, all or nothing. The head's lock makes
 * concurrent chainers (several processes) take turns; an entry is linked exactly once. Returns how
 * many entries were linked.
 */
export async function chainPending(db: Kysely<DB>, tenantId: string): Promise<number> {
  let linked = 0;
  for (;;) {
    const n = await db.transaction().execute((tx) => chainBatch(tx, tenantId));
    linked += n;
    if (n < CHAIN_BATCH) return linked;
  }
}

/** Links up to one batch of the tenant's pending entries inside `tx`; returns how many. */
export async function chainBatch(tx: Transaction<DB>, tenantId: string): Promise<number> {
  await sql`INSERT INTO audit_head (tenant_id, seq, hash) VALUES (${tenantId}, 0, ${GENESIS_HASH})
    ON CONFLICT (tenant_id) DO NOTHING`.execute(tx);
  const head = await tx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('tenant_id', '=', tenantId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const rows = await sql<StoredEntryRow>`
    SELECT l.tenant_id, l.seq, l.id, l.at, l.actor_id, l.actor_name, l.action, l.entity_type, l.entity_id,
           l.unit_path, l.before, l.after, l.request_id, l.ip
      FROM audit_pending p
      JOIN audit_log l ON l.tenant_id = p.tenant_id AND l.seq = p.seq
     WHERE p.tenant_id = ${tenantId}
     ORDER BY p.seq
     LIMIT ${CHAIN_BATCH}`.execute(tx);
  if (rows.rows.length === 0) return 0;
  let pos = Number(head.seq);
  let hash = head.hash;
  const positions: number[] = [];
  const seqs: string[] = [];
  const prevHashes: string[] = [];
  const hashes: string[] = [];
  for (const [i, row] of rows.rows.entries()) {
    if (i > 0 && i % HASH_SLICE === 0) await yieldToRequests();
    pos += 1;
    prevHashes.push(hash);
    hash = entryHash(hash, storedEntry(row));
    positions.push(pos);
    seqs.push(String(row.seq));
    hashes.push(hash);
  }
  await sql`INSERT INTO audit_chain (tenant_id, pos, seq, prev_hash, hash)
    SELECT ${tenantId}, v.pos, v.seq, v.prev_hash, v.hash
      FROM unnest(${positions}::bigint[], ${seqs}::bigint[], ${prevHashes}::text[], ${hashes}::text[])
        AS v(pos, seq, prev_hash, hash)`.execute(tx);
  await sql`DELETE FROM audit_pending WHERE tenant_id = ${tenantId} AND seq = ANY(${seqs}::bigint[])`.execute(
    tx,
  );
  await tx.updateTable('audit_head').set({ seq: pos, hash }).where('tenant_id', '=', tenantId).execute();
  return rows.rows.length;
}

/** Links the pending entries of every tenant that has some. */
export async function chainAllPending(db: Kysely<DB>): Promise<number> {
  const tenants = await db.selectFrom('audit_pending').select('tenant_id').distinct().execute();
  let linked = 0;
  for (const t of tenants) linked += await chainPending(db, t.tenant_id);
  return linked;
}

/**
 * Runs chainAllPending every `intervalMs` in the worker process: the chain trails the log by about
 * that much. An entry is durable from its own transaction's commit; only its link waits.
 */
export function createAuditChainer(db: Kysely<DB>, logger: Logger, intervalMs = 1_000): Loop {
  return createLoop(
    () => chainAllPending(db),
    intervalMs,
    (error) => logger.error({ err: error }, 'audit chaining failed'),
  );
}
