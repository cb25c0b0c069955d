import type { App } from '../src/http/app';

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** An HTTP client over app.inject that keeps cookies and sends the CSRF header like the web app. */
export interface Client {
  csrfToken: string | null;
  cookies: Map<string, string>;
  signIn(username: string, password: string, totpCode?: string): Promise<Response>;
  get<T = any>(url: string): Promise<Response<T>>;
  post<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  put<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  patch<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  delete<T = any>(url: string): Promise<Response<T>>;
  raw(options: {
    method: string;
    url: string;
    payload?: string | Buffer;
    headers?: Record<string, string>;
  }): Promise<Response>;
}

export function clientFor(app: App): Client {
  const cookies = new Map<string, string>();

  async function raw(options: {
    method: string;
    url: string;
    payload?: string | Buffer;
    headers?: Record<string, string>;
  }): Promise<Response> {
    const res = await app.inject({
      method: options.method as 'GET',
      url: options.url,
      payload: options.payload,
      headers: {
        ...(cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...options.headers,
      },
    });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) cookies.delete(c.name);
      else cookies.set(c.name, c.value);
    }
    let body: unknown = res.body;
    if (res.headers['content-type']?.toString().includes('json') && res.body) body = JSON.parse(res.body);
    return { status: res.statusCode, body, headers: res.headers };
  }

  const client: Client = {
    csrfToken: null,
    cookies,
    raw,
    async signIn(username, password, totpCode) {
      if (!client.csrfToken) client.csrfToken = (await client.get('/api/auth/csrf')).body.csrfToken;
      const res = await client.post('/api/auth/sign-in', {
        username,
        password,
        ...(totpCode ? { totpCode } : {}),
      });
      if (res.status === 200) client.csrfToken = res.body.csrfToken;
      return res;
    },
    get: (url) => raw({ method: 'GET', url }),
    post: (url, body) => send('POST', url, body),
    put: (url, body) => send('PUT', url, body),
    patch: (url, body) => send('PATCH', url, body),
    delete: (url) => send('DELETE', url),
  };

  function send(method: string, url: string, body?: unknown) {
    return raw({
      method,
      url,
      payload: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
      },
    });
  }
  return client;
}
