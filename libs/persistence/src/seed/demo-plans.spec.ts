import { DEMO_PLANS, findDemoPlan } from './demo-plans';
import { DEMO_UNITS } from './demo-units';
import { findIndicator } from './indicators';
import { UNIT_KINDS } from './unit-kinds';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('DEMO_PLANS', () => {
  it('holds seeds 000–004 once each', () => {
    expect(DEMO_PLANS.map((p) => p.seedFile.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
  });

  it('uses ISO dates, known indicators, known unit kinds and demo units that exist', () => {
    const codes = new Set(DEMO_UNITS.map((u) => u.code));
    for (const p of DEMO_PLANS) {
      for (const d of [
        p.issueDate,
        p.childPlanDeadline,
        ...p.parentPlans.map((r) => r.date),
        ...p.reportSchedule.periods.map((r) => r.dueBefore),
      ]) {
        if (d !== null) expect(d).toMatch(ISO_DATE);
      }
      for (const t of p.targets) {
        expect(findIndicator(t.indicatorCode)).toBeDefined();
        expect(t.amount).toBeGreaterThan(0);
        for (const k of t.appliesTo.kinds) expect(UNIT_KINDS).toContain(k);
        for (const c of t.appliesTo.demoUnitCodes ?? []) expect(codes.has(c)).toBe(true);
      }
      if (p.demoUnitCode !== null) expect(codes.has(p.demoUnitCode)).toBe(true);
      if (p.symbol !== null) expect(p.symbol).toBe(`${p.number}/${p.printedSymbol?.split('/').pop()}`);
    }
  });

  it('has all text in NFC', () => {
    for (const s of strings(DEMO_PLANS)) expect(s).toBe(s.normalize('NFC'));
  });

  it('seed 001: Bình Thuận 2024, children by 31/01/2024, the four quantitative targets', () => {
    const p = findDemoPlan('001')!;
    expect(p).toMatchObject({
      issuerName: 'Ủy ban nhân dân tỉnh Bình Thuận',
      year: 2024,
      childPlanDeadline: '2024-01-31',
      number: null,
      signer: null,
    });
    expect(p.parentPlans).toEqual([
      { symbol: '4912/KH-UBND', date: '2023-12-15', issuer: 'Ủy ban nhân dân tỉnh Bình Thuận' },
    ]);
    const summary = p.targets.map((t) => `${t.indicatorCode}:${t.amount}/${t.basis}`);
    expect(summary).toEqual([
      'WEB_NEWS:5/month',
      'RADIO_ITEMS:1/week',
      'PORTAL_NEWS:2/month',
      'PORTAL_NEWS:2/month',
      'TV_PROGRAMMES:1/week',
    ]);
    expect(p.targets[0].statedEquivalent).toEqual({ amount: 60, basis: 'year' });
    expect(p.reportSchedule.reportTo).toBe('Sở Nội vụ');
  });

  it('seed 000: Sở GDĐT Nam Định, KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC Nguyễn Văn Thuận, implements 163/KH-UBND', () => {
    const p = findDemoPlan('000_175b57d5af05de13.txt')!;
    expect(p.signer).toEqual({
      name: 'Nguyễn Văn Thuận',
      title: 'PHÓ GIÁM ĐỐC',
      signingForm: 'KT.',
      onBehalfOf: 'GIÁM ĐỐC',
    });
    expect(p.parentPlans[0]).toEqual({ symbol: '163/KH-UBND', date: '2023-12-25', issuer: 'UBND tỉnh Nam Định' });
    expect(p.year).toBe(2024);
    expect(p.issueDate).toBeNull();
  });

  it('seed 003: Lạng Sơn report schedule before 10/3, 10/6, 10/9, 10/12 and ≥04 tin, bài/tháng', () => {
    const p = findDemoPlan('003')!;
    expect(p.reportSchedule.periods).toEqual([
      { period: 'Q1', dueBefore: '2023-03-10' },
      { period: 'H1', dueBefore: '2023-06-10' },
      { period: 'Q3', dueBefore: '2023-09-10' },
      { period: 'year', dueBefore: '2023-12-10' },
    ]);
    expect(p.targets).toHaveLength(1);
    expect(p.targets[0]).toMatchObject({ indicatorCode: 'WEB_NEWS', amount: 4, basis: 'month' });
    expect(p.signer).toMatchObject({ name: 'Phạm Đức Huân', signingForm: null });
  });

  it('seed 004: THPT Cộng Hiền 2025 leaf plan, window 02–12/2025, implements 759/KH-SGDĐT', () => {
    const p = findDemoPlan('004')!;
    expect(p.executionWindow).toEqual({ from: '2025-02', to: '2025-12' });
    expect(p.parentPlans[0]).toMatchObject({ symbol: '759/KH-SGDĐT', date: '2025-02-13' });
    expect(p.signer).toEqual({
      name: 'Vũ Thị Mận',
      title: 'PHÓ HIỆU TRƯỞNG',
      signingForm: 'KT.',
      onBehalfOf: 'HIỆU TRƯỞNG',
    });
    expect(p.childScope).toBeNull();
    expect(p.demoUnitCode).toBe('BTH.SGDDT.THPT-CH');
  });

  it('seed 002: THCS Trường Sơn 99/KH-TrS of 26/08/2020', () => {
    const p = findDemoPlan('002')!;
    expect(p).toMatchObject({ number: 99, symbol: '99/KH-TrS', issueDate: '2020-08-26', year: 2020 });
  });
});
