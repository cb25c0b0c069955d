import {
  AsOfQuery,
  CreateUnitInput,
  IdParams,
  UnitDetail,
  UnitHistory,
  UnitListQuery,
  UnitPositionPage,
  UnitPositionsQuery,
  UnitSummary,
  UnitView,
  UpdateUnitInput,
} from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../../http/app';

const tags = ['units'];

export function registerUnitRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { units } = services;

  app.get(
    '/api/units',
    {
      schema: {
        tags,
        summary: "Children of a unit, the top of the caller's scope, or a search; today or as of a date",
        querystring: UnitListQuery,
        response: { 200: z.object({ items: z.array(UnitView) }) },
      },
    },
    async (request) => ({ items: await units.list(request.actor, request.query) }),
  );
  app.get(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary: 'A unit today or as of a date, with its ancestors, predecessors and successors',
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: UnitDetail },
      },
    },
    (request) => units.detail(request.actor, request.params.id, request.query.asOf),
  );
  app.post(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'Create a unit (from validFrom, default today)',
        body: CreateUnitInput,
        response: { 201: UnitView },
      },
    },
    async (request, reply) => reply.status(201).send(await units.create(request.actor, request.body)),
  );
  app.patch(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary: 'Rename or correct a unit from an effective date (a dated version; needs units.manage)',
        params: IdParams,
        body: UpdateUnitInput,
        response: { 200: UnitDetail },
      },
    },
    (request) => units.update(request.actor, request.params.id, request.body),
  );
  app.get(
    '/api/units/:id/history',
    {
      schema: {
        tags,
        summary: 'Dated versions and restructuring operations of a unit',
        params: IdParams,
        response: { 200: UnitHistory },
      },
    },
    (request) => units.history(request.actor, request.params.id),
  );
  app.get(
    '/api/units/:id/summary',
    {
      schema: {
        tags,
        summary: 'Counts of sub-units, posts and people on a date',
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: UnitSummary },
      },
    },
    (request) => units.summary(request.actor, request.params.id, request.query.asOf),
  );
  app.get(
    '/api/units/:id/positions',
    {
      schema: {
        tags,
        summary:
          'Posts held in the unit and not ended by the date (the split wizard assigns them); needs people.read',
        params: IdParams,
        querystring: UnitPositionsQuery,
        response: { 200: UnitPositionPage },
      },
    },
    (request) => units.positions(request.actor, request.params.id, request.query),
  );
}
