import { type APIRequestContext, request } from 'playwright-core';
import { expect } from 'vitest';

/** A user's own API session, beside the browser: what a journey needs to know or set up, without clicking. */
export interface Api {
  /** GET a path; throws with the answer on a non-2xx status. */
  get<T>(path: string): Promise<T>;
  /** A change with the session's CSRF token; throws with the answer on a non-2xx status. */
  send<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T>;
  dispose(): Promise<void>;
}

/** Signs a user in on a fresh request context (CSRF token first, as the web app does); fails the test when refused. */
export async function apiAs(baseURL: string, username: string, password: string): Promise<Api> {
  const ctx: APIRequestContext = await request.newContext({ baseURL });
  const pre = (await (await ctx.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const signIn = await ctx.post('/api/auth/sign-in', {
    data: { username, password },
    headers: { 'x-csrf-token': pre.csrfToken },
  });
  expect(signIn.status(), `sign-in of ${username}`).toBe(200);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await ctx.fetch(path, {
      method,
      headers: { 'x-csrf-token': csrfToken },
      ...(body === undefined ? {} : { data: body }),
    });
    if (!res.ok()) throw new Error(`${username}: ${method} ${path} → ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    get: (path) => call('GET', path),
    send: (method, path, body) => call(method, path, body),
    dispose: () => ctx.dispose(),
  };
}
