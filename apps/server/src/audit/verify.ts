import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { type ChainedEntry, entryHash, GENESIS_HASH } from './chain';

export interface Verification {
  ok: boolean;
  checked: number;
  broken: { seq: number; reason: string } | null;
}

const BATCH = 5_000;

/**
 * Walks one tenant's chain in order. An altered row fails its own hash; a deleted or reordered
 * row breaks the sequence or the link to its predecessor; a deleted tail disagrees with the head.
 */
export async function verifyAuditChain(db: Kysely<DB>, tenantId: string): Promise<Verification> {
  let prevHash = GENESIS_HASH;
  let expected = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('seq', '>=', String(expected))
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      const fail = (reason: string): Verification => ({ ok: false, checked, broken: { seq, reason } });
      if (seq !== expected)
        return { ok: false, checked, broken: { seq: expected, reason: `entry ${expected} is missing` } };
      if (row.prev_hash !== prevHash) return fail('does not link to the entry before it');
      const entry: ChainedEntry = {
        tenantId: row.tenant_id,
        seq,
        id: row.id,
        at: row.at.toISOString(),
        actorId: row.actor_id,
        actorName: row.actor_name,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        unitPath: row.unit_path,
        before: row.before ?? null,
        after: row.after ?? null,
        requestId: row.request_id,
        ip: row.ip,
      };
      if (entryHash(prevHash, entry) !== row.hash) return fail('its content does not match its hash');
      prevHash = row.hash;
      expected = seq + 1;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  const headSeq = head ? Number(head.seq) : 0;
  if (headSeq !== expected - 1 || (head && head.hash !== prevHash)) {
    return {
      ok: false,
      checked,
      broken: { seq: expected, reason: `the chain ends at ${expected - 1} but its head is at ${headSeq}` },
    };
  }
  return { ok: true, checked, broken: null };
}
