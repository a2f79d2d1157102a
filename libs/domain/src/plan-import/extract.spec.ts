import { extractPlan } from './extract';
import { foldKeepingOffsets } from './text';
import { toPlanDraft } from './to-draft';
import {
  extractionFields,
  HELD_OUT_FIELDS,
  HELD_OUT_TEXT,
  score,
  SEED_EXPECTATIONS,
  seedText,
} from '../../../../test/support/plan-import-expectations';
import { INDICATOR_CODES } from '../../../persistence/src/seed/indicators';
import { INDICATOR_WORDS } from './vocabulary';

/** Removes every diacritic (and đ → d) but keeps the case: how a document typed without a Vietnamese keyboard reads. */
const withoutDiacritics = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

describe('extractPlan on the five seeds (hand-written expectations)', () => {
  it.each(SEED_EXPECTATIONS.map((s) => [s.file, s] as const))('%s: every expected field, nothing else', (_f, seed) => {
    const x = extractPlan(seedText(seed.file));
    const s = score(extractionFields(x), seed.fields);
    expect({ wrong: s.wrong, missed: s.missed }).toEqual({ wrong: [], missed: [] });
  });

  it('reads the held-out document (header block, "Căn cứ", "Mỗi tháng … tối thiểu")', () => {
    const s = score(extractionFields(extractPlan(HELD_OUT_TEXT)), HELD_OUT_FIELDS);
    expect({ wrong: s.wrong, missed: s.missed }).toEqual({ wrong: [], missed: [] });
  });

  it('maps only to indicators of the catalogue', () => {
    for (const w of INDICATOR_WORDS) expect(INDICATOR_CODES).toContain(w.code);
  });

  it('marks each field with its source sentence, at the right offsets, and a confidence', () => {
    const x = extractPlan(seedText('001_581e4daf63d91ab6.txt'));
    const d = x.childDeadline!;
    expect(x.text.slice(d.source.start, d.source.end)).toBe(d.source.text);
    expect(d.source.text).toContain('Thời gian hoàn thành xây dựng kế hoạch');
    expect(x.text.slice(d.source.matchStart, d.source.matchEnd)).toMatch(/^Chậm nhất là ngày 31\/01\/2024/);
    for (const t of x.targets) {
      expect(x.text.slice(t.source.start, t.source.end)).toBe(t.source.text);
      expect(t.confidence).toBeGreaterThan(0.5);
      expect(t.confidence).toBeLessThanOrEqual(1);
    }
    expect(x.text.slice(x.targets[0].source.matchStart, x.targets[0].source.matchEnd)).toBe(
      'ít nhất bình quân 05 tin, bài/tháng',
    );
  });

  it('lists the fields it did not find', () => {
    expect(extractPlan(seedText('001_581e4daf63d91ab6.txt')).notFound).toEqual([
      'parentBody',
      'number',
      'symbol',
      'issuePlace',
      'issueDate',
      'executionWindow',
      'reportPeriods',
    ]);
    expect(extractPlan('').notFound).toContain('title');
  });
});

