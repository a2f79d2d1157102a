import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../apps/api/src/auth/passwords';
import { seedDemo } from '../../libs/persistence/src/seed/demo-seeder';
import { DEMO_PASSWORD, demoUserEmail, type Role } from '../../libs/persistence/src/seed';

/** Loads the demo tree and returns a helper that logs demo users in over HTTP (tokens cached per user). */
export async function withDemoData(ds: DataSource, app: INestApplication) {
  await seedDemo(ds.manager, hashPassword);
  const ids = new Map<string, string>(
    (await ds.query(`SELECT code, id FROM units`)).map((r: { code: string; id: string }) => [r.code, r.id]),
  );
  const tokens = new Map<string, string>();
  return {
    unitId(code: string): string {
      const id = ids.get(code);
      if (!id) throw new Error(`no demo unit ${code}`);
      return id;
    },
    async token(role: Role, unitCode: string): Promise<string> {
      const key = `${role}@${unitCode}`;
      if (!tokens.has(key)) {
        const res = await request(app.getHttpServer())
          .post('/auth/login')
          .send({ email: demoUserEmail(role, unitCode), password: DEMO_PASSWORD });
        if (res.status !== 200) throw new Error(`login ${key} failed: ${res.status} ${JSON.stringify(res.body)}`);
        tokens.set(key, res.body.accessToken);
      }
      return tokens.get(key)!;
    },
    async refreshIds() {
      for (const r of await ds.query(`SELECT code, id FROM units`)) ids.set(r.code, r.id);
    },
  };
}
