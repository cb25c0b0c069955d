import {
  CreatedUserView,
  CreateUserInput,
  GrantInput,
  GrantView,
  IdParams,
  TemporaryPasswordView,
  UpdateUserInput,
  UserListQuery,
  UserPage,
  UserView,
} from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../../http/app';

const tags = ['users'];
const NoContent = z.null();
const UserDetail = UserView.extend({ grants: z.array(GrantView) });

export function registerUserRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { users } = services;

  app.get(
    '/api/users',
    { schema: { tags, querystring: UserListQuery, response: { 200: UserPage } } },
    (request) => users.list(request.actor, request.query),
  );
  app.post(
    '/api/users',
    { schema: { tags, body: CreateUserInput, response: { 201: CreatedUserView } } },
    async (request, reply) => reply.status(201).send(await users.create(request.actor, request.body)),
  );
  app.get(
    '/api/users/:id',
    { schema: { tags, params: IdParams, response: { 200: UserDetail } } },
    (request) => users.get(request.actor, request.params.id),
  );
  app.patch(
    '/api/users/:id',
    { schema: { tags, params: IdParams, body: UpdateUserInput, response: { 200: UserView } } },
    (request) => users.update(request.actor, request.params.id, request.body),
  );
  app.post(
    '/api/users/:id/reset-password',
    { schema: { tags, params: IdParams, response: { 200: TemporaryPasswordView } } },
    (request) => users.resetPassword(request.actor, request.params.id),
  );
  app.post(
    '/api/users/:id/unlock',
    { schema: { tags, params: IdParams, response: { 204: NoContent } } },
    async (request, reply) => {
      await users.unlock(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/users/:id/reset-totp',
    { schema: { tags, params: IdParams, response: { 204: NoContent } } },
    async (request, reply) => {
      await users.resetTotp(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/users/:id/grants',
    { schema: { tags, params: IdParams, response: { 200: z.array(GrantView) } } },
    (request) => users.listGrants(request.actor, request.params.id),
  );
  app.post(
    '/api/users/:id/grants',
    { schema: { tags, params: IdParams, body: GrantInput, response: { 201: GrantView } } },
    async (request, reply) =>
      reply.status(201).send(await users.addGrant(request.actor, request.params.id, request.body)),
  );
  app.delete(
    '/api/grants/:id',
    { schema: { tags, params: IdParams, response: { 204: NoContent } } },
    async (request, reply) => {
      await users.removeGrant(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
