import {
  BallotParams,
  BallotView,
  CastBallotInput,
  CastReceipt,
  CreateVoteSessionInput,
  IdParams,
  IssuedTokensView,
  IssueTokensInput,
  PersonVotesView,
  TurnoutView,
  VersionInput,
  VoteListQuery,
  VoteResultView,
  VoteSessionPage,
  VoteSessionView,
} from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DOCX_CONTENT_TYPE } from '../../documents/docx';
import { attachment, XLSX_CONTENT_TYPE } from '../../documents/xlsx-writer';
import type { RouteDeps } from '../../http/app';

const tags = ['votes'];

/**
 * Confidence votes (docs/VOTES.md). Officers run sessions (votes.manage over the session's unit);
 * inspectors read them (votes.read). Voters reach their ballot with a one-time code and no account:
 * those two routes are public and rate-limited per address.
 */
export function registerVoteRoutes({ app: base, services, signInRatePerMinute }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { votes, ballots } = services;

  app.get(
    '/api/votes',
    { schema: { tags, querystring: VoteListQuery, response: { 200: VoteSessionPage } } },
    (req) => votes.list(req.actor, req.query),
  );
  app.post(
    '/api/votes',
    { schema: { tags, body: CreateVoteSessionInput, response: { 201: VoteSessionView } } },
    async (req, reply) => reply.status(201).send(await votes.create(req.actor, req.body)),
  );
  app.get(
    '/api/votes/:id',
    { schema: { tags, params: IdParams, response: { 200: VoteSessionView } } },
    (req) => votes.get(req.actor, req.params.id),
  );
  app.post(
    '/api/votes/:id/open',
    { schema: { tags, params: IdParams, body: VersionInput, response: { 200: VoteSessionView } } },
    (req) => votes.open(req.actor, req.params.id, req.body.version),
  );
  app.post(
    '/api/votes/:id/close',
    { schema: { tags, params: IdParams, body: VersionInput, response: { 200: VoteSessionView } } },
    (req) => votes.close(req.actor, req.params.id, req.body.version),
  );
  app.post(
    '/api/votes/:id/tokens',
    { schema: { tags, params: IdParams, body: IssueTokensInput, response: { 200: IssuedTokensView } } },
    (req) => votes.issueTokens(req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/votes/:id/turnout',
    { schema: { tags, params: IdParams, response: { 200: TurnoutView } } },
    (req) => votes.turnout(req.actor, req.params.id),
  );
  app.get(
    '/api/votes/:id/results',
    { schema: { tags, params: IdParams, response: { 200: VoteResultView } } },
    (req) => votes.results(req.actor, req.params.id),
  );
  for (const kind of ['docx', 'xlsx'] as const) {
    app.get(
      `/api/votes/:id/record.${kind}`,
      { schema: { tags, params: IdParams, summary: `The vote result record as .${kind}, once closed` } },
      async (req, reply) => {
        const { fileName, bytes } = await votes.recordFile(req.actor, req.params.id, kind);
        const type = kind === 'docx' ? DOCX_CONTENT_TYPE : XLSX_CONTENT_TYPE;
        return reply.type(type).header('content-disposition', attachment(fileName)).send(bytes);
      },
    );
  }
  app.get(
    '/api/people/:id/votes',
    { schema: { tags: ['people', ...tags], params: IdParams, response: { 200: PersonVotesView } } },
    (req) => votes.personVotes(req.actor, req.params.id),
  );

  // The voter's side: no account, the code is the key. Generous per address (a hall may share one).
  const ballotLimit = { max: signInRatePerMinute * 30, timeWindow: '1 minute' };
  app.get(
    '/api/ballots/:token',
    {
      config: { access: 'public', rateLimit: ballotLimit },
      schema: { tags, params: BallotParams, response: { 200: BallotView } },
    },
    (req) => ballots.view(req.params.token),
  );
  app.post(
    '/api/ballots/:token',
    {
      config: { access: 'public', rateLimit: ballotLimit },
      schema: { tags, params: BallotParams, body: CastBallotInput, response: { 200: CastReceipt } },
    },
    (req) => ballots.cast(req.params.token, req.body, { requestId: req.id, ip: req.ip }),
  );
}
