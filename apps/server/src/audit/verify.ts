import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';
import { entryHash, GENESIS_HASH, type StoredEntryRow, storedEntry } from './chain';
import { chainPending } from './chainer';

export interface Verification {
  ok: boolean;
  checked: number;
  /** The entry (audit_log.seq) where the chain first fails, and why. */
  broken: { seq: number; reason: string } | null;
}

const BATCH = 5_000;

type LinkRow = { pos: string; link_seq: string; prev_hash: string; hash: string } & {
  [K in keyof StoredEntryRow]: StoredEntryRow[K] | null;
};

/**
 * Links what is still pending (chainer.ts), then walks the tenant's chain in order. An altered entry
 * fails its own hash (its number is hashed too, so renumbering fails as well); a deleted entry leaves
 * its link pointing at nothing; a removed or reordered link breaks the positions or the link to the
 * previous hash; a deleted tail disagrees with the head; an entry written around the application
 * (not pending, never linked) is found by counting.
 */
export async function verifyAuditChain(db: Kysely<DB>, tenantId: string): Promise<Verification> {
  await chainPending(db, tenantId);
  let prevHash = GENESIS_HASH;
  let expected = 1;
  let checked = 0;
  for (;;) {
    const rows = await sql<LinkRow>`
      SELECT c.pos, c.seq AS link_seq, c.prev_hash, c.hash,
             l.tenant_id, l.seq, l.id, l.at, l.actor_id, l.actor_name, l.action, l.entity_type, l.entity_id,
             l.unit_path, l.before, l.after, l.request_id, l.ip
        FROM audit_chain c
        LEFT JOIN audit_log l ON l.tenant_id = c.tenant_id AND l.seq = c.seq
       WHERE c.tenant_id = ${tenantId} AND c.pos >= ${expected}
       ORDER BY c.pos
       LIMIT ${BATCH}`.execute(db);
    for (const row of rows.rows) {
      const seq = Number(row.link_seq);
      const fail = (reason: string): Verification => ({ ok: false, checked, broken: { seq, reason } });
      if (Number(row.pos) !== expected) return fail(`link ${expected} of the chain is missing`);
      if (row.id === null) return fail(`entry ${seq} is missing`);
      if (row.prev_hash !== prevHash) return fail('does not link to the entry before it');
      if (entryHash(prevHash, storedEntry(row as StoredEntryRow)) !== row.hash)
        return fail('its content does not match its hash');
      prevHash = row.hash;
      expected += 1;
      checked++;
    }
    if (rows.rows.length < BATCH) break;
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  const headPos = head ? Number(head.seq) : 0;
  if (headPos !== expected - 1 || (head && head.hash !== prevHash)) {
    return {
      ok: false,
      checked,
      broken: { seq: expected, reason: `the chain ends at ${expected - 1} but its head is at ${headPos}` },
    };
  }
  const written = await db
    .selectFrom('audit_log')
    .select(sql<string>`count(*)`.as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  if (Number(written.n) !== checked) {
    const stray = await sql<{ seq: string }>`
      SELECT l.seq FROM audit_log l
       WHERE l.tenant_id = ${tenantId}
         AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.tenant_id = l.tenant_id AND c.seq = l.seq)
       ORDER BY l.seq LIMIT 1`.execute(db);
    const seq = Number(stray.rows[0]?.seq ?? 0);
    return { ok: false, checked, broken: { seq, reason: `entry ${seq} is not in the chain` } };
  }
  return { ok: true, checked, broken: null };
}
