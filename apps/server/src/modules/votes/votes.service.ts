import { randomUUID } from 'node:crypto';
import {
  type CreateVoteSessionInput,
  exceedsPlaces,
  type IssueTokensInput,
  tallyVote,
  type VoteListQuery,
  voteRuleSetFor,
} from '@canbo/domain';
import type { z } from 'zod';
import { type Actor, assertCan, covers, minimalPaths, type Scope, scopeOf } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import { ballotPath, hashBallotCode, newBallotCode } from './tokens';
import { resultDocx, resultXlsx } from './votes.documents';
import { presentPersonVote, presentResult, presentSession, presentSummary } from './votes.presenter';
import * as repo from './votes.repository';

const refuse = (code: string, path: string, vi: string, en: string) =>
  new RuleViolation(code, vi, en, [{ path, message: vi, messageEn: en }]);

const wrongState = (vi: string, en: string) => new Conflict(vi, en, 'VOTE_STATE');

/** Sessions are read with votes.read or votes.manage over their unit, and run with votes.manage. */
export function readScope(actor: Actor): Scope {
  const scopes = [scopeOf(actor, 'votes.read'), scopeOf(actor, 'votes.manage')];
  if (scopes.some((s) => s.paths === null)) return { tenantId: actor.tenantId, paths: null };
  return { tenantId: actor.tenantId, paths: minimalPaths(scopes.flatMap((s) => s.paths ?? [])) };
}

/**
 * Confidence vote sessions (docs/VOTES.md): set-up, opening, ballots issued as one-time codes, live
 * turnout, and the close that tallies with the domain's rule set and files a result per person.
 * Ballots themselves are cast in ballots.service.ts.
 */
