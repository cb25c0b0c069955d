import {
  AddProgressInput,
  CreateTargetInput,
  CreateWorkItemInput,
  IdParams,
  IndicatorByUnitQuery,
  IndicatorByUnitView,
  IndicatorParams,
  IndicatorQuery,
  IndicatorRegistryView,
  IndicatorTable,
  TargetListQuery,
  TargetListView,
  TargetView,
  UpdateTargetInput,
  UpdateWorkItemInput,
  WorkItemListQuery,
  WorkItemListView,
  WorkItemView,
} from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/app';

const tags = ['reports'];

/**
 * Reports (docs/REPORTS.md): the indicators registry and its computed tables, targets with their
 * progress, and the work programme. Read with reports.read over the unit; targets and work items are
 * written with units.manage over theirs.
 */
export function registerReportRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { indicators, targets, workItems } = services;

  app.get('/api/indicators', { schema: { tags, response: { 200: IndicatorRegistryView } } }, (req) =>
    indicators.registry(req.actor),
  );
  app.get(
    '/api/indicators/:id',
    {
      schema: {
        tags,
        params: IndicatorParams,
        querystring: IndicatorQuery,
        response: { 200: IndicatorTable },
      },
    },
    (req) => indicators.compute(req.actor, req.params.id, req.query),
  );
  app.get(
    '/api/indicators/:id/by-unit',
    {
      schema: {
        tags,
        params: IndicatorParams,
        querystring: IndicatorByUnitQuery,
        response: { 200: IndicatorByUnitView },
      },
    },
    (req) => indicators.byUnit(req.actor, req.params.id, req.query),
  );

  app.get(
    '/api/targets',
    { schema: { tags, querystring: TargetListQuery, response: { 200: TargetListView } } },
    (req) => targets.list(req.actor, req.query),
  );
  app.post(
    '/api/targets',
    { schema: { tags, body: CreateTargetInput, response: { 201: TargetView } } },
    async (req, reply) => reply.status(201).send(await targets.create(req.actor, req.body)),
  );
  app.get('/api/targets/:id', { schema: { tags, params: IdParams, response: { 200: TargetView } } }, (req) =>
    targets.get(req.actor, req.params.id),
  );
  app.patch(
    '/api/targets/:id',
    { schema: { tags, params: IdParams, body: UpdateTargetInput, response: { 200: TargetView } } },
    (req) => targets.update(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/targets/:id/progress',
    { schema: { tags, params: IdParams, body: AddProgressInput, response: { 200: TargetView } } },
    (req) => targets.addProgress(req.actor, req.params.id, req.body),
  );

  app.get(
    '/api/work-items',
    { schema: { tags, querystring: WorkItemListQuery, response: { 200: WorkItemListView } } },
    (req) => workItems.list(req.actor, req.query),
  );
  app.post(
    '/api/work-items',
    { schema: { tags, body: CreateWorkItemInput, response: { 201: WorkItemView } } },
    async (req, reply) => reply.status(201).send(await workItems.create(req.actor, req.body)),
  );
  app.patch(
    '/api/work-items/:id',
    { schema: { tags, params: IdParams, body: UpdateWorkItemInput, response: { 200: WorkItemView } } },
    (req) => workItems.update(req.actor, req.params.id, req.body),
  );
}
