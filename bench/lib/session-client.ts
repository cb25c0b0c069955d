/** Sign-in over real HTTP, the way the web app does it: CSRF token first, then the form. */
import { CSRF_COOKIE, SESSION_COOKIE } from '@canbo/server/src/http/session';
import { BenchFailure } from './failure';

function cookieValue(response: Response, name: string): string | null {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const at = pair?.indexOf('=') ?? -1;
    if (at > 0 && pair!.slice(0, at).trim() === name) return pair!.slice(at + 1).trim();
  }
  return null;
}

async function failure(what: string, response: Response): Promise<Error> {
  const body = await response.text().catch(() => '');
  return new BenchFailure(`${what} answered ${response.status}: ${body.slice(0, 300)}`);
}

export interface CsrfToken {
  token: string;
  cookie: string;
}

export async function fetchCsrf(baseUrl: string): Promise<CsrfToken> {
  const response = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!response.ok) throw await failure('GET /api/auth/csrf', response);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = cookieValue(response, CSRF_COOKIE) ?? csrfToken;
  return { token: csrfToken, cookie: `${CSRF_COOKIE}=${cookie}` };
}

/** POST /api/auth/sign-in; returns the `Cookie` header value that carries the new session. */
export async function signIn(
  baseUrl: string,
  csrf: CsrfToken,
  username: string,
  password: string,
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: csrf.cookie, 'x-csrf-token': csrf.token },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw await failure(`POST /api/auth/sign-in as ${username}`, response);
  await response.arrayBuffer();
  const session = cookieValue(response, SESSION_COOKIE);
  if (!session) throw new BenchFailure('POST /api/auth/sign-in set no session cookie');
  return `${SESSION_COOKIE}=${session}`;
}

/** A GET that must answer 200; returns the parsed body. */
export async function getJson<T>(baseUrl: string, path: string, cookie: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  if (!response.ok) throw await failure(`GET ${path}`, response);
  return (await response.json()) as T;
}
