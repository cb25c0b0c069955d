import type { ErrorBody } from '@canbo/domain';
import i18n from '../i18n';

export type ErrorDetail = ErrorBody['error']['details'][number];

/** An error answered by the API, in the shape `{"error":{code,message,messageEn,details}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message in the UI language: Vietnamese unless English is chosen. */
  localized(lang: string): string {
    return lang.startsWith('en') ? this.messageEn || this.message : this.message;
  }

  detail(path: string): ErrorDetail | undefined {
    return this.details.find((d) => d.path === path);
  }
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

/** The CSRF token lives in memory only; the server also pins it to the session cookie. */
let csrfToken: string | null = null;
let csrfLoading: Promise<string> | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function fetchCsrfToken(): Promise<string> {
  const res = await fetch('/api/auth/csrf', {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (!res.ok) throw await toApiError(res);
  const body = (await res.json()) as { csrfToken: string };
  csrfToken = body.csrfToken;
  return body.csrfToken;
}

export async function ensureCsrfToken(): Promise<string> {
  if (csrfToken) return csrfToken;
  csrfLoading ??= fetchCsrfToken().finally(() => {
    csrfLoading = null;
  });
  return csrfLoading;
}

/** Listeners told when a request finds the session gone (401 UNAUTHENTICATED). */
type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> | null = null;
  try {
    body = (await res.json()) as Partial<ErrorBody>;
  } catch {
    body = null;
  }
  const e = body?.error;
  if (e?.code) {
    return new ApiError(
      res.status,
      e.code,
      e.message ?? e.code,
      e.messageEn ?? e.message ?? e.code,
      e.details ?? [],
    );
  }
  return localError(res.status, `HTTP_${res.status}`, 'errors.http', { status: res.status });
}

/** An error found on this side (no answer, no error body), worded like the server's, in both languages. */
function localError(
  status: number,
  code: string,
  key: 'errors.http' | 'errors.network',
  values = {},
): ApiError {
  return new ApiError(
    status,
    code,
    i18n.t(key, { ...values, lng: 'vi' }),
    i18n.t(key, { ...values, lng: 'en' }),
  );
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds `?a=1&b=2`, leaving out empty values (the API rejects unknown or blank filters). */
export function queryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send(method: Method, path: string, body: unknown, retried: boolean): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = await ensureCsrfToken();
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw localError(0, 'NETWORK', 'errors.network');
  }
  // A stale token (e.g. after the session rotated): fetch a fresh one and try once more.
  if (res.status === 403 && method !== 'GET' && !retried) {
    const err = await toApiError(res.clone());
    if (err.code.includes('CSRF')) {
      csrfToken = null;
      return send(method, path, body, true);
    }
  }
  return res;
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body, false);
  if (!res.ok) {
    const err = await toApiError(res);
    if (err.status === 401 && err.code === 'UNAUTHENTICATED') {
      // The session is gone, and its CSRF token with it.
      csrfToken = null;
      if (path !== '/auth/me') for (const listener of unauthenticatedListeners) listener();
    }
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', `${path}${queryString(query)}`),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** Sends one file as multipart/form-data (field `file`), with the CSRF token like any other write. */
export async function uploadFile<T>(path: string, file: File, retried = false): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-CSRF-Token': await ensureCsrfToken() },
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw localError(0, 'NETWORK', 'errors.network');
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 403 && !retried && err.code.includes('CSRF')) {
      csrfToken = null;
      return uploadFile<T>(path, file, true);
    }
    if (err.status === 401 && err.code === 'UNAUTHENTICATED') {
      csrfToken = null;
      for (const listener of unauthenticatedListeners) listener();
    }
    throw err;
  }
  return (await res.json()) as T;
}
