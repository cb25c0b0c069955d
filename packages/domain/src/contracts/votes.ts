import { z } from 'zod';
import { CalendarDate } from '../formats/dates';
import { VOTE_FLAGS, VOTE_LEVELS, VOTE_RULE_SET_IDS } from '../votes/rules';
import { Id, PageQuery, pageOf, Version } from './common';

/**
 * Confidence votes API (docs/VOTES.md): sessions set up by an organisation officer, one-time
 * ballots reached by a token (a link or a code typed at a kiosk), live turnout, and the result
 * once the session is closed. Percentages are over ballots collected, two decimals.
 */

export const VOTE_SESSION_STATES = ['draft', 'open', 'closed'] as const;
export const VoteSessionStateSchema = z.enum(VOTE_SESSION_STATES);
export const VoteLevelSchema = z.enum(VOTE_LEVELS);
export const VoteFlagSchema = z.enum(VOTE_FLAGS);
export const VoteRuleSetIdSchema = z.enum(VOTE_RULE_SET_IDS);

/** The alphabet of ballot codes: no 0/O, 1/I to misread at a kiosk. 12 characters, 60 bits. */
export const BALLOT_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const BALLOT_CODE_LENGTH = 12;

/** "abcd-efgh-jkmn" as typed → "ABCDEFGHJKMN"; anything else fails. */
export const BallotCode = z
  .string()
  .max(40)
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-HJ-NP-Z2-9]{12}$/, 'mã phiếu gồm 12 ký tự'));
export const BallotParams = z.strictObject({ token: BallotCode });

const Text = z.string().trim().min(1);

export const VoteCandidateInput = z.strictObject({
  personId: Id,
  /** The post the person is voted on for, as printed on the ballot. */
  post: Text.max(300),
});

export const CreateVoteSessionInput = z.strictObject({
  unitId: Id,
  title: Text.max(300),
  voteDate: CalendarDate,
  place: z.string().trim().max(200).nullish(),
  documentNumber: z.string().trim().max(60).nullish(),
  candidates: z.array(VoteCandidateInput).min(1).max(100),
  /** People of the unit summoned to vote (the roster). */
  voterIds: z.array(Id).min(1).max(5_000),
});
export type CreateVoteSessionInput = z.infer<typeof CreateVoteSessionInput>;

export const IssueTokensInput = z.strictObject({
  version: Version,
  /** Voters (roster ids) to issue to; all who have not voted when left out. A new token replaces the old one. */
  voterIds: z.array(Id).max(5_000).optional(),
});

export const VoteListQuery = PageQuery.extend({
  unitId: Id.optional(),
  state: VoteSessionStateSchema.optional(),
});

export const VoteCandidateView = z.object({
  personId: Id,
  fullName: z.string(),
  post: z.string(),
  ordinal: z.number().int(),
});

export const VoterView = z.object({
  id: Id,
  personId: Id,
  fullName: z.string(),
  tokenIssued: z.boolean(),
  voted: z.boolean(),
});

export const VoteSessionSummary = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  title: z.string(),
  voteDate: z.string(),
  state: VoteSessionStateSchema,
  void: z.boolean().nullable(),
  summoned: z.number().int(),
  voted: z.number().int(),
  candidates: z.number().int(),
  version: z.number().int(),
});
export const VoteSessionPage = pageOf(VoteSessionSummary);

export const VoteSessionView = VoteSessionSummary.omit({ candidates: true }).extend({
  ruleSetId: VoteRuleSetIdSchema,
  place: z.string().nullable(),
  documentNumber: z.string().nullable(),
  issued: z.number().int(),
  candidates: z.array(VoteCandidateView),
  voters: z.array(VoterView),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type VoteSessionView = z.infer<typeof VoteSessionView>;

export const BallotTokenView = z.object({
  voterId: Id,
  fullName: z.string(),
  /** Shown once: only its hash is kept. */
  code: z.string(),
  /** Path of the ballot page in the web app, e.g. /phieu/ABCDEFGHJKMN. */
  path: z.string(),
});
export const IssuedTokensView = z.object({ version: z.number().int(), tokens: z.array(BallotTokenView) });

export const TurnoutView = z.object({
  state: VoteSessionStateSchema,
  summoned: z.number().int(),
  issued: z.number().int(),
  voted: z.number().int(),
  /** Voters needed for the quorum. */
  quorum: z.number().int(),
});

export const PersonTallyView = z.object({
  personId: Id,
  fullName: z.string(),
  post: z.string(),
  high: z.number().int(),
  confidence: z.number().int(),
  low: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  highPercent: z.number().nullable(),
  confidencePercent: z.number().nullable(),
  lowPercent: z.number().nullable(),
  flag: VoteFlagSchema,
});
export type PersonTallyView = z.infer<typeof PersonTallyView>;

export const VoteResultView = z.object({
  sessionId: Id,
  title: z.string(),
  unitName: z.string(),
  voteDate: z.string(),
  ruleSetId: VoteRuleSetIdSchema,
  summoned: z.number().int(),
  issued: z.number().int(),
  collected: z.number().int(),
  quorumMet: z.boolean(),
  void: z.boolean(),
  closedAt: z.string(),
  people: z.array(PersonTallyView),
});
export type VoteResultView = z.infer<typeof VoteResultView>;

/** What a voter sees through their token: no one else's data. */
export const BallotView = z.object({
  title: z.string(),
  unitName: z.string(),
  voteDate: z.string(),
  candidates: z.array(VoteCandidateView),
});
export type BallotView = z.infer<typeof BallotView>;

export const CastBallotInput = z.strictObject({
  /** One mark per person voted on; null leaves the person blank (an invalid mark for them). */
  choices: z
    .array(z.strictObject({ personId: Id, level: VoteLevelSchema.nullable() }))
    .min(1)
    .max(100),
});
export type CastBallotInput = z.infer<typeof CastBallotInput>;
export const CastReceipt = z.object({ cast: z.literal(true) });

export const PersonVoteView = PersonTallyView.omit({ fullName: true }).extend({
  sessionId: Id,
  title: z.string(),
  unitName: z.string(),
  voteDate: z.string(),
  collected: z.number().int(),
  void: z.boolean(),
  ruleSetId: VoteRuleSetIdSchema,
});
export const PersonVotesView = z.object({ items: z.array(PersonVoteView) });
