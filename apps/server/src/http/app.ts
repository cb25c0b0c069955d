import fs from 'node:fs';
import { Health } from '@canbo/domain';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context';
import { newId } from '../ids';
import { registerAbsenceRoutes } from '../modules/annual/absences.routes';
import { registerAnnualRoutes } from '../modules/annual/annual.routes';
import { registerWeakOrgRoutes } from '../modules/annual/weak-orgs.routes';
import { registerAuditRoutes } from '../modules/audit/audit.routes';
import { registerAuthRoutes } from '../modules/auth/auth.routes';
import { registerControlRoutes } from '../modules/control/control.routes';
import { registerCycleRoutes } from '../modules/evaluations/cycles.routes';
import { registerDelegationRoutes } from '../modules/evaluations/delegations.routes';
import { registerEvaluationRoutes } from '../modules/evaluations/evaluations.routes';
import { registerFindingRoutes } from '../modules/evaluations/findings.routes';
import { registerFrameworkRoutes } from '../modules/evaluations/frameworks.routes';
import { registerKpiCatalogueRoutes } from '../modules/evaluations/kpi-catalogue.routes';
import { registerTaskRoutes } from '../modules/evaluations/tasks.routes';
import { registerImportRoutes } from '../modules/imports/imports.routes';
import { registerJobRoutes } from '../modules/jobs/jobs.routes';
import { registerNotificationRoutes } from '../modules/notifications/notifications.routes';
import { registerPeopleRoutes } from '../modules/people/people.routes';
import { registerReportBuilderRoutes } from '../modules/reports/report-runs.routes';
import { registerReportRoutes } from '../modules/reports/reports.routes';
import { registerSettingsRoutes } from '../modules/settings/settings.routes';
import { registerOrgRoutes } from '../modules/units/org.routes';
import { registerUnitRoutes } from '../modules/units/units.routes';
import { registerUserRoutes } from '../modules/users/users.routes';
import { registerVoteRoutes } from '../modules/votes/votes.routes';
import { createServices, type Services } from '../services';
import { registerErrorMapper } from './error-mapper';
import { normalizeInput } from './normalize-input';
import { responseSerializerCompiler } from './response-serializer';
import { registerSecurityHeaders } from './security-headers';
import { registerSession } from './session';

/** A route of the API, as registered (`/api/users/:id`). */
export interface RouteEntry {
  method: string;
  url: string;
}

export type App = FastifyInstance & { services: Services; routeList: RouteEntry[] };

/**
 * One log line per request, when it is answered, with the request's method, URL and address, instead
 * of Fastify's two (one on arrival). Errors are logged as before.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) {
      reply.log.error(
        { req: request, res: reply, err: error, responseTime: reply.elapsedTime },
        'request errored',
      );
    } else {
      // Plain fields: the request and reply serialisers cost more than the line itself.
      reply.log.info(
        {
          method: request.method,
          url: request.url,
          ip: request.ip,
          statusCode: reply.statusCode,
          responseTime: reply.elapsedTime,
        },
        'request completed',
      );
    }
  }
}

export interface AppOptions {
  /** Serve the built web app (off in tests). */
  serveWeb?: boolean;
  signInRatePerMinute?: number;
}

export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    loggerInstance: ctx.logger as unknown as FastifyBaseLogger,
    bodyLimit: 256 * 1024,
    trustProxy: ctx.config.trustProxy,
    requestIdHeader: false,
    genReqId: () => newId(),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    logController: new OneLinePerRequest(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler(ctx.config.checkResponses));

  // Every API route, for checks that must cover them all (permission matrix, fuzzing).
  const routeList: RouteEntry[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeList.push({ method, url: route.url });
    }
  });

  const services = createServices(ctx);
  app.decorate('services', services);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Before the plugins: a plugin keeps the error handler in place when it was registered (the docs routes too).
  registerErrorMapper(app);
  registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'canbo API',
        description: 'Quản lý công tác cán bộ — cadre work management',
        version: ctx.config.version,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list' },
  });

  registerSession(app, ctx);
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined) request.body = normalizeInput(request.body, 'body');
    if (request.query && typeof request.query === 'object')
      request.query = normalizeInput(request.query, 'query');
  });

  const routes = { app, services, signInRatePerMinute: options.signInRatePerMinute ?? 20 };
  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['system'], response: { 200: Health } } },
    async () => ({ status: 'ok' as const, db: ctx.engine, version: ctx.config.version }),
  );
  registerAuthRoutes(routes);
  registerUserRoutes(routes);
  registerUnitRoutes(routes);
  registerOrgRoutes(routes);
  registerSettingsRoutes(routes);
  registerAuditRoutes(routes);
  registerJobRoutes(routes);
  registerPeopleRoutes(routes);
  registerImportRoutes(routes);
  registerEvaluationRoutes(routes);
  registerNotificationRoutes(routes);
  registerFrameworkRoutes(routes);
  registerCycleRoutes(routes);
  registerKpiCatalogueRoutes(routes);
  registerFindingRoutes(routes);
  registerTaskRoutes(routes);
  registerDelegationRoutes(routes);
  registerVoteRoutes(routes);
  registerAnnualRoutes(routes);
  registerWeakOrgRoutes(routes);
  registerAbsenceRoutes(routes);
  registerReportRoutes(routes);
  registerReportBuilderRoutes(routes);
  registerControlRoutes(routes);

  const serveWeb = options.serveWeb ?? true;
  const hasWeb = serveWeb && fs.existsSync(ctx.config.webDist);
  if (hasWeb) await app.register(fastifyStatic, { root: ctx.config.webDist, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: 'NOT_FOUND', message: 'Không tìm thấy.', messageEn: 'Not found.', details: [] },
    });
  });
  return app as unknown as App;
}

export type RouteDeps = { app: FastifyInstance; services: Services; signInRatePerMinute: number };
