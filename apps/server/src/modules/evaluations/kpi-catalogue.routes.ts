import {
  CreateKpiProductInput,
  IdParams,
  KpiProductList,
  KpiProductPage,
  KpiProductQuery,
  KpiProductView,
  UpdateKpiProductInput,
} from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/app';

const tags = ['evaluations'];

export function registerKpiCatalogueRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { kpiCatalogue } = services;

  app.get(
    '/api/kpi-products',
    {
      schema: {
        tags,
        summary: 'KPI products of units in the caller’s evaluation scope or above it (Decree 335)',
        querystring: KpiProductQuery,
        response: { 200: KpiProductPage },
      },
    },
    (request) => kpiCatalogue.list(request.actor, request.query),
  );
  app.get(
    '/api/evaluations/:id/kpi-products',
    {
      schema: {
        tags,
        summary:
          'Active KPI products of the evaluation’s unit and the units above it, to record figures against',
        params: IdParams,
        response: { 200: KpiProductList },
      },
    },
    (request) => kpiCatalogue.forEvaluation(request.actor, request.params.id),
  );
  app.post(
    '/api/kpi-products',
    { schema: { tags, body: CreateKpiProductInput, response: { 201: KpiProductView } } },
    async (request, reply) => reply.status(201).send(await kpiCatalogue.create(request.actor, request.body)),
  );
  app.patch(
    '/api/kpi-products/:id',
    { schema: { tags, params: IdParams, body: UpdateKpiProductInput, response: { 200: KpiProductView } } },
    (request) => kpiCatalogue.update(request.actor, request.params.id, request.body),
  );
}
