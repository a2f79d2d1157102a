/**
 * Data the browser tests and the web benchmark need, made through the real HTTP API (as the users would).
 */
import { DEMO_PASSWORD, DEMO_UNITS, demoUserEmail } from '../../libs/persistence/src/seed';

export class Http {
  private tokens = new Map<string, string>();
  private passwords = new Map<string, string>();
  constructor(readonly base: string) {}

  async login(email: string, password = this.passwords.get(email) ?? DEMO_PASSWORD): Promise<string> {
    if (!this.tokens.has(email)) {
      const res = await this.call('POST', '/auth/login', { email, password });
      this.tokens.set(email, res.accessToken);
      this.passwords.set(email, password);
    }
    return this.tokens.get(email)!;
  }

  /** As `email`; a token that has expired since it was cached (the browser stack's live 70 s) is renewed once. */
  async as<T = any>(email: string, method: string, path: string, body?: unknown): Promise<T> {
    try {
      return await this.call(method, path, body, await this.login(email));
    } catch (e) {
      if (!(e instanceof HttpError && e.status === 401 && this.tokens.delete(email))) throw e;
      return this.call(method, path, body, await this.login(email));
    }
  }

  async call<T = any>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new HttpError(res.status, `${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const SCENARIO_PASSWORD = 'ThuNghiem2026';

async function eventually<T>(check: () => Promise<T | undefined | false>, ms: number, what: string): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function unitByCode(http: Http, who: string, code: string): Promise<{ id: string; code: string }> {
  let after: string | null = null;
  for (;;) {
    const page: { items: Array<{ id: string; code: string }>; nextCursor: string | null } = await http.as(
      who,
      'GET',
      `/units?limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`,
    );
    const hit = page.items.find((u) => u.code === code);
    if (hit) return hit;
    if (!page.nextCursor) throw new Error(`no unit ${code}`);
    after = page.nextCursor;
  }
}

/**
 * An approver's inbox of `n` submitted plans: `n` new schools under `parentCode`, each with a drafter; the parent
 * issues its plan for `year` (no plan above it that year, so it issues directly) and every new school drafts and
 * submits its own. Returns the approver's e-mail.
 */
export async function seedInbox(
  http: Http,
  opts: { n: number; year: number; parentCode: string; prefix: string; concurrency?: number },
): Promise<{ approver: string; units: string[] }> {
  const admin = demoUserEmail('admin', 'BTH');
  const approver = demoUserEmail('approver', opts.parentCode);
  const parent = await unitByCode(http, admin, opts.parentCode);
  const units: Array<{ id: string; code: string; drafter: string }> = [];
  const pool = async <T>(items: T[], fn: (t: T, i: number) => Promise<void>) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: opts.concurrency ?? 4 }, async () => {
        while (next < items.length) {
          const i = next++;
          await fn(items[i], i);
        }
      }),
    );
  };
  await pool(
    Array.from({ length: opts.n }, (_, i) => i),
    async (i) => {
      const code = `${opts.parentCode}.${opts.prefix}${String(i + 1).padStart(3, '0')}`;
      const unit = await http.as(admin, 'POST', '/units', {
        code,
        name: `Trường thử nghiệm ${opts.prefix} số ${i + 1}`,
        abbreviation: `${opts.prefix}${i + 1}`,
        kind: 'school',
        parentId: parent.id,
      });
      const drafter = `drafter.${code.toLowerCase().replace(/\./g, '-')}@thu-nghiem.cchc.vn`;
      await http.as(admin, 'POST', '/users', {
        unitId: unit.id,
        email: drafter,
        fullName: `Chuyên viên ${i + 1}`,
        roles: ['drafter'],
        password: SCENARIO_PASSWORD,
        notificationChannels: ['in_app'],
      });
      units.push({ id: unit.id, code, drafter });
    },
  );
  const plan = await http.as(approver, 'POST', '/plans', {
    year: opts.year,
    title: `Kế hoạch tuyên truyền cải cách hành chính năm ${opts.year}`,
    sections: { purpose: 'Nâng cao nhận thức về cải cách hành chính', content: 'Tuyên truyền các chủ trương' },
    childDeadline: `${opts.year}-12-31`,
  });
  await http.as(approver, 'POST', `/plans/${plan.id}/issue`);
  const ids = new Set(units.map((u) => u.id));
  await eventually(
    async () => {
      const out: Array<{ unitId: string }> = await http.as(
        approver,
        'GET',
        `/obligations/outgoing?year=${opts.year}&kind=plan`,
      );
      return out.filter((o) => ids.has(o.unitId)).length === units.length;
    },
    120_000,
    'the cascade to reach the new schools',
  );
  await pool(units, async (u) => {
    await http.login(u.drafter, SCENARIO_PASSWORD);
    const p = await http.as(u.drafter, 'POST', '/plans', {
      year: opts.year,
      title: `Kế hoạch tuyên truyền cải cách hành chính năm ${opts.year} của ${u.code}`,
      sections: { purpose: 'Nâng cao nhận thức', content: 'Tuyên truyền trên trang thông tin điện tử' },
      targets: [{ indicatorCode: 'WEB_NEWS', amount: 2, basis: 'month' }],
    });
    await http.as(u.drafter, 'POST', `/plans/${p.id}/submit`);
  });
  await eventually(
    async () => (await http.as(approver, 'GET', '/inbox')).length >= units.length,
    60_000,
    'the submissions to reach the inbox',
  );
  return { approver, units: units.map((u) => u.code) };
}

/** The Sở GDĐT issues its own plan for `year`, so its schools owe it theirs (the journeys start there). */
export async function issueSgddtPlan(http: Http, year: number): Promise<string> {
  const approver = demoUserEmail('approver', 'BTH.SGDDT');
  const plan = await http.as(approver, 'POST', '/plans', {
    year,
    title: `Kế hoạch thông tin, tuyên truyền cải cách hành chính năm ${year} của Sở Giáo dục và Đào tạo`,
    issuePlace: 'Bình Thuận',
    sections: {
      purpose: 'Nâng cao nhận thức của cán bộ, công chức, viên chức về cải cách hành chính',
      content: 'Tuyên truyền các chủ trương, chính sách về cải cách hành chính',
    },
    targets: [
      { indicatorCode: 'WEB_NEWS', amount: 2, basis: 'month' },
      { indicatorCode: 'CONFERENCES', amount: 1, basis: 'year' },
    ],
    childDeadline: `${year}-01-31`,
  });
  await http.as(approver, 'POST', `/plans/${plan.id}/issue`);
  await eventually(
    async () =>
      (await http.as(approver, 'GET', `/obligations/outgoing?year=${year}&kind=plan`)).length > 0 ? true : undefined,
    60_000,
    'the Sở GDĐT cascade',
  );
  return plan.id;
}

/**
 * A province for the reviewer's dashboard, `year` in the past (every deadline over): the province issues its plan
 * (children's deadline 31/01), the Sở GDĐT drafts, gets it approved and issued (schools' deadline 15/02); late:
 * three departments and two schools hand in their plans (one school after a return with a reason); every other
 * obligated unit never does. Returns the codes that handed in (the test derives late and missing from them).
 */
export async function reviewProvince(
  http: Http,
  year: number,
): Promise<{ submitted: string[]; returnedSchool: string; reason: string }> {
  const bth = demoUserEmail('approver', 'BTH');
  const sgddt = demoUserEmail('approver', 'BTH.SGDDT');
  const draftAndSubmit = async (code: string, extra: Record<string, unknown> = {}) => {
    const drafter = demoUserEmail('drafter', code);
    const p = await http.as(drafter, 'POST', '/plans', {
      year,
      title: `Kế hoạch tuyên truyền cải cách hành chính năm ${year} (${code})`,
      sections: { purpose: 'Nâng cao nhận thức về cải cách hành chính', content: 'Tuyên truyền các chủ trương' },
      ...extra,
    });
    await http.as(drafter, 'POST', `/plans/${p.id}/submit`);
    return p.id as string;
  };
  const top = await http.as(bth, 'POST', '/plans', {
    year,
    title: `Kế hoạch thông tin, tuyên truyền cải cách hành chính năm ${year}`,
    sections: { purpose: 'Nâng cao nhận thức', content: 'Tuyên truyền cải cách hành chính' },
    targets: [
      { indicatorCode: 'WEB_NEWS', amount: 2, basis: 'month' },
      { indicatorCode: 'CONFERENCES', amount: 1, basis: 'year' },
    ],
    childDeadline: `${year}-01-31`,
  });
  await http.as(bth, 'POST', `/plans/${top.id}/issue`);
  const overdueAll = async (who: string, n: number) =>
    eventually(
      async () => {
        const out: Array<{ overdue: boolean }> = await http.as(
          who,
          'GET',
          `/obligations/outgoing?year=${year}&kind=plan`,
        );
        return out.length === n && out.every((o) => o.overdue);
      },
      60_000,
      `${n} overdue plan obligations of ${who}`,
    );
  await overdueAll(bth, DEMO_CHILDREN('BTH'));
  const sgddtPlan = await draftAndSubmit('BTH.SGDDT', { childDeadline: `${year}-02-15` });
  await http.as(bth, 'POST', `/plans/${sgddtPlan}/approve`);
  await overdueAll(sgddt, DEMO_CHILDREN('BTH.SGDDT'));
  for (const code of ['BTH.STP', 'BTH.STTTT']) await draftAndSubmit(code);
  await draftAndSubmit('BTH.SGDDT.THPT-PBC');
  const returnedSchool = 'BTH.SGDDT.THPT-CH';
  const reason = 'Đề nghị bổ sung chỉ tiêu số tin, bài đăng trên trang thông tin điện tử của trường';
  const schoolPlan = await draftAndSubmit(returnedSchool);
  await http.as(sgddt, 'POST', `/plans/${schoolPlan}/return`, { reason });
  await http.as(demoUserEmail('drafter', returnedSchool), 'POST', `/plans/${schoolPlan}/submit`);
  return {
    submitted: ['BTH.SGDDT', 'BTH.STP', 'BTH.STTTT', 'BTH.SGDDT.THPT-PBC', returnedSchool],
    returnedSchool,
    reason,
  };
}

const DEMO_CHILDREN = (code: string) => DEMO_UNITS.filter((u) => u.parentCode === code).length;
