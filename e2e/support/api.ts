import { type APIRequestContext, request } from 'playwright-core';
import { expect } from 'vitest';

/** A user's own API session, beside the browser: what a journey needs to know, read without clicking. */
export interface Api {
  /** GET a path; throws with the answer on a non-2xx status. */
  get<T>(path: string): Promise<T>;
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
  return {
    get: async <T>(path: string) => {
      const res = await ctx.get(path);
      if (!res.ok()) throw new Error(`${username}: GET ${path} → ${res.status()} ${await res.text()}`);
      return (await res.json()) as T;
    },
    dispose: () => ctx.dispose(),
  };
}
