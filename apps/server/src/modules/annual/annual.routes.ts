import {
  AnnualReviewDetail,
  AnnualReviewList,
  AnnualReviewListQuery,
  AnnualReviewPage,
  BoardQuery,
  ClassificationBoard,
  CommentInput,
  CreateReviewPeriodInput,
  DecideInput,
  FiledResultList,
  IdParams,
  MeetingInput,
  PeriodUnitParams,
  PeriodUnitsView,
  ProposeInput,
  PublishResult,
  ReopenInput,
  ReviewMeetingView,
  ReviewPeriodListQuery,
  ReviewPeriodPage,
  ReviewPeriodView,
  SelfReviewInput,
  VersionBody,
} from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DOCX_CONTENT_TYPE } from '../../documents/docx';
import { attachment, XLSX_CONTENT_TYPE } from '../../documents/xlsx-writer';
import type { RouteDeps } from '../../http/app';

const tags = ['annual'];

/**
 * Annual and mid-term review (docs/ANNUAL.md): periods, the unit board and meeting, publication, the
 * reviews' workflow, filed results and the documents. Permissions are checked in the services.
 */
export function registerAnnualRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { reviewPeriods: periods, annualReviews: reviews, annualBoard: board } = services;

  app.get(
    '/api/review-periods',
    { schema: { tags, querystring: ReviewPeriodListQuery, response: { 200: ReviewPeriodPage } } },
    (req) => periods.list(req.actor, req.query),
  );
  app.post(
    '/api/review-periods',
    { schema: { tags, body: CreateReviewPeriodInput, response: { 201: ReviewPeriodView } } },
    async (req, reply) => reply.status(201).send(await periods.create(req.actor, req.body)),
  );
  app.get(
    '/api/review-periods/:id',
    { schema: { tags, params: IdParams, response: { 200: ReviewPeriodView } } },
    (req) => periods.get(req.actor, req.params.id),
  );
  app.get(
    '/api/review-periods/:id/units',
    { schema: { tags, params: IdParams, response: { 200: PeriodUnitsView } } },
    (req) => periods.units(req.actor, req.params.id),
  );
  app.post(
    '/api/review-periods/:id/prepare',
    { schema: { tags, params: IdParams, body: VersionBody, response: { 200: ReviewPeriodView } } },
    (req) => periods.prepare(req.actor, req.params.id, req.body.version),
  );
  app.post(
    '/api/review-periods/:id/close',
    { schema: { tags, params: IdParams, body: VersionBody, response: { 200: ReviewPeriodView } } },
    (req) => periods.close(req.actor, req.params.id, req.body.version),
  );
  app.get(
    '/api/review-periods/:id/units/:unitId/board',
    {
      schema: {
        tags,
        params: PeriodUnitParams,
        querystring: BoardQuery,
        response: { 200: ClassificationBoard },
      },
    },
    (req) => board.board(req.actor, req.params.id, req.params.unitId, req.query),
  );
  app.get(
    '/api/review-periods/:id/units/:unitId/meeting',
    { schema: { tags, params: PeriodUnitParams, response: { 200: ReviewMeetingView.nullable() } } },
    (req) => board.meeting(req.actor, req.params.id, req.params.unitId),
  );
  app.put(
    '/api/review-periods/:id/units/:unitId/meeting',
    { schema: { tags, params: PeriodUnitParams, body: MeetingInput, response: { 200: ReviewMeetingView } } },
    (req) => board.saveMeeting(req.actor, req.params.id, req.params.unitId, req.body),
  );
  app.post(
    '/api/review-periods/:id/units/:unitId/publish',
    { schema: { tags, params: PeriodUnitParams, response: { 200: PublishResult } } },
    (req) => board.publish(req.actor, req.params.id, req.params.unitId),
  );
  for (const kind of ['docx', 'xlsx'] as const) {
    app.get(
      `/api/review-periods/:id/units/:unitId/classification.${kind}`,
      {
        schema: {
          tags,
          params: PeriodUnitParams,
          querystring: BoardQuery,
          summary: `The unit's classification table as .${kind}`,
        },
      },
      async (req, reply) => {
        const { fileName, bytes } = await board.classificationFile(
          req.actor,
          req.params.id,
          req.params.unitId,
          req.query,
          kind,
        );
        const type = kind === 'docx' ? DOCX_CONTENT_TYPE : XLSX_CONTENT_TYPE;
        return reply.type(type).header('content-disposition', attachment(fileName)).send(bytes);
      },
    );
  }

  app.get(
    '/api/annual-reviews',
    { schema: { tags, querystring: AnnualReviewListQuery, response: { 200: AnnualReviewPage } } },
    (req) => reviews.list(req.actor, req.query),
  );
  app.get('/api/annual-reviews/mine', { schema: { tags, response: { 200: AnnualReviewList } } }, (req) =>
    reviews.mine(req.actor),
  );
  app.get(
    '/api/annual-reviews/:id',
    { schema: { tags, params: IdParams, response: { 200: AnnualReviewDetail } } },
    (req) => reviews.detail(req.actor, req.params.id),
  );
  const detail = { 200: AnnualReviewDetail };
  app.post(
    '/api/annual-reviews/:id/self',
    { schema: { tags, params: IdParams, body: SelfReviewInput, response: detail } },
    (req) => reviews.selfReview(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/annual-reviews/:id/comment',
    { schema: { tags, params: IdParams, body: CommentInput, response: detail } },
    (req) => reviews.comment(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/annual-reviews/:id/propose',
    { schema: { tags, params: IdParams, body: ProposeInput, response: detail } },
    (req) => reviews.propose(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/annual-reviews/:id/decide',
    { schema: { tags, params: IdParams, body: DecideInput, response: detail } },
    (req) => reviews.decide(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/annual-reviews/:id/reopen',
    { schema: { tags, params: IdParams, body: ReopenInput, response: detail } },
    (req) => reviews.reopen(req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/annual-reviews/:id/self-review.docx',
    { schema: { tags, params: IdParams, summary: 'The self-review form as .docx' } },
    async (req, reply) => {
      const { fileName, bytes } = await reviews.selfReviewFile(req.actor, req.params.id);
      return reply.type(DOCX_CONTENT_TYPE).header('content-disposition', attachment(fileName)).send(bytes);
    },
  );
  app.get(
    '/api/people/:id/annual-results',
    { schema: { tags: ['people', ...tags], params: IdParams, response: { 200: FiledResultList } } },
    (req) => reviews.personResults(req.actor, req.params.id),
  );
}
