/** Authentication over HTTP: login, rotating refresh tokens, logout, password change, disabled users, rate limit. */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApi } from '../support/api';
import { createTestDatabase, TestDatabase } from '../support/database';
import { withDemoData } from '../support/demo';
import { DEMO_PASSWORD, demoUserEmail } from '../../libs/persistence/src/seed';

describe('authentication (e2e)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let demo: Awaited<ReturnType<typeof withDemoData>>;
  const http = () => request(app.getHttpServer());
  const login = (email: string, password = DEMO_PASSWORD) => http().post('/auth/login').send({ email, password });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApi({ databaseUrl: db.url, env: { LOGIN_MAX_ATTEMPTS: '3', LOGIN_WINDOW_SECONDS: '600' } });
    demo = await withDemoData(db.dataSource, app);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('logs in with a hashed password and returns signed tokens', async () => {
    const email = demoUserEmail('drafter', 'BTH.STP');
    const res = await login(email).expect(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = await http().get('/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toEqual({ userId: expect.any(String), unitId: demo.unitId('BTH.STP'), roles: ['drafter'] });
    const [{ password_hash }] = await db.dataSource.query(`SELECT password_hash FROM users WHERE email = $1`, [email]);
    expect(password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password and an unknown account with the same answer', async () => {
    const a = await login(demoUserEmail('drafter', 'BTH.SKHDT'), 'wrong-password-1').expect(401);
    const b = await login('nobody@demo.cchc.vn', 'wrong-password-1').expect(401);
    expect(a.body.code).toBe('auth.invalid_credentials');
    expect(b.body).toEqual(a.body);
  });

  it('rotates refresh tokens and revokes the session when an old one is replayed', async () => {
    const first = (await login(demoUserEmail('approver', 'BTH.STP')).expect(200)).body;
    const second = (await http().post('/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await http().get('/auth/me').set('Authorization', `Bearer ${second.accessToken}`).expect(200);

    const replay = await http().post('/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(replay.body.code).toBe('auth.refresh_token_reused');
    // the whole session is gone: the newest tokens stop working too
    await http().post('/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
    await http().get('/auth/me').set('Authorization', `Bearer ${second.accessToken}`).expect(401);
  });

  it('logout revokes the access token at once', async () => {
    const t = (await login(demoUserEmail('reviewer', 'BTH.STP')).expect(200)).body;
    await http().post('/auth/logout').set('Authorization', `Bearer ${t.accessToken}`).expect(204);
    const res = await http().get('/auth/me').set('Authorization', `Bearer ${t.accessToken}`).expect(401);
    expect(res.body.code).toBe('auth.session_revoked');
  });

  it('changing the password keeps this session, ends the others, and the new password works', async () => {
    const email = demoUserEmail('drafter', 'BTH.DPTTH');
    const a = (await login(email).expect(200)).body;
    const b = (await login(email).expect(200)).body;
    await http()
      .post('/auth/password')
      .set('Authorization', `Bearer ${a.accessToken}`)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'short' })
      .expect(400);
    await http()
      .post('/auth/password')
      .set('Authorization', `Bearer ${a.accessToken}`)
      .send({ currentPassword: 'not-it-123456', newPassword: 'MatKhauMoi2025' })
      .expect(422);
    await http()
      .post('/auth/password')
      .set('Authorization', `Bearer ${a.accessToken}`)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'MatKhauMoi2025' })
      .expect(204);
    await http().get('/auth/me').set('Authorization', `Bearer ${a.accessToken}`).expect(200);
    await http().get('/auth/me').set('Authorization', `Bearer ${b.accessToken}`).expect(401);
    await login(email, 'MatKhauMoi2025').expect(200);
    const audit = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.password_changed'`,
    );
    expect(audit[0].n).toBe(1);
  });

  it('a disabled user is logged out everywhere and cannot log in; only an admin of the subtree may disable', async () => {
    const email = demoUserEmail('drafter', 'BTH.SGDDT.THPT-PT');
    const session = (await login(email).expect(200)).body;
    const [{ id }] = await db.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email]);
    const outsider = await demo.token('admin', 'BTH.STTTT');
    await http().post(`/users/${id}/disable`).set('Authorization', `Bearer ${outsider}`).expect(404);
    const approver = await demo.token('approver', 'BTH.SGDDT');
    await http().post(`/users/${id}/disable`).set('Authorization', `Bearer ${approver}`).expect(403);
    const admin = await demo.token('admin', 'BTH.SGDDT');
    const res = await http().post(`/users/${id}/disable`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(res.body.active).toBe(false);
    await http().get('/auth/me').set('Authorization', `Bearer ${session.accessToken}`).expect(401);
    // the right password gets the same answer as a wrong one: the answer never confirms a password
    const again = await login(email).expect(401);
    const wrong = await login(email, 'not-the-password-1').expect(401);
    expect(again.body).toEqual(wrong.body);
    expect(again.body.code).toBe('auth.invalid_credentials');
  });

  it('rate-limits repeated failed logins per account (429) without locking other accounts', async () => {
    const email = demoUserEmail('approver', 'BTH.BBT');
    for (let i = 0; i < 3; i++) await login(email, `wrong-${i}-xxxxxx`).expect(401);
    const blocked = await login(email).expect(429);
    expect(blocked.body.code).toBe('auth.too_many_attempts');
    await login(demoUserEmail('drafter', 'BTH.BBT')).expect(200);
  });

  it('refuses unknown fields and malformed input with 400 and field details', async () => {
    const res = await http().post('/auth/login').send({ email: 'not-an-email', password: 'x', extra: 1 }).expect(400);
    expect(res.body.code).toBe('request.validation_failed');
    expect(Object.keys(res.body.details.fields).sort()).toEqual(['email', 'extra']);
  });
});
