import {
  ChangePasswordInput,
  CsrfView,
  Me,
  PasswordConfirmInput,
  SignInInput,
  TotpCodeInput,
  TotpSetupView,
} from '@canbo/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../../http/app';
import { CSRF_COOKIE, cookieOptions, issueCsrfCookie, SESSION_COOKIE } from '../../http/session';

const tags = ['auth'];
const NoContent = z.null();

export function registerAuthRoutes({ app: base, services, signInRatePerMinute }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { auth, users } = services;

  const me = async (request: FastifyRequest) => users.me(request.actor, request.session!);

  app.get(
    '/api/auth/csrf',
    { config: { access: 'public' }, schema: { tags, response: { 200: CsrfView } } },
    async (request, reply) => ({
      csrfToken: issueCsrfCookie(request, reply),
    }),
  );

  app.get('/api/auth/me', { config: { access: 'pending' }, schema: { tags, response: { 200: Me } } }, me);

  app.post(
    '/api/auth/sign-in',
    {
      config: {
        access: 'public',
        rateLimit: { max: signInRatePerMinute, timeWindow: '1 minute' },
      },
      schema: { tags, body: SignInInput, response: { 200: Me } },
    },
    async (request, reply) => {
      const signedIn = await auth.signIn(request.body, {
        requestId: request.id,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, signedIn.token, {
        ...cookieOptions(request, true),
        expires: signedIn.expiresAt,
      });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return users.meForSession(signedIn.sessionId, request.id, request.ip);
    },
  );

  app.post(
    '/api/auth/sign-out',
    { config: { access: 'pending' }, schema: { tags, response: { 204: NoContent } } },
    async (request, reply: FastifyReply) => {
      await auth.signOut(request.actor, request.session!.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'pending' },
      schema: { tags, body: ChangePasswordInput, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await auth.changePassword(
        request.actor,
        request.session!.id,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/totp/setup',
    { config: { access: 'pending' }, schema: { tags, response: { 200: TotpSetupView } } },
    async (request) => auth.setupTotp(request.actor),
  );

  app.post(
    '/api/auth/totp/enable',
    { config: { access: 'pending' }, schema: { tags, body: TotpCodeInput, response: { 204: NoContent } } },
    async (request, reply) => {
      await auth.enableTotp(request.actor, request.body.code);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/totp/disable',
    { schema: { tags, body: PasswordConfirmInput, response: { 204: NoContent } } },
    async (request, reply) => {
      const session = request.session!;
      const required = session.grants.some((g) => session.totpRequiredRoles.includes(g.role));
      await auth.disableTotp(request.actor, request.body.password, required);
      return reply.status(204).send(null);
    },
  );
}
