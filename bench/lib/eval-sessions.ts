/**
 * Signed-in people for load tests of "my own evaluation" endpoints, made without the sign-in route:
 * one account per person (linked through app_user.person_id, granted `staff` on the person's unit),
 * all sharing one precomputed argon2 hash, each with a live session row whose id is the SHA-256 of
 * the cookie token and whose CSRF token the request must echo (http/session.ts, auth/sessions.ts).
 * Three multi-row statements, whatever the count.
 */

import { CSRF_HEADER, SESSION_COOKIE } from '@canbo/server/src/http/session';
import { newId, randomToken } from '@canbo/server/src/ids';
import { hashPassword } from '@canbo/server/src/modules/auth/passwords';
import { newSessionToken, sessionIdOf } from '@canbo/server/src/modules/auth/sessions';
import type { BenchDatabase } from './engines';
import { BenchFailure } from './failure';

type Pool = BenchDatabase['database']['pool'];

export interface SignedInEvaluation {
  evaluationId: string;
  version: number;
  headers: Record<string, string>;
}

/** Up to `count` draft evaluations of the cycle, each with a signed-in account of its own person. */
export async function signedInDrafts(
  pool: Pool,
  tenantId: string,
  cycleId: string,
  count: number,
): Promise<SignedInEvaluation[]> {
  const { rows } = await pool.query<{
    id: string;
    version: number;
    person_id: string;
    unit_id: string;
    name: string;
  }>(
    `SELECT e.id, e.version, e.person_id, e.unit_id, p.full_name AS name
       FROM evaluation e JOIN person p ON p.tenant_id = e.tenant_id AND p.id = e.person_id
      WHERE e.tenant_id = $1 AND e.cycle_id = $2 AND e.state = 'draft'
        AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.tenant_id = e.tenant_id AND u.person_id = e.person_id)
      ORDER BY e.id LIMIT $3`,
    [tenantId, cycleId, count],
  );
  if (rows.length < count) throw new BenchFailure(`only ${rows.length} draft evaluations without an account`);
  const hash = await hashPassword(`Bench-${randomToken(9)}`);
  const now = new Date();
  const users = rows.map(() => newId());
  const tokens = rows.map(() => newSessionToken());
  const csrf = rows.map(() => randomToken(24));
  const names = rows.map((_, i) => `bench.eval${i + 1}`);
  await pool.query(
    `INSERT INTO app_user (tenant_id, id, username, username_key, display_name, unit_id, password_hash,
                           password_changed_at, created_at, updated_at, person_id)
     SELECT $1, u.id, u.name, u.name, u.display, u.unit_id, $2, $3, $3, $3, u.person_id
       FROM unnest($4::uuid[], $5::text[], $6::text[], $7::uuid[], $8::uuid[]) AS u(id, name, display, unit_id, person_id)`,
    [
      tenantId,
      hash,
      now,
      users,
      names,
      rows.map((r) => r.name),
      rows.map((r) => r.unit_id),
      rows.map((r) => r.person_id),
    ],
  );
  await pool.query(
    `INSERT INTO role_grant (tenant_id, id, user_id, role, unit_id, created_at)
     SELECT $1, g.id, g.user_id, 'staff', g.unit_id, $2
       FROM unnest($3::uuid[], $4::uuid[], $5::uuid[]) AS g(id, user_id, unit_id)`,
    [tenantId, now, rows.map(() => newId()), users, rows.map((r) => r.unit_id)],
  );
  await pool.query(
    `INSERT INTO user_session (tenant_id, id, user_id, csrf_token, created_at, last_seen_at, expires_at)
     SELECT $1, s.id, s.user_id, s.csrf, $2, $2, $3
       FROM unnest($4::text[], $5::uuid[], $6::text[]) AS s(id, user_id, csrf)`,
    [tenantId, now, new Date(now.getTime() + 6 * 3_600_000), tokens.map(sessionIdOf), users, csrf],
  );
  return rows.map((r, i) => ({
    evaluationId: r.id,
    version: r.version,
    headers: {
      cookie: `${SESSION_COOKIE}=${tokens[i]}`,
      [CSRF_HEADER]: csrf[i]!,
      'content-type': 'application/json',
    },
  }));
}
