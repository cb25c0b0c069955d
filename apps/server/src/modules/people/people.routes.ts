import {
  AwardView,
  CreateAwardInput,
  CreateDisciplineInput,
  CreatePersonInput,
  CreatePositionInput,
  CreateTrainingInput,
  DeleteItemQuery,
  DisciplineView,
  EndPositionInput,
  IdParams,
  PersonHistory,
  PersonItemParams,
  PersonListQuery,
  PersonPage,
  PersonProfile,
  PositionView,
  TrainingView,
  UpdateAwardInput,
  UpdateDisciplineInput,
  UpdatePersonInput,
  UpdatePositionInput,
  UpdateTrainingInput,
} from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../../http/app';

const tags = ['people'];
const NoContent = z.null();

export function registerPeopleRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { people } = services;
  const { positions, disciplines, awards, trainings } = people.records;

  app.get(
    '/api/people',
    { schema: { tags, querystring: PersonListQuery, response: { 200: PersonPage } } },
    (request) => people.list(request.actor, request.query),
  );
  app.post(
    '/api/people',
    { schema: { tags, body: CreatePersonInput, response: { 201: PersonProfile } } },
    async (request, reply) => reply.status(201).send(await people.create(request.actor, request.body)),
  );
  app.get('/api/people/me', { schema: { tags, response: { 200: PersonProfile } } }, (request) =>
    people.me(request.actor),
  );
  app.get(
    '/api/people/:id',
    { schema: { tags, params: IdParams, response: { 200: PersonProfile } } },
    (request) => people.get(request.actor, request.params.id),
  );
  app.patch(
    '/api/people/:id',
    { schema: { tags, params: IdParams, body: UpdatePersonInput, response: { 200: PersonProfile } } },
    (request) => people.update(request.actor, request.params.id, request.body),
  );
  app.get(
    '/api/people/:id/history',
    { schema: { tags, params: IdParams, response: { 200: PersonHistory } } },
    (request) => people.history(request.actor, request.params.id),
  );

  // Sub-records: POST to the collection, PATCH and DELETE (?version=) an item.
  const sections = [
    ['positions', positions, CreatePositionInput, UpdatePositionInput, PositionView],
    ['disciplines', disciplines, CreateDisciplineInput, UpdateDisciplineInput, DisciplineView],
    ['awards', awards, CreateAwardInput, UpdateAwardInput, AwardView],
    ['trainings', trainings, CreateTrainingInput, UpdateTrainingInput, TrainingView],
  ] as const;
  for (const [path, service, create, update, view] of sections) {
    app.post(
      `/api/people/:id/${path}`,
      { schema: { tags, params: IdParams, body: create, response: { 201: view } } },
      async (request, reply) =>
        reply.status(201).send(await service.add(request.actor, request.params.id, request.body)),
    );
    app.patch(
      `/api/people/:id/${path}/:itemId`,
      { schema: { tags, params: PersonItemParams, body: update, response: { 200: view } } },
      (request) => service.update(request.actor, request.params.id, request.params.itemId, request.body),
    );
    app.delete(
      `/api/people/:id/${path}/:itemId`,
      {
        schema: {
          tags,
          params: PersonItemParams,
          querystring: DeleteItemQuery,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await service.remove(request.actor, request.params.id, request.params.itemId, request.query.version);
        return reply.status(204).send(null);
      },
    );
  }
  app.post(
    '/api/people/:id/positions/:itemId/end',
    { schema: { tags, params: PersonItemParams, body: EndPositionInput, response: { 200: PositionView } } },
    (request) => positions.end(request.actor, request.params.id, request.params.itemId, request.body),
  );
}
