import type { Kysely } from 'kysely';
import type { Client } from '../../../test/client';
import type { TestContext, TestUnit } from '../../../test/context';
import type { DB } from '../../db/schema';
import { newId } from '../../ids';

const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hoa',
  'Hùng',
  'Lan',
  'Long',
  'Mai',
  'Minh',
];
let serial = 0;

/** Fixtures are shared with bench/, which runs without vitest: a failed step throws. */
function must(res: { status: number; body: unknown }, status: number): void {
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
}

/** `n` active people kept in `unitId`, written straight to the table (a roster needs many, fast). */
export async function insertPeople(
  db: Kysely<DB>,
  tenantId: string,
  unitId: string,
  n: number,
): Promise<string[]> {
  const now = new Date();
  const rows = Array.from({ length: n }, () => {
    serial += 1;
    const given = GIVEN[serial % GIVEN.length]!;
    const tag = `${Date.now().toString(36)}${serial.toString(36)}`.toUpperCase();
    return {
      tenant_id: tenantId,
      id: newId(),
      code: `VT${tag}`,
      unit_id: unitId,
      full_name: `Nguyễn Văn ${given} ${serial}`,
      sex: 'male',
      birth_date: '1980-01-01',
      staff_category: 'civil_servant',
      search_key: `nguyen van ${given.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()} ${serial}`,
      sort_key: `${given} ${serial}`,
      created_at: now,
      updated_at: now,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('person')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.map((r) => r.id);
}

export interface VoteSetup {
  sessionId: string;
  version: number;
  candidates: string[];
  voters: string[];
  /** Roster id → one-time code. */
  codes: Map<string, string>;
  /** Person id of the voter → code. */
  codeOf: (personId: string) => string;
}

/** A session in `unit` with new people as candidates and voters, opened and with every code issued. */
export async function openSession(
  t: TestContext,
  officer: Client,
  unit: TestUnit,
  options: {
    candidates?: number;
    voters?: number;
    voteDate?: string;
    candidateIds?: string[];
    voterIds?: string[];
  } = {},
): Promise<VoteSetup> {
  const candidates =
    options.candidateIds ?? (await insertPeople(t.ctx.db, t.ctx.tenantId, unit.id, options.candidates ?? 2));
  const voters =
    options.voterIds ?? (await insertPeople(t.ctx.db, t.ctx.tenantId, unit.id, options.voters ?? 9));
  const created = await officer.post('/api/votes', {
    unitId: unit.id,
    title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ',
    voteDate: options.voteDate ?? '2026-05-20',
    place: 'Hà Nội',
    documentNumber: '12-BB/ĐU',
    candidates: candidates.map((personId, i) => ({
      personId,
      post: i === 0 ? 'Bí thư Đảng ủy' : 'Phó Bí thư Đảng ủy',
    })),
    voterIds: voters,
  });
  must(created, 201);
  const id = created.body.id as string;
  const opened = await officer.post(`/api/votes/${id}/open`, { version: created.body.version });
  must(opened, 200);
  const issued = await officer.post(`/api/votes/${id}/tokens`, { version: opened.body.version });
  must(issued, 200);
  const codes = new Map<string, string>(
    issued.body.tokens.map((x: { voterId: string; code: string }) => [x.voterId, x.code]),
  );
  const rosterByPerson = new Map<string, string>(
    created.body.voters.map((v: { id: string; personId: string }) => [v.personId, v.id]),
  );
  return {
    sessionId: id,
    version: issued.body.version,
    candidates,
    voters,
    codes,
    codeOf: (personId) => codes.get(rosterByPerson.get(personId)!)!,
  };
}

export type Level = 'high' | 'confidence' | 'low' | null;

/** A voter's ballot: the same level for every person, or one per person. */
export function ballot(candidates: string[], levels: Level | Level[]) {
  return {
    choices: candidates.map((personId, i) => ({
      personId,
      level: Array.isArray(levels) ? levels[i]! : levels,
    })),
  };
}

/** A visitor with the pre-session CSRF token, like the ballot page. */
export async function voterClient(t: TestContext): Promise<Client> {
  const client = t.anonymous();
  client.csrfToken = (await client.get('/api/auth/csrf')).body.csrfToken;
  return client;
}
