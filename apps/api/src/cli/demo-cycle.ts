/**
 * `node dist/apps/api/src/cli/demo-cycle.js`: plays the living demo (libs/persistence/src/seed/demo-cycle.ts)
 * through the running API, as the demo users, so every step is a real workflow transition with its audit, reminders
 * and digests. Idempotent: what already happened (the province plan, a child past 'pending', a filed report) is
 * left as it is, so running it on every `npm run up` changes nothing the second time.
 */
import { loadConfigOrExit } from '@cchc/config';
import { localDateOf } from '@cchc/domain';
import { DEMO_PASSWORD, demoCycle, demoUserEmail, DEMO_UNITS, SEED_001_BINH_THUAN_2024 } from '@cchc/persistence/seed';

type Role = 'drafter' | 'approver' | 'reviewer' | 'admin';
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const config = loadConfigOrExit();
const base = `http://${config.api.host}:${config.api.port}`;
const tokens = new Map<string, string>();

async function call(method: string, path: string, who?: [Role, string], body?: unknown): Promise<Json> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (who) headers.authorization = `Bearer ${await token(...who)}`;
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function token(role: Role, unitCode: string): Promise<string> {
  const key = `${role}/${unitCode}`;
  if (!tokens.has(key)) {
    const res = await call('POST', '/auth/login', undefined, {
      email: demoUserEmail(role, unitCode),
      password: DEMO_PASSWORD,
    });
    tokens.set(key, res.accessToken);
  }
  return tokens.get(key)!;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main() {
  const today = localDateOf(new Date());
  const c = demoCycle(today);
  const seed = SEED_001_BINH_THUAN_2024;
  const province: [Role, string] = ['approver', 'BTH'];
  const me = await call('GET', '/auth/me', province);
  const children = DEMO_UNITS.filter((u) => u.parentCode === 'BTH' && c.roles[u.code]);

  // 1. The province plan of the year, issued.
  let plan = (await call('GET', `/plans?year=${c.year}&unitId=${me.unitId}`, province))[0];
  if (!plan) {
    plan = await call('POST', '/plans', province, {
      year: c.year,
      title: seed.title.replace(/\d{4}/g, String(c.year)),
      parentPlanRef: `Kế hoạch cải cách hành chính nhà nước năm ${c.year} của Ủy ban nhân dân tỉnh Bình Thuận`,
      recipients: seed.recipients,
      sections: Object.fromEntries(
        Object.entries(seed.sections)
          .filter(([, v]) => v)
          .map(([k, v]) => [k, (v as string).replace(/năm 2024/g, `năm ${c.year}`)]),
      ),
      targets: [{ indicatorCode: 'WEB_NEWS', amount: 5, basis: 'month' }],
      childDeadline: c.childDeadline,
    });
  }
  if (plan.status !== 'issued') await call('POST', `/plans/${plan.id}/issue`, province);
  const outgoing = () => call('GET', `/obligations/outgoing?year=${c.year}&kind=plan`, province);
  const obligations: Json[] = await until('the province plan’s obligations', async () => {
    const list = (await outgoing()).filter((o: Json) => o.sourcePlanId === plan.id);
    return list.length >= children.length ? list : undefined;
  });
  const byCode = new Map<string, Json>(obligations.map((o) => [o.unitCode, o]));

  // 2. Each child plays its part once (only from 'pending').
  const played: string[] = [];
  for (const u of children) {
    const role = c.roles[u.code];
    const o = byCode.get(u.code);
    if (!o || o.status !== 'pending' || role === 'missing') continue;
    const onTime = role === 'approved' || role === 'returned' || role === 'submitted';
    if (onTime && o.nominalDeadline < c.extendedDeadline)
      await call('POST', `/obligations/${o.id}/extend`, province, {
        deadline: c.extendedDeadline,
        reason: 'Đơn vị đề nghị gia hạn để lấy ý kiến các phòng, ban',
      });
    const drafter: [Role, string] = ['drafter', u.code];
    const existing = (await call('GET', `/plans?year=${c.year}&unitId=${o.unitId}`, drafter))[0];
    const own =
      existing ??
      (await call('POST', '/plans', drafter, {
        year: c.year,
        title: `Kế hoạch thông tin, tuyên truyền cải cách hành chính năm ${c.year} của ${u.name}`,
        parentPlanRef: `Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh về thông tin, tuyên truyền cải cách hành chính năm ${c.year}`,
        sections: {
          purpose: `Nâng cao nhận thức của cán bộ, công chức, viên chức ${u.name} về cải cách hành chính`,
          content: 'Tuyên truyền các chủ trương, chính sách về cải cách hành chính, dịch vụ công trực tuyến',
        },
        targets: [{ indicatorCode: 'WEB_NEWS', amount: 4, basis: 'month' }],
        childDeadline: c.grandchildDeadline,
      }));
    await call('POST', `/plans/${own.id}/submit`, drafter);
    if (role === 'approved' || role === 'late_approved') await call('POST', `/plans/${own.id}/approve`, province);
    if (role === 'returned') await call('POST', `/plans/${own.id}/return`, province, { reason: c.returnReason });
    played.push(`${u.code}:${role}`);
  }

  // 3. Reports of the periods already due, with values (some accepted).
  let filed = 0;
  for (const r of c.reports) {
    const drafter: [Role, string] = ['drafter', r.unitCode];
    const o = byCode.get(r.unitCode);
    if (!o) continue;
    const incoming: Json[] = await until(`${r.unitCode}'s report obligations`, async () => {
      const list: Json[] = await call('GET', `/obligations/incoming?year=${c.year}&kind=report`, drafter);
      return list.length >= 4 ? list : undefined;
    });
    const ob = incoming.find((x) => x.period === r.period);
    if (!ob || ob.deadline >= today || ob.status !== 'pending') continue;
    const saved = await call('PUT', '/reports', drafter, {
      obligationId: ob.id,
      values: r.values,
      narrative: {
        achievements: `Đã đăng ${r.values.WEB_NEWS} tin, bài trên trang thông tin điện tử; ${r.values.CONFERENCES} hội nghị lồng ghép tuyên truyền cải cách hành chính`,
      },
    });
    await call('POST', `/reports/${saved.id}/submit`, drafter);
    if (r.accept) await call('POST', `/reports/${saved.id}/accept`, province);
    filed++;
  }
  console.log(
    `Living demo ${c.year}: province plan ${plan.id} (children's deadline ${c.childDeadline}); ` +
      (played.length ? `played ${played.join(', ')}; ` : 'children already played; ') +
      `${filed} reports filed`,
  );
}

main().catch((e) => {
  console.error(`Living demo failed: ${(e as Error).message}`);
  process.exit(1);
});
