import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor';
import type { AppContext } from '../context';
import { AppError, Forbidden, Unauthenticated } from '../errors';
import { randomToken } from '../ids';
import { findSession, type SessionRow, touchSession } from '../modules/auth/auth.repository';
import { type Pending, pendingStep } from '../modules/auth/auth.service';
import { isSessionLive, needsTouch, sessionIdOf } from '../modules/auth/sessions';

export const SESSION_COOKIE = 'canbo_session';
export const CSRF_COOKIE = 'canbo_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Who may call a route: `public` (anyone), `pending` (signed in, even before a forced password
 * change or two-factor enrolment), `user` (signed in and cleared to use the app; the default).
 */
export type RouteAccess = 'public' | 'pending' | 'user';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    session: (SessionRow & { pending: Pending }) | null;
    actor: Actor;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieOptions(request: FastifyRequest, httpOnly: boolean) {
  return { path: '/', httpOnly, sameSite: 'strict' as const, secure: request.protocol === 'https' };
}

/** Pre-session CSRF token for the sign-in form (double-submit cookie). */
export function issueCsrfCookie(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[\w-]{20,64}$/.test(existing)) return existing;
  const token = randomToken(24);
  reply.setCookie(CSRF_COOKIE, token, cookieOptions(request, false));
  return token;
}

export function registerSession(app: FastifyInstance, ctx: AppContext): void {
  const policy = {
    idleMinutes: ctx.config.sessionIdleMinutes,
    absoluteHours: ctx.config.sessionAbsoluteHours,
  };
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null as unknown as Actor);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const access = request.routeOptions.config.access ?? 'user';
    const token = request.cookies[SESSION_COOKIE];
    if (token && token.length <= 100) {
      const now = new Date();
      const session = await findSession(ctx.db, ctx.tenantId, sessionIdOf(token));
      if (session && !session.disabled && isSessionLive(policy, session, now)) {
        if (needsTouch(session, now)) await touchSession(ctx.db, ctx.tenantId, session.id, now);
        request.session = { ...session, pending: pendingStep(session) };
        request.actor = {
          kind: 'user',
          tenantId: ctx.tenantId,
          userId: session.userId,
          displayName: session.displayName,
          grants: session.grants,
          requestId: request.id,
          ip: request.ip,
        };
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      const expected = request.session ? request.session.csrfToken : request.cookies[CSRF_COOKIE];
      if (!sameToken(typeof header === 'string' ? header : undefined, expected)) {
        throw new AppError(
          403,
          'CSRF_INVALID',
          'Phiên làm việc không hợp lệ, hãy tải lại trang.',
          'Missing or invalid CSRF token; reload the page.',
        );
      }
    }
    if (access === 'public') return;
    if (!request.session) throw new Unauthenticated();
    if (access === 'user' && request.session.pending === 'password_change') {
      throw new Forbidden(
        'Bạn cần đổi mật khẩu trước khi tiếp tục.',
        'Change your password first.',
        'PASSWORD_CHANGE_REQUIRED',
      );
    }
    if (access === 'user' && request.session.pending === 'totp_enrollment') {
      throw new Forbidden(
        'Bạn cần bật xác thực hai lớp trước khi tiếp tục.',
        'Set up two-factor authentication first.',
        'TOTP_ENROLLMENT_REQUIRED',
      );
    }
  });
}