describe('variants', () => {
  const header = (so: string, date: string) =>
    `UBND TỈNH NAM ĐỊNH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n\n${so}\n\n${date}\n\nKẾ HOẠCH\n\nThông tin, tuyên truyền cải cách hành chính năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n\nNâng cao nhận thức.\n`;

  it('reads the header lines above "Số:" as parent body and issuer', () => {
    const x = extractPlan(header('Số: 163/KH-SGDĐT', 'Nam Định, ngày 25 tháng 12 năm 2023'));
    expect(x.parentBody?.value).toBe('UBND TỈNH NAM ĐỊNH');
    expect(x.issuer?.value).toBe('SỞ GIÁO DỤC VÀ ĐÀO TẠO');
    expect([x.number?.value, x.symbol?.value, x.issuePlace?.value, x.issueDate?.value]).toEqual([
      163,
      'KH-SGDĐT',
      'Nam Định',
      '2023-12-25',
    ]);
  });

  it.each([
    ['Số:163/KH-SGDĐT', 'Nam Định,ngày 25 tháng 12 năm 2023'],
    ['Số :  163 / KH - SGDĐT', 'Nam Định ,  ngày  25  tháng  12  năm  2023'],
    ['SỐ: 163/KH-SGDĐT', 'Nam Định, ngày 25 tháng 12, năm 2023'],
  ])('spacing variant %j / %j', (so, date) => {
    const x = extractPlan(header(so, date));
    expect([x.number?.value, x.symbol?.value, x.issuePlace?.value, x.issueDate?.value]).toEqual([
      163,
      'KH-SGDĐT',
      'Nam Định',
      '2023-12-25',
    ]);
  });

  it('allows a blank number and a blank day in a draft', () => {
    const x = extractPlan(header('Số:      /KH-SGDĐT', 'Nam Định, ngày ... tháng ... năm 2023'));
    expect(x.number).toBeUndefined();
    expect(x.symbol?.value).toBe('KH-SGDĐT');
    expect(x.issueDate).toBeUndefined();
    expect(x.issuePlace?.value).toBe('Nam Định');
    expect(x.notFound).toEqual(expect.arrayContaining(['number', 'issueDate']));
  });

  const body = (deadline: string) =>
    `KẾ HOẠCH\n\nTuyên truyền cải cách hành chính năm 2024\n\nThực hiện Kế hoạch số 4912/KH-UBND ngày 15 tháng 12 năm 2023 của UBND tỉnh về cải cách hành chính;\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Các sở, ban, ngành\n\na) Xây dựng kế hoạch năm 2024. Thời gian hoàn thành xây dựng kế hoạch: ${deadline}.\n`;

  it.each([
    ['chậm nhất là ngày 31/01/2024'],
    ['Chậm nhất là ngày 31 tháng 01 năm 2024'],
    ['trước ngày 31/01/2024'],
    ['trước ngày  31 / 1 / 2024'],
    ['cham nhat la ngay 31/01/2024'],
  ])('child deadline "%s" → 2024-01-31', (d) => {
    const x = extractPlan(body(d));
    expect(x.childDeadline?.value).toBe('2024-01-31');
    expect(x.parentPlan?.value).toEqual({
      kind: 'KH',
      number: 4912,
      symbol: '4912/KH-UBND',
      date: '2023-12-15',
      issuer: 'UBND tỉnh',
    });
  });

  it('does not take a report due day for the child-plan deadline', () => {
    const x = extractPlan(body('theo hướng dẫn') + '\nBáo cáo kết quả trước ngày 10/12/2024 gửi Sở Nội vụ.\n');
    expect(x.childDeadline).toBeUndefined();
    expect(x.reportRecipient?.value).toBe('Sở Nội vụ');
  });

  it('reads targets written per week, per month and with the basis first', () => {
    const x = extractPlan(
      'I. TỔ CHỨC THỰC HIỆN\n\n' +
        '1. UBND các huyện, thị xã, thành phố\n\n' +
        'a) Đăng 01 tin/tuần trên trang thông tin điện tử của huyện.\n\n' +
        'b) Hằng tháng có ít nhất 02 tin, bài đăng trên Cổng thông tin điện tử của tỉnh.\n\n' +
        'c) Đảm bảo ít nhất 03 tin, bài/quý trên mạng xã hội Zalo (tương đương ít nhất 12 tin, bài/năm).\n',
    );
    expect(x.targets.map((t) => t.value)).toEqual([
      { indicatorCode: 'WEB_NEWS', amount: 1, basis: 'week', unitKinds: ['district'], unitKindsFrom: 'heading' },
      { indicatorCode: 'PORTAL_NEWS', amount: 2, basis: 'month', unitKinds: ['district'], unitKindsFrom: 'heading' },
      { indicatorCode: 'SOCIAL_POSTS', amount: 3, basis: 'quarter', unitKinds: ['district'], unitKindsFrom: 'heading' },
    ]);
  });

  it('reads a report schedule written period first', () => {
    const x = extractPlan(
      'I. TỔ CHỨC THỰC HIỆN\n\nCác đơn vị báo cáo quý I trước ngày 10/3; báo cáo 6 tháng trước ngày 10/6; ' +
        'quý III trước ngày 10/9 và năm trước ngày 10/12 gửi về Sở Nội vụ.\n',
    );
    expect(x.reportPeriods.map((p) => [p.value.period, p.value.dueDay, p.value.dueMonth])).toEqual([
      ['Q1', 10, 3],
      ['H1', 10, 6],
      ['Q3', 10, 9],
      ['YEAR', 10, 12],
    ]);
  });

  it('reads a window written with "năm"', () => {
    const x = extractPlan('I. NỘI DUNG\n\n3. Thời gian thực hiện\n\nTừ tháng 2 năm 2025 đến tháng 12 năm 2025.\n');
    expect(x.executionWindow?.value).toEqual({ from: '2025-02', to: '2025-12' });
  });

  it.each(SEED_EXPECTATIONS.map((s) => [s.file, s] as const))(
    '%s without diacritics: the same fields, read without accents',
    (_f, seed) => {
      const x = extractPlan(withoutDiacritics(seedText(seed.file)));
      const s = score(extractionFields(x), seed.fields.map(withoutDiacritics));
      expect({ wrong: s.wrong, missed: s.missed }).toEqual({ wrong: [], missed: [] });
    },
  );

  it.each(SEED_EXPECTATIONS.map((s) => [s.file, s] as const))(
    '%s with CRLF line ends, doubled spaces and tabs',
    (_f, seed) => {
      const messy = seedText(seed.file).replace(/\n/g, '\r\n').replace(/ (\d)/g, '  $1').replace(/: /g, ':\t');
      const s = score(
        extractionFields(extractPlan(messy)).map((f) => f.replace(/\s+/g, ' ')),
        seed.fields.map((f) => f.replace(/:\s/g, ': ')),
      );
      expect(s.falseNegatives + s.falsePositives).toBeLessThanOrEqual(1);
    },
  );

  it('never throws on odd input', () => {
    for (const s of ['', '\n\n\n', 'Số:', 'ngày tháng năm', '*'.repeat(10000), 'I. \nII.\n', 'Nơi nhận:\n- ']) {
      expect(() => extractPlan(s)).not.toThrow();
    }
  });
});

