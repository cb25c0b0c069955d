import type { BallotView, CastBallotInput } from '@canbo/domain';
import { sql } from 'kysely';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { AppError, Conflict, RuleViolation } from '../../errors';
import { hashBallotCode } from './tokens';
import { presentCandidate } from './votes.presenter';
import * as repo from './votes.repository';

/** Where a ballot came from, for the audit entry (never what it says). */
export interface BallotSource {
  requestId: string | null;
  ip: string | null;
}

const unknownCode = () =>
  new AppError(
    404,
    'BALLOT_NOT_FOUND',
    'Mã phiếu không đúng hoặc đã bị thay.',
    'Unknown or replaced ballot code.',
  );
const usedCode = () =>
  new Conflict(
    'Phiếu này đã được sử dụng. Mỗi người chỉ bỏ phiếu một lần.',
    'This ballot has already been used. Everyone votes once.',
    'BALLOT_USED',
  );
const notOpen = (state: string) =>
  state === 'closed'
    ? new Conflict('Phiên lấy phiếu đã kết thúc.', 'The vote is closed.', 'VOTE_CLOSED')
    : new Conflict('Phiên lấy phiếu chưa mở.', 'The vote has not opened yet.', 'VOTE_NOT_OPEN');

const badChoices = (vi: string, en: string) =>
  new RuleViolation('BALLOT_INVALID', vi, en, [{ path: 'choices', message: vi, messageEn: en }]);

/**
 * The voter's side: a one-time code opens the ballot, and casting it does, in one transaction,
 * the three things that must go together — mark the roster row as voted, add the marks to the
 * counters, count the ballot as collected. The counters of the whole session are all rewritten by
 * every ballot (+1 on the levels chosen, +0 elsewhere), so which rows changed says nothing about
 * the choice (docs/VOTES.md, "Secrecy").
 */
export function createBallotsService(ctx: AppContext) {
  const { db, tenantId } = ctx;

  function voterByCode(tx: repo.Db, code: string) {
    const q = tx
      .selectFrom('vote_voter as v')
      .innerJoin('vote_session as s', (j) =>
        j.onRef('s.tenant_id', '=', 'v.tenant_id').onRef('s.id', '=', 'v.session_id'),
      )
      .innerJoin('org_unit as u', (j) =>
        j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.unit_id'),
      )
      .innerJoin('person as p', (j) =>
        j.onRef('p.tenant_id', '=', 'v.tenant_id').onRef('p.id', '=', 'v.person_id'),
      )
      .select([
        'v.id',
        'v.session_id',
        'v.voted',
        's.state',
        's.title',
        's.vote_date',
        'u.name as unit_name',
        'u.path',
        'p.full_name',
      ])
      .where('v.tenant_id', '=', tenantId)
      .where('v.token_hash', '=', hashBallotCode(code));
    return q.executeTakeFirst();
  }

  async function refused(
    voter: { id: string; session_id: string; path: string; full_name: string },
    reason: string,
    source: BallotSource,
  ) {
    await db.transaction().execute((tx) =>
      recordAudit(
        tx,
        { tenantId, userId: null, displayName: `Cử tri ${voter.full_name}`, ...source },
        {
          action: 'vote.ballotRefused',
          entityType: 'vote_session',
          entityId: voter.session_id,
          unitPath: voter.path,
          after: { voterId: voter.id, reason },
        },
      ),
    );
  }

  return {
    async view(code: string): Promise<BallotView> {
      const voter = await voterByCode(db, code);
      if (!voter) throw unknownCode();
      if (voter.voted) throw usedCode();
      if (voter.state !== 'open') throw notOpen(voter.state);
      const candidates = await repo.candidatesOf(db, tenantId, voter.session_id);
      return {
        title: voter.title,
        unitName: voter.unit_name,
        voteDate: voter.vote_date,
        candidates: candidates.map(presentCandidate),
      };
    },

    async cast(code: string, input: CastBallotInput, source: BallotSource): Promise<{ cast: true }> {
      let seen: Awaited<ReturnType<typeof voterByCode>>;
      try {
        await db.transaction().execute(async (tx) => {
          const found = await voterByCode(tx, code);
          seen = found;
          if (!found) throw unknownCode();
          if (found.voted) throw usedCode();
          if (found.state !== 'open') throw notOpen(found.state);
          // The people on the ballot never change once the session exists: checked before any lock.
          const candidates = await repo.candidatesOf(tx, tenantId, found.session_id);
          const ids = input.choices.map((c) => c.personId);
          if (
            ids.length !== candidates.length ||
            new Set(ids).size !== ids.length ||
            candidates.some((c) => !ids.includes(c.person_id))
          ) {
            throw badChoices(
              'Phiếu phải có đúng một lựa chọn cho mỗi người trong danh sách.',
              'The ballot needs exactly one entry per person on it.',
            );
          }
          // Locks in one order everywhere (the session, then the roster row): the session row is the
          // queue of a session's ballots, and a ballot that arrives after the close finds it closed.
          const session = await tx
            .selectFrom('vote_session')
            .select('state')
            .where('tenant_id', '=', tenantId)
            .where('id', '=', found.session_id)
            .forUpdate()
            .executeTakeFirstOrThrow();
          const locked = await tx
            .selectFrom('vote_voter')
            .select('voted')
            .where('tenant_id', '=', tenantId)
            .where('session_id', '=', found.session_id)
            .where('id', '=', found.id)
            .where('token_hash', '=', hashBallotCode(code))
            .forUpdate()
            .executeTakeFirst();
          if (!locked) throw unknownCode();
          if (locked.voted) throw usedCode();
          if (session.state !== 'open') throw notOpen(session.state);
          const voter = found;
          await tx
            .updateTable('vote_session')
            .set((eb) => ({ collected: eb('collected', '+', 1) }))
            .where('tenant_id', '=', tenantId)
            .where('id', '=', voter.session_id)
            .execute();
          const marks = input.choices.map((c) => sql`(${c.personId}::uuid, ${c.level ?? 'blank'}::text)`);
          await sql`UPDATE vote_tally
            SET count = count + CASE WHEN (person_id, level) IN (${sql.join(marks)}) THEN 1 ELSE 0 END
            WHERE tenant_id = ${tenantId} AND session_id = ${voter.session_id}`.execute(tx);
          await tx
            .updateTable('vote_voter')
            .set({ voted: true })
            .where('tenant_id', '=', tenantId)
            .where('session_id', '=', voter.session_id)
            .where('id', '=', voter.id)
            .execute();
          await recordAudit(
            tx,
            { tenantId, userId: null, displayName: `Cử tri ${voter.full_name}`, ...source },
            {
              action: 'vote.ballotCast',
              entityType: 'vote_session',
              entityId: voter.session_id,
              unitPath: voter.path,
              after: { voterId: voter.id },
            },
          );
        });
      } catch (error) {
        const voter = seen!;
        if (
          voter &&
          error instanceof AppError &&
          ['BALLOT_USED', 'VOTE_CLOSED', 'VOTE_NOT_OPEN'].includes(error.code)
        ) {
          await refused(voter, error.code, source);
        }
        throw error;
      }
      return { cast: true };
    },
  };
}

export type BallotsService = ReturnType<typeof createBallotsService>;
