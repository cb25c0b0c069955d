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
 * Helmet's security headers on every response. They do not depend on the request, so Helmet runs once,
 * into a list, and each response gets the list: the Fastify plugin rebuilt Helmet's middleware, CSP
 * parsing included, on every request (docs/PERFORMANCE.md, "Sixth pass").
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  const headers = helmetHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}

/** The headers Helmet sets, with the product's CSP, in the order it sets them. */
export function helmetHeaders(): [string, string][] {
  const set = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string) => set.set(name, value),
    removeHeader: (name: string) => set.delete(name),
  };
  helmet({ contentSecurityPolicy: { directives: CSP } })(
    {} as never,
    response as never,
    (error?: unknown) => {
      if (error) throw error;
    },
  );
  return [...set];
}
