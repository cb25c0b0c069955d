import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/** The SPA is same-origin only; Ant Design injects styles at run time, hence 'unsafe-inline' for styles. */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/**
 * Helmet's security headers on every response. The middleware is built once: the Fastify plugin
 * rebuilt it, CSP parsing included, on every request (docs/PERFORMANCE.md, "Sixth pass").
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  const apply = helmet({ contentSecurityPolicy: { directives: CSP } });
  app.addHook('onRequest', (request, reply, done) => {
    apply(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
}
