/**
 * Issue 17, authentication: atomic failure counting per account and per address, Retry-After, one answer for a
 * wrong password whatever the account's state, no sign-in for deactivated units, the password rule, tokens that
 * must expire, security headers, request rate limits, /docs switchable, and what the audit trail shows to whom.
 */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { sign } from 'jsonwebtoken';
import { localDateOf } from '../../libs/domain/src';
import { DEMO_PASSWORD, demoUserEmail } from '../../libs/persistence/src/seed';
import { createTestApi } from '../support/api';
import { createTestDatabase, TestDatabase } from '../support/database';
import { withDemoData } from '../support/demo';

const TEST_SECRET = 'test-secret-0123456789abcdef0123456789'; // test/support/config.ts

describe('authentication hardening (e2e)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let demo: Awaited<ReturnType<typeof withDemoData>>;
  const extra: INestApplication[] = [];
  const http = (a: INestApplication = app) => request(a.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const login = (email: string, password = DEMO_PASSWORD, a: INestApplication = app) =>
    http(a).post('/auth/login').send({ email, password });
  const api = async (env: Record<string, string>) => {
    const a = await createTestApi({ databaseUrl: db.url, env });
    extra.push(a);
    return a;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApi({
      databaseUrl: db.url,
      env: { LOGIN_MAX_ATTEMPTS: '3', LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000', LOGIN_WINDOW_SECONDS: '600' },
    });
    demo = await withDemoData(db.dataSource, app);
  });
  afterEach(async () => {
    await db.dataSource.query(`DELETE FROM login_throttle`);
  });
  afterAll(async () => {
    for (const a of extra) await a.close();
    await app?.close();
    await db?.drop();
  });

  it('counts failures atomically: of 20 concurrent wrong passwords at most the limit are evaluated', async () => {
    const email = demoUserEmail('approver', 'BTH.BBT');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => login(email, `wrong-password-${i}`)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(17);
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM login_attempts WHERE lower(email) = lower($1)`,
      [email],
    );
    expect(n).toBe(3); // only evaluated attempts are recorded
    const blocked = results.find((r) => r.status === 429)!;
    expect(blocked.body.code).toBe('auth.too_many_attempts');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // the right password is refused too while locked; other accounts are not locked
    await login(email).expect(429);
    await login(demoUserEmail('drafter', 'BTH.BBT')).expect(200);
  });

  it('limits failures per address across accounts', async () => {
    const a = await api({
      LOGIN_MAX_ATTEMPTS: '100',
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '4',
      LOGIN_WINDOW_SECONDS: '600',
    });
    const units = ['BTH.STP', 'BTH.SKHDT', 'BTH.STTTT', 'BTH.DPTTH'];
    for (const u of units) await login(demoUserEmail('drafter', u), 'wrong-password-1', a).expect(401);
    const res = await login(demoUserEmail('drafter', 'BTH.SLDTBXH'), DEMO_PASSWORD, a).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts per client address: X-Forwarded-For only behind a trusted proxy (API_TRUST_PROXY)', async () => {
    const wrong = (a: INestApplication, xff: string, u: string) =>
      http(a)
        .post('/auth/login')
        .set('X-Forwarded-For', xff)
        .send({ email: demoUserEmail('approver', u), password: 'wrong-password-1' });
    const direct = await api({ LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '2' });
    await wrong(direct, '10.0.0.1', 'BTH.STP').expect(401);
    await wrong(direct, '10.0.0.2', 'BTH.SKHDT').expect(401);
    await wrong(direct, '10.0.0.3', 'BTH.STTTT').expect(429); // a forged header does not make a new address
    await db.dataSource.query(`DELETE FROM login_throttle`);
    const proxied = await api({ LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '2', API_TRUST_PROXY: '1' });
    await wrong(proxied, '10.0.0.1', 'BTH.STP').expect(401);
    await wrong(proxied, '10.0.0.1', 'BTH.SKHDT').expect(401);
    await wrong(proxied, '10.0.0.1', 'BTH.STTTT').expect(429);
    await wrong(proxied, '10.0.0.2', 'BTH.DPTTH').expect(401); // another office behind the same proxy
  });

  it('a successful sign-in does not count against the address', async () => {
    const a = await api({ LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '2', LOGIN_WINDOW_SECONDS: '600' });
    for (let i = 0; i < 5; i++) await login(demoUserEmail('reviewer', 'BTH.STP'), DEMO_PASSWORD, a).expect(200);
  });

  it('a disabled account answers a right password exactly like a wrong one', async () => {
    const email = demoUserEmail('reviewer', 'BTH.SKHDT');
    const [{ id }] = await db.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email]);
    await http()
      .post(`/users/${id}/disable`)
      .set(as(await demo.token('admin', 'BTH')))
      .expect(200);
    const right = await login(email).expect(401);
    const wrong = await login(email, 'not-the-password-9').expect(401);
    expect(right.body).toEqual(wrong.body);
    expect(right.body.code).toBe('auth.invalid_credentials');
  });

  it('users of a deactivated unit cannot sign in, and their sessions end', async () => {
    const email = demoUserEmail('drafter', 'BTH.LGI.TAN-HAI');
    const session = (await login(email).expect(200)).body;
    const admin = await demo.token('admin', 'BTH.LGI');
    await http()
      .post(`/units/${demo.unitId('BTH.LGI.TAN-HAI')}/deactivate`)
      .set(as(admin))
      .send({ effectiveDate: localDateOf(new Date()) })
      .expect(201);
    await http().get('/auth/me').set(as(session.accessToken)).expect(401);
    await http().post('/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    const res = await login(email).expect(401);
    expect(res.body.code).toBe('auth.invalid_credentials');
  });

  it('refuses common and trivial passwords (NIST SP 800-63B) with a Vietnamese reason', async () => {
    const admin = await demo.token('admin', 'BTH');
    for (const password of ['aaaaaaaaa1', 'password123', '1234567890', 'Matkhau2024!']) {
      const res = await http()
        .post('/users')
        .set(as(admin))
        .send({
          unitId: demo.unitId('BTH'),
          email: `pw-${password.length}@example.vn`,
          fullName: 'Lê Văn Cường',
          roles: ['drafter'],
          password,
        })
        .expect(400);
      expect(res.body.details.fields.password[0]).toMatch(/Mật khẩu/);
    }
    const session = (await login(demoUserEmail('drafter', 'BTH.VPUBND')).expect(200)).body;
    const res = await http()
      .post('/auth/password')
      .set(as(session.accessToken))
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'poiuytrewq' })
      .expect(400);
    expect(res.body.details.fields.newPassword[0]).toMatch(/dãy ký tự/);
  });

  it('refuses tokens without exp, or living longer than the server gives, even when signed with the secret', async () => {
    const real = (await login(demoUserEmail('drafter', 'BTH.SNV')).expect(200)).body.accessToken;
    const claims = JSON.parse(Buffer.from(real.split('.')[1], 'base64url').toString());
    const { exp: _exp, iat: _iat, ...rest } = claims;
    await http().get('/auth/me').set(as(real)).expect(200);
    const noExp = sign(rest, TEST_SECRET, { algorithm: 'HS256' });
    expect((await http().get('/auth/me').set(as(noExp)).expect(401)).body.code).toBe('auth.invalid_token');
    const longLived = sign(rest, TEST_SECRET, { algorithm: 'HS256', expiresIn: '3650d' });
    await http().get('/auth/me').set(as(longLived)).expect(401);
  });

  it('sends security headers and no X-Powered-By', async () => {
    const res = await http().get('/health').expect(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('rate-limits logins per address and expensive reads per user (429, Retry-After)', async () => {
    const a = await api({ RATE_LIMIT_LOGIN_PER_MINUTE: '4', RATE_LIMIT_EXPENSIVE_READS_PER_MINUTE: '3' });
    for (let i = 0; i < 4; i++) await login(demoUserEmail('drafter', 'BTH.BBT'), DEMO_PASSWORD, a).expect(200);
    const limited = await login(demoUserEmail('drafter', 'BTH.BBT'), DEMO_PASSWORD, a).expect(429);
    expect(limited.body.code).toBe('request.rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    const token = await demo.token('reviewer', 'BTH.SNV');
    for (let i = 0; i < 3; i++) await http(a).get('/units').set(as(token)).expect(200);
    const read = await http(a).get('/units').set(as(token)).expect(429);
    expect(read.body.message).toMatch(/Quá nhiều yêu cầu/);
    // another user has a budget of its own; cheap reads are not limited
    await http(a)
      .get('/units')
      .set(as(await demo.token('reviewer', 'BTH.STP')))
      .expect(200);
    await http(a).get('/auth/me').set(as(token)).expect(200);
  });

  it('serves /docs only when configured', async () => {
    await http().get('/docs/openapi.json').expect(200);
    const off = await api({ API_DOCS: 'false' });
    await http(off).get('/docs/openapi.json').expect(404);
  });

  it('shows session ids and addresses of sign-ins to admins only', async () => {
    await login(demoUserEmail('approver', 'BTH.SNV')).expect(200);
    const entries = async (token: string) =>
      (
        await http().get('/audit').query({ entityType: 'user', limit: 200 }).set(as(token)).expect(200)
      ).body.items.filter((e: { action: string }) => e.action === 'auth.login');
    const asReviewer = await entries(await demo.token('reviewer', 'BTH.SNV'));
    expect(asReviewer.length).toBeGreaterThan(0);
    for (const e of asReviewer) {
      expect(e.after).not.toHaveProperty('sessionId');
      expect(e.after).not.toHaveProperty('ip');
    }
    const asAdmin = await entries(await demo.token('admin', 'BTH'));
    expect(asAdmin.some((e: { after: Record<string, unknown> }) => typeof e.after.sessionId === 'string')).toBe(true);
  });
});