describe('foldKeepingOffsets', () => {
  it('keeps the length and folds accents', () => {
    const s = 'Sở Giáo dục và Đào tạo – **Nam Định**\r\nỦY BAN';
    const f = foldKeepingOffsets(s);
    expect(f.length).toBe(s.length);
    // "**" → two spaces, "\r" → a space, "–" → "-".
    expect(f).toBe('so giao duc va dao tao -   nam dinh   \nuy ban');
  });
});

describe('toPlanDraft', () => {
  it('gives seed 001 its deadline, targets and default schedule', () => {
    const d = toPlanDraft(extractPlan(seedText('001_581e4daf63d91ab6.txt')), 2030);
    expect(d.year).toBe(2024);
    expect(d.title).toBe('Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh');
    expect(d.childDeadline).toBe('2024-01-31');
    expect(d.targets).toHaveLength(5);
    expect(d.targets[1]).toEqual({
      indicatorCode: 'RADIO_ITEMS',
      amount: 1,
      basis: 'week',
      unitKinds: ['district', 'commune'],
    });
    expect(d.reportSchedule.map((r) => r.period)).toEqual(['Q1', 'H1', 'Q3', 'YEAR']);
    expect(d.sections.purpose).toMatch(/^1\. Mục tiêu/);
    expect(d.sections.forms).toMatch(/^a\) Trên Cổng thông tin/);
    expect(d.parentPlanRef).toMatch(/^Thực hiện Kế hoạch số 4912\/KH-UBND/);
    expect(d.number).toBeUndefined();
  });

  it('uses the due days of seed 003 and the number and symbol of seed 002', () => {
    const d3 = toPlanDraft(extractPlan(seedText('003_3c3cbfb97a6eb7de.txt')), 2030);
    expect(d3.reportSchedule.map((r) => `${r.period} ${r.dueDay}/${r.dueMonth}`)).toEqual([
      'Q1 10/3',
      'H1 10/6',
      'Q3 10/9',
      'YEAR 10/12',
    ]);
    expect(d3.childDeadline).toBe('2023-01-31');
    const d2 = toPlanDraft(extractPlan(seedText('002_314fe1d1ef57e084.txt')), 2030);
    expect([d2.number, d2.symbol, d2.issueDate, d2.title]).toEqual([
      99,
      '99/KH-TrS',
      '2020-08-26',
      'Kế hoạch tuyên truyền cải cách hành chính năm 2020',
    ]);
  });
});