export function createVotesService(ctx: AppContext) {
  const { db, tenantId } = ctx;

  async function load(actor: Actor, id: string, need: 'read' | 'manage', tx: repo.Db = db, lock = false) {
    const row = await repo.getSession(tx, readScope(actor), id, lock);
    if (!row) throw new NotFound('vote session');
    if (need === 'manage') assertCan(actor, 'votes.manage', row.unit_path);
    return row;
  }

  async function checkPeople(actor: Actor, input: CreateVoteSessionInput) {
    const candidateIds = input.candidates.map((c) => c.personId);
    const dup = (ids: string[]) => ids.findIndex((id, i) => ids.indexOf(id) !== i);
    const d1 = dup(candidateIds);
    if (d1 >= 0)
      throw refuse(
        'DUPLICATE',
        `candidates.${d1}.personId`,
        'Một người được chọn hai lần.',
        'A person is listed twice.',
      );
    const d2 = dup(input.voterIds);
    if (d2 >= 0)
      throw refuse(
        'DUPLICATE',
        `voterIds.${d2}`,
        'Một cử tri được chọn hai lần.',
        'A voter is listed twice.',
      );
    const found = new Map(
      (
        await repo.peopleInScope(db, scopeOf(actor, 'people.read'), [
          ...new Set([...candidateIds, ...input.voterIds]),
        ])
      ).map((p) => [p.id, p]),
    );
    const missingCandidate = candidateIds.findIndex((id) => !found.has(id));
    if (missingCandidate >= 0)
      throw refuse(
        'PERSON_OUT_OF_SCOPE',
        `candidates.${missingCandidate}.personId`,
        'Không tìm thấy người được lấy phiếu trong phạm vi bạn quản lý.',
        'The person voted on is not among the people you manage.',
      );
    const missingVoter = input.voterIds.findIndex((id) => !found.has(id));
    if (missingVoter >= 0)
      throw refuse(
        'PERSON_OUT_OF_SCOPE',
        `voterIds.${missingVoter}`,
        'Không tìm thấy cử tri trong phạm vi bạn quản lý.',
        'The voter is not among the people you manage.',
      );
  }

  return {
    readScope,

    async list(actor: Actor, query: z.infer<typeof VoteListQuery>) {
      const { rows, total } = await repo.listSessions(db, readScope(actor), query);
      return { items: rows.map(presentSummary), total, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: string) {
      const row = await load(actor, id, 'read');
      const [candidates, voters] = await Promise.all([
        repo.candidatesOf(db, tenantId, id),
        repo.votersOf(db, tenantId, id),
      ]);
      return presentSession(row, candidates, voters);
    },

    async create(actor: Actor, input: CreateVoteSessionInput) {
      const unit = await repo.unitInScope(db, scopeOf(actor, 'units.read'), input.unitId);
      if (!unit) throw new NotFound('unit');
      assertCan(actor, 'votes.manage', unit.path);
      const rules = voteRuleSetFor(input.voteDate);
      if (!rules)
        throw refuse(
          'NO_RULE_SET',
          'voteDate',
          'Chưa có quy định lấy phiếu tín nhiệm áp dụng cho ngày này (từ 02/02/2023).',
          'No confidence-vote rule applies on this date (from 2 February 2023).',
        );
      await checkPeople(actor, input);
      const year = Number(input.voteDate.slice(0, 4));
      const already = await repo.sessionsInYear(
        db,
        tenantId,
        input.candidates.map((c) => c.personId),
        year,
      );
      const over = input.candidates.findIndex((c) => exceedsPlaces(rules, already.get(c.personId) ?? 0));
      if (over >= 0)
        throw refuse(
          'VOTE_PLACES_LIMIT',
          `candidates.${over}.personId`,
          `Người này đã được lấy phiếu ở ${rules.maxPlaces} nơi trong năm ${year} (Quy định 96-QĐ/TW: tối đa 2 nơi).`,
          `This person is already voted on in ${rules.maxPlaces} places in ${year} (Regulation 96: at most 2).`,
        );
      const id = newId();
      return db.transaction().execute(async (tx) => {
        await tx
          .insertInto('vote_session')
          .values({
            tenant_id: tenantId,
            id,
            unit_id: unit.id,
            rule_set_id: rules.id,
            title: input.title,
            vote_date: input.voteDate,
            place: input.place ?? null,
            document_number: input.documentNumber ?? null,
            summoned: input.voterIds.length,
            created_by: actor.userId,
            created_at: new Date(),
          })
          .execute();
        const candidates = input.candidates.map((c, i) => ({
          tenant_id: tenantId,
          session_id: id,
          person_id: c.personId,
          post: c.post,
          ordinal: i + 1,
        }));
        await tx.insertInto('vote_candidate').values(candidates).execute();
        for (let i = 0; i < input.voterIds.length; i += 1000) {
          const chunk = input.voterIds.slice(i, i + 1000);
          // Random (v4) ids: a roster row carries no time and no order of its own.
          const rows = chunk.map((personId) => ({
            tenant_id: tenantId,
            session_id: id,
            id: randomUUID(),
            person_id: personId,
          }));
          await tx.insertInto('vote_voter').values(rows).execute();
        }
        await tx
          .insertInto('vote_tally')
          .values(
            candidates.flatMap((c) =>
              repo.TALLY_LEVELS.map((level) => ({
                tenant_id: tenantId,
                session_id: id,
                person_id: c.person_id,
                level,
              })),
            ),
          )
          .execute();
        await recordAudit(tx, actor, {
          action: 'vote.sessionCreated',
          entityType: 'vote_session',
          entityId: id,
          unitPath: unit.path,
          after: {
            title: input.title,
            voteDate: input.voteDate,
            candidates: input.candidates,
            summoned: input.voterIds.length,
          },
        });
        const row = await load(actor, id, 'read', tx);
        return presentSession(
          row,
          await repo.candidatesOf(tx, tenantId, id),
          await repo.votersOf(tx, tenantId, id),
        );
      });
    },

    async open(actor: Actor, id: string, version: number) {
      await db.transaction().execute(async (tx) => {
        const row = await load(actor, id, 'manage', tx, true);
        if (row.version !== version) throw new Conflict();
        if (row.state !== 'draft')
          throw wrongState('Phiên lấy phiếu đã được mở.', 'The session is already open.');
        await repo.saveSession(tx, tenantId, id, version, { state: 'open', opened_at: new Date() });
        await recordAudit(tx, actor, {
          action: 'vote.sessionOpened',
          entityType: 'vote_session',
          entityId: id,
          unitPath: row.unit_path,
        });
      });
      return this.get(actor, id);
    },

    /** Locks the session (ballots wait on that lock), tallies, stores the result and files it per person. */
    async close(actor: Actor, id: string, version: number) {
      await db.transaction().execute(async (tx) => {
        const row = await load(actor, id, 'manage', tx, true);
        if (row.version !== version) throw new Conflict();
        if (row.state !== 'open')
          throw wrongState('Chỉ đóng được phiên đang mở.', 'Only an open session can be closed.');
        const rules = voteRuleSetFor(row.vote_date);
        if (!rules || rules.id !== row.rule_set_id) throw new Error(`rule set ${row.rule_set_id} is missing`);
        const tally = tallyVote(rules, {
          summoned: row.summoned,
          issued: await repo.issuedCount(tx, tenantId, id),
          collected: row.collected,
          counts: await repo.tallyCounts(tx, tenantId, id),
        });
        const now = new Date();
        await repo.saveSession(tx, tenantId, id, version, {
          state: 'closed',
          closed_at: now,
          result: JSON.stringify(tally),
          is_void: tally.void,
        });
        const posts = new Map((await repo.candidatesOf(tx, tenantId, id)).map((c) => [c.person_id, c.post]));
        await tx
          .insertInto('vote_result')
          .values(
            tally.people.map((p) => ({
              tenant_id: tenantId,
              session_id: id,
              person_id: p.personId,
              rule_set_id: rules.id,
              post: posts.get(p.personId) ?? '',
              vote_date: row.vote_date,
              collected: tally.collected,
              high: p.high,
              confidence: p.confidence,
              low: p.low,
              invalid: p.invalid,
              high_percent: p.highPercent,
              confidence_percent: p.confidencePercent,
              low_percent: p.lowPercent,
              flag: p.flag,
              is_void: tally.void,
              created_at: now,
            })),
          )
          .execute();
        await recordAudit(tx, actor, {
          action: 'vote.sessionClosed',
          entityType: 'vote_session',
          entityId: id,
          unitPath: row.unit_path,
          after: { summoned: tally.summoned, collected: tally.collected, quorumMet: tally.quorumMet },
        });
      });
      return this.get(actor, id);
    },

    /** New one-time codes for the voters named (or all who have not voted); an earlier code stops working. */
    async issueTokens(actor: Actor, id: string, input: z.infer<typeof IssueTokensInput>) {
      return db.transaction().execute(async (tx) => {
        const row = await load(actor, id, 'manage', tx, true);
        if (row.version !== input.version) throw new Conflict();
        if (row.state === 'closed')
          throw wrongState(
            'Phiên đã đóng, không phát thêm phiếu.',
            'The session is closed; no more ballots.',
          );
        const voters = await repo.votersOf(tx, tenantId, id);
        const byId = new Map(voters.map((v) => [v.id, v]));
        const wanted = input.voterIds ?? voters.filter((v) => !v.voted).map((v) => v.id);
        const targets = wanted.map((voterId, i) => {
          const v = byId.get(voterId);
          if (!v)
            throw refuse(
              'NOT_ON_ROSTER',
              `voterIds.${i}`,
              'Cử tri không có trong danh sách.',
              'Not on the roster.',
            );
          if (v.voted)
            throw refuse(
              'ALREADY_VOTED',
              `voterIds.${i}`,
              'Cử tri này đã bỏ phiếu.',
              'This voter has already voted.',
            );
          return v;
        });
        const tokens = [];
        for (const v of targets) {
          const code = newBallotCode();
          await tx
            .updateTable('vote_voter')
            .set({ token_hash: hashBallotCode(code) })
            .where('tenant_id', '=', tenantId)
            .where('session_id', '=', id)
            .where('id', '=', v.id)
            .execute();
          tokens.push({ voterId: v.id, fullName: v.full_name, code, path: ballotPath(code) });
        }
        await repo.saveSession(tx, tenantId, id, input.version, {});
        await recordAudit(tx, actor, {
          action: 'vote.ballotsIssued',
          entityType: 'vote_session',
          entityId: id,
          unitPath: row.unit_path,
          after: { voterIds: targets.map((v) => v.id) },
        });
        return { version: input.version + 1, tokens };
      });
    },

    async turnout(actor: Actor, id: string) {
      const row = await load(actor, id, 'read');
      return {
        state: row.state as 'draft' | 'open' | 'closed',
        summoned: row.summoned,
        issued: await repo.issuedCount(db, tenantId, id),
        voted: row.collected,
        quorum: Math.ceil((row.summoned * 2) / 3),
      };
    },

    /** The result, once the session is closed: nothing of it exists before. */
    async results(actor: Actor, id: string) {
      const row = await load(actor, id, 'read');
      if (row.state !== 'closed' || !row.result)
        throw new Conflict(
          'Kết quả chỉ có sau khi đóng phiên lấy phiếu.',
          'Results exist only once the session is closed.',
          'VOTE_NOT_CLOSED',
        );
      return presentResult(row, await repo.candidatesOf(db, tenantId, id));
    },

    /** The result record as .docx (Party layout) or .xlsx; only once closed, like the results. */
    async recordFile(actor: Actor, id: string, kind: 'docx' | 'xlsx') {
      const result = await this.results(actor, id);
      const row = await load(actor, id, 'read');
      const fileName = `bien-ban-kiem-phieu-${row.vote_date}.${kind}`;
      if (kind === 'xlsx') return { fileName, bytes: await resultXlsx(result) };
      const root = await db
        .selectFrom('org_unit')
        .select('name')
        .where('tenant_id', '=', tenantId)
        .where('path', '=', ctx.rootPath)
        .executeTakeFirst();
      const superior = row.unit_path === ctx.rootPath ? null : (root?.name ?? null);
      const meta = { superior, documentNumber: row.document_number, place: row.place };
      return { fileName, bytes: await resultDocx(result, meta) };
    },

    /** A person's vote results, for their record: people.read to find them, votes.read to see results. */
    async personVotes(actor: Actor, personId: string) {
      const person = await repo.personInScope(db, scopeOf(actor, 'people.read'), personId);
      if (!person) throw new NotFound('person');
      if (!covers(readScope(actor), person.path)) throw new Forbidden();
      return { items: (await repo.resultsOfPerson(db, tenantId, personId)).map(presentPersonVote) };
    },
  };
}

export type VotesService = ReturnType<typeof createVotesService>;
