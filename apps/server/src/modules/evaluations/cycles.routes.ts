import {
  CreateCycleInput,
  CycleListQuery,
  CyclePage,
  CycleUnitParams,
  CycleUnitView,
  CycleView,
  EnrolResult,
  IdParams,
  OpenedCycleView,
  OutstandingInput,
  ReviewSettingInput,
  ReviewSettingView,
  UnitIdParams,
  UpdateCycleInput,
} from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/app';

const tags = ['evaluations'];

export function registerCycleRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { cycles } = services;

  app.get(
    '/api/cycles',
    { schema: { tags, querystring: CycleListQuery, response: { 200: CyclePage } } },
    (request) => cycles.list(request.actor, request.query),
  );
  app.post(
    '/api/cycles',
    {
      schema: {
        tags,
        summary: 'Open a cycle for a subtree and enrol its people',
        body: CreateCycleInput,
        response: { 201: OpenedCycleView },
      },
    },
    async (request, reply) => reply.status(201).send(await cycles.create(request.actor, request.body)),
  );
  app.get(
    '/api/cycles/:id',
    { schema: { tags, params: IdParams, response: { 200: CycleView } } },
    (request) => cycles.get(request.actor, request.params.id),
  );
  app.patch(
    '/api/cycles/:id',
    { schema: { tags, params: IdParams, body: UpdateCycleInput, response: { 200: CycleView } } },
    (request) => cycles.update(request.actor, request.params.id, request.body),
  );
  app.post(
    '/api/cycles/:id/enrol',
    {
      schema: {
        tags,
        summary: 'Add people who joined or moved since the opening',
        params: IdParams,
        response: { 200: EnrolResult },
      },
    },
    (request) => cycles.enrol(request.actor, request.params.id),
  );
  app.put(
    '/api/cycles/:id/units/:unitId/outstanding',
    {
      schema: {
        tags,
        summary: 'Mark a unit outstanding for the period (higher quota where the rule set has one)',
        params: CycleUnitParams,
        body: OutstandingInput,
        response: { 200: CycleUnitView },
      },
    },
    (request) => cycles.setOutstanding(request.actor, request.params.id, request.params.unitId, request.body),
  );
  app.get(
    '/api/evaluation/units/:unitId/settings',
    { schema: { tags, params: UnitIdParams, response: { 200: ReviewSettingView } } },
    (request) => cycles.settings(request.actor, request.params.unitId),
  );
  app.put(
    '/api/evaluation/units/:unitId/settings',
    {
      schema: { tags, params: UnitIdParams, body: ReviewSettingInput, response: { 200: ReviewSettingView } },
    },
    (request) => cycles.saveSettings(request.actor, request.params.unitId, request.body),
  );
}
