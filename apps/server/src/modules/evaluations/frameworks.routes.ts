import {
  CreateFrameworkInput,
  FrameworkListQuery,
  FrameworkPage,
  FrameworkView,
  IdParams,
  RuleSetList,
  UpdateFrameworkInput,
  VersionInput,
} from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/app';

const tags = ['evaluations'];

export function registerFrameworkRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { frameworks } = services;

  app.get(
    '/api/evaluation/rule-sets',
    {
      schema: {
        tags,
        summary: 'Rule sets with their groups, thresholds and parameters',
        response: { 200: RuleSetList },
      },
    },
    async () => frameworks.ruleSets(),
  );
  app.get(
    '/api/frameworks',
    {
      schema: {
        tags,
        summary: 'Frameworks of units in the caller’s evaluation scope or above it',
        querystring: FrameworkListQuery,
        response: { 200: FrameworkPage },
      },
    },
    (request) => frameworks.list(request.actor, request.query),
  );
  app.post(
    '/api/frameworks',
    { schema: { tags, body: CreateFrameworkInput, response: { 201: FrameworkView } } },
    async (request, reply) => reply.status(201).send(await frameworks.create(request.actor, request.body)),
  );
  app.get(
    '/api/frameworks/:id',
    { schema: { tags, params: IdParams, response: { 200: FrameworkView } } },
    (request) => frameworks.get(request.actor, request.params.id),
  );
  app.patch(
    '/api/frameworks/:id',
    { schema: { tags, params: IdParams, body: UpdateFrameworkInput, response: { 200: FrameworkView } } },
    (request) => frameworks.update(request.actor, request.params.id, request.body),
  );
  app.post(
    '/api/frameworks/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft: it never changes again',
        params: IdParams,
        body: VersionInput,
        response: { 200: FrameworkView },
      },
    },
    (request) => frameworks.publish(request.actor, request.params.id, request.body.version),
  );
}
