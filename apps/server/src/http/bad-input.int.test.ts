import { ErrorBody } from '@canbo/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Response } from '../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../test/context';

/** The error shape, with the Vietnamese message and its English twin. */
function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(ErrorBody.safeParse(res.body).success, JSON.stringify(res.body)).toBe(true);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message).not.toBe(res.body.error.messageEn);
}

function detailAt(res: Response, path: string) {
  return (res.body.error.details as { path: string; message: string; messageEn?: string }[]).find(
    (d) => d.path === path,
  );
}

describe('bad input is refused cleanly, odd text is stored faithfully', () => {
  let t: TestContext;
  let admin: Client;
  let ward: TestUnit;
  let counter = 0;
  const fresh = (prefix: string) => `${prefix}${Date.now().toString(36)}${counter++}`;

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Phường Điện Biên' });
    admin = await t.as(await t.build.user({ role: 'admin' }));
  });
  afterAll(() => t.close());

  const postJson = (client: Client, url: string, payload: string, contentType = 'application/json') =>
    client.raw({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': contentType, 'x-csrf-token': client.csrfToken! },
    });

  /** The body exactly as sent over the wire, not parsed. */
  async function rawBody(client: Client, url: string): Promise<string> {
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return (await t.app.inject({ method: 'GET', url, headers: { cookie } })).body;
  }

  const newUser = (overrides: Record<string, unknown>) =>
    admin.post('/api/users', {
      username: fresh('nd'),
      displayName: 'Lê Thị Hoa',
      unitId: ward.id,
      ...overrides,
    });

  it('answers malformed JSON with 400 INVALID_JSON', async () => {
    const res = await postJson(admin, '/api/units', `{"code": "X1", "name": "Tổ`);
    expectError(res, 400, 'INVALID_JSON');
    expect(res.body.error.message).toMatch(/JSON/);
    expectError(await postJson(admin, '/api/units', ''), 400, 'INVALID_JSON');
  });

  it('names the field of a wrong type, in Vietnamese and in English', async () => {
    const res = await newUser({ username: 42 });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.message).toBe('Dữ liệu không hợp lệ.');
    expect(res.body.error.messageEn).toBe('The request is invalid.');
    const detail = detailAt(res, 'body.username');
    expect(detail?.message).toMatch(/^body\.username: sai kiểu dữ liệu/);
    expect(detail?.messageEn).toMatch(/^body\.username: has the wrong type/);
  });

  it('names nested, query and path fields', async () => {
    const nested = await newUser({ grants: [{ role: 'emperor', unitId: ward.id }] });
    expectError(nested, 400, 'VALIDATION_FAILED');
    expect(detailAt(nested, 'body.grants.0.role')?.messageEn).toMatch(/invalid value/);
    const missing = await admin.post('/api/units', { code: 'X2', parentId: ward.id });
    expect(detailAt(missing, 'body.name')?.messageEn).toBe('body.name: is required');
    const query = await admin.get('/api/users?pageSize=abc');
    expectError(query, 400, 'VALIDATION_FAILED');
    expect(detailAt(query, 'query.pageSize')).toBeDefined();
    const params = await admin.get('/api/users/not-a-uuid');
    expectError(params, 400, 'VALIDATION_FAILED');
    expect(detailAt(params, 'params.id')).toBeDefined();
  });

  it('refuses a body over 256 KB with 413', async () => {
    const payload = JSON.stringify({ code: 'BIG', name: 'x'.repeat(300 * 1024), parentId: ward.id });
    expectError(await postJson(admin, '/api/units', payload), 413, 'PAYLOAD_TOO_LARGE');
    expect(await t.ctx.db.selectFrom('org_unit').select('id').where('code', '=', 'BIG').execute()).toEqual(
      [],
    );
  });

  it('refuses unknown fields and names them', async () => {
    const res = await newUser({ isAdmin: true });
    expectError(res, 400, 'VALIDATION_FAILED');
    const detail = detailAt(res, 'body');
    expect(detail?.message).toMatch(/isAdmin/);
    expect(detail?.messageEn).toMatch(/unknown fields: isAdmin/);
  });

  it('refuses a very long string and names the field', async () => {
    const res = await newUser({ displayName: 'Nguyễn '.repeat(2_000) });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailAt(res, 'body.displayName')?.messageEn).toBe(
      'body.displayName: must be at most 200 characters',
    );
  });

  it('stores Vietnamese typed in decomposed form (NFD) as NFC', async () => {
    const nfc = 'Nguyễn Văn Đức';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const created = await newUser({ displayName: nfd });
    expect(created.status).toBe(201);
    expect(created.body.user.displayName).toBe(nfc);
    const id = created.body.user.id as string;
    expect((await admin.get(`/api/users/${id}`)).body.displayName).toBe(nfc);
    const row = await t.ctx.db
      .selectFrom('app_user')
      .select('display_name')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.display_name).toBe(nfc);
    const found = await admin.get(`/api/users?q=${encodeURIComponent('Văn Đức'.normalize('NFD'))}`);
    expect(found.body.items.map((u: { id: string }) => u.id)).toContain(id);
  });

  it('stores SQL-looking and script-looking text inertly and gives it back byte for byte', async () => {
    const sqlish = "'; DROP TABLE app_user; --";
    const scriptish = '<script>alert(1)</script>';
    const user = await newUser({ displayName: sqlish });
    expect(user.status).toBe(201);
    const unit = await admin.post('/api/units', { code: fresh('S'), name: scriptish, parentId: ward.id });
    expect(unit.status).toBe(201);
    expect((await admin.get(`/api/users/${user.body.user.id}`)).body.displayName).toBe(sqlish);
    expect((await admin.get(`/api/units/${unit.body.id}`)).body.name).toBe(scriptish);
    // JSON is not HTML: escaping is the web app's job when it renders.
    expect(await rawBody(admin, `/api/units/${unit.body.id}`)).toContain(`"name":"${scriptish}"`);
    const search = await admin.get(`/api/users?q=${encodeURIComponent("' OR '1'='1")}`);
    expect(search.status).toBe(200);
    expect(search.body.total).toBe(0);
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM app_user`.execute(t.ctx.db);
    expect(Number(rows[0]!.n)).toBeGreaterThan(1);
  });

  it('answers an unknown API route with 404 in the error shape (401 before sign-in)', async () => {
    expectError(await admin.get('/api/no-such-thing'), 404, 'NOT_FOUND');
    expectError(
      await admin.post('/api/users/00000000-0000-7000-8000-000000000000/promote', {}),
      404,
      'NOT_FOUND',
    );
    expectError(await t.anonymous().get('/api/no-such-thing'), 401, 'UNAUTHENTICATED');
  });

  it('refuses a body that is not JSON with 415', async () => {
    expectError(
      await postJson(admin, '/api/units', '<unit code="X"/>', 'application/xml'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(
      await postJson(admin, '/api/units', 'code=X&name=Y', 'application/x-www-form-urlencoded'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('refuses a NUL character and names the field', async () => {
    const body = await newUser({ displayName: 'Lê\u0000Thị' });
    expectError(body, 400, 'INVALID_CHARACTER');
    expect(body.body.error.details[0].path).toBe('body.displayName');
    const query = await admin.get('/api/users?q=a%00b');
    expectError(query, 400, 'INVALID_CHARACTER');
    expect(query.body.error.details[0].path).toBe('query.q');
  });

  it('sends the security headers and a request id', async () => {
    const first = await t.anonymous().get('/api/health');
    expect(first.status).toBe(200);
    const csp = String(first.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(csp.includes("frame-ancestors 'none'") || first.headers['x-frame-options'] !== undefined).toBe(
      true,
    );
    const second = await t.anonymous().get('/api/health');
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    const refused = await t.anonymous().get('/api/users');
    expect(refused.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes the OpenAPI document and its viewer to signed-in users', async () => {
    const doc = await admin.get('/api/docs/json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/users', '/api/users/{id}', '/api/units']),
    );
    expect(
      doc.body.paths['/api/users'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('username');
    const viewer = await admin.get('/api/docs');
    expect(viewer.status).toBe(200);
    expect(String(viewer.headers['content-type'])).toMatch(/text\/html/);
    expectError(await t.anonymous().get('/api/docs/json'), 401, 'UNAUTHENTICATED');
  });
});
