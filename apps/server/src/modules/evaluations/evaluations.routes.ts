import {
  BulkInput,
  BulkResult,
  CloseCycleResult,
  CycleUnitParams,
  EvaluationDetail,
  EvaluationListQuery,
  EvaluationPage,
  GradeHistory,
  IdParams,
  KpiEntryParams,
  KpiEntryView,
  Monitor,
  MonitorQuery,
  ObjectiveCauseInput,
  ReasonInput,
  SaveKpiInput,
  SaveScoresInput,
  StepInput,
  UnitBoard,
} from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/app';

const tags = ['evaluations'];

/** The workflow and control routes of periodic evaluation (docs/EVALUATIONS.md, "API"). */
export function registerEvaluationRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { evaluations, kpi, board, close, monitor } = services.evaluationWorkflow;
  const detail = { 200: EvaluationDetail };

  app.get(
    '/api/evaluations',
    { schema: { tags, querystring: EvaluationListQuery, response: { 200: EvaluationPage } } },
    (r) => evaluations.list(r.actor, r.query),
  );
  app.get('/api/evaluations/mine', { schema: { tags, response: { 200: EvaluationPage } } }, (r) =>
    evaluations.mine(r.actor),
  );
  app.get('/api/evaluations/:id', { schema: { tags, params: IdParams, response: detail } }, (r) =>
    evaluations.get(r.actor, r.params.id),
  );
  app.put(
    '/api/evaluations/:id/draft',
    { schema: { tags, params: IdParams, body: SaveScoresInput, response: detail } },
    (r) => evaluations.saveDraft(r.actor, r.params.id, r.body),
  );
  app.post(
    '/api/evaluations/:id/submit',
    { schema: { tags, params: IdParams, body: SaveScoresInput, response: detail } },
    (r) => evaluations.submit(r.actor, r.params.id, r.body),
  );
  app.post(
    '/api/evaluations/:id/review',
    { schema: { tags, params: IdParams, body: StepInput, response: detail } },
    (r) => evaluations.review(r.actor, r.params.id, r.body),
  );
  app.post(
    '/api/evaluations/review-bulk',
    { schema: { tags, body: BulkInput, response: { 200: BulkResult } } },
    (r) => evaluations.reviewBulk(r.actor, r.body),
  );
  app.post(
    '/api/evaluations/:id/return',
    { schema: { tags, params: IdParams, body: ReasonInput, response: detail } },
    (r) => evaluations.returnItem(r.actor, r.params.id, r.body),
  );
  app.post(
    '/api/evaluations/:id/decide',
    { schema: { tags, params: IdParams, body: StepInput, response: detail } },
    (r) => evaluations.decide(r.actor, r.params.id, r.body),
  );
  app.post(
    '/api/evaluations/:id/complaint',
    { schema: { tags, params: IdParams, body: ReasonInput, response: detail } },
    (r) => evaluations.complain(r.actor, r.params.id, r.body),
  );
  app.post(
    '/api/evaluations/:id/reopen',
    { schema: { tags, params: IdParams, body: ReasonInput, response: detail } },
    (r) => evaluations.reopen(r.actor, r.params.id, r.body),
  );
  app.put(
    '/api/evaluations/:id/kpi',
    { schema: { tags, params: IdParams, body: SaveKpiInput, response: detail } },
    (r) => kpi.save(r.actor, r.params.id, r.body),
  );
  app.post(
    '/api/evaluations/:id/kpi/:entryId/objective',
    { schema: { tags, params: KpiEntryParams, body: ObjectiveCauseInput, response: { 200: KpiEntryView } } },
    (r) => kpi.objective(r.actor, r.params.id, r.params.entryId, r.body),
  );

  app.get(
    '/api/cycles/:id/units/:unitId/board',
    { schema: { tags, params: CycleUnitParams, response: { 200: UnitBoard } } },
    (r) => board.board(r.actor, r.params.id, r.params.unitId),
  );
  app.post(
    '/api/cycles/:id/units/:unitId/decide-all',
    { schema: { tags, params: CycleUnitParams, response: { 200: UnitBoard } } },
    (r) => board.decideAll(r.actor, r.params.id, r.params.unitId),
  );
  app.post(
    '/api/cycles/:id/units/:unitId/publish',
    { schema: { tags, params: CycleUnitParams, response: { 200: UnitBoard } } },
    (r) => board.publish(r.actor, r.params.id, r.params.unitId),
  );
  app.post(
    '/api/cycles/:id/close',
    { schema: { tags, params: IdParams, response: { 200: CloseCycleResult } } },
    (r) => close.close(r.actor, r.params.id),
  );
  app.get(
    '/api/cycles/:id/monitor',
    { schema: { tags, params: IdParams, querystring: MonitorQuery, response: { 200: Monitor } } },
    (r) => monitor.monitor(r.actor, r.params.id, r.query.unitId),
  );
  app.get(
    '/api/people/:id/evaluations',
    { schema: { tags, params: IdParams, response: { 200: GradeHistory } } },
    (r) => monitor.history(r.actor, r.params.id),
  );
}
