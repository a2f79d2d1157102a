import { Workbook } from 'exceljs';
import { externalParentCodes, type RowProblem, type UnitImportRow, type UnitRowsCheck } from '@cchc/domain';
import { buildUnitCsv, buildUnitXlsx, type UnitFileRow } from '../../../../../test/support/unit-files';
import { FileFormatError, parseUnitFile } from './unit-file';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SAMPLE: Omit<UnitImportRow, 'rowNumber'>[] = [
  {
    code: 'BTH',
    name: 'Ủy ban nhân dân tỉnh Bình Thuận',
    abbreviation: 'UBND',
    kind: 'province',
    parentCode: null,
    email: 'ubnd@binhthuan.gov.vn',
  },
  {
    code: 'BTH.SGDDT',
    name: 'Sở Giáo dục và Đào tạo',
    abbreviation: 'SGDĐT',
    kind: 'department',
    parentCode: 'BTH',
    email: null,
  },
  {
    code: 'BTH.SNV',
    name: 'Sở Nội vụ',
    abbreviation: 'SNV',
    kind: 'department',
    parentCode: 'BTH',
    email: 'snv@binhthuan.gov.vn',
  },
  {
    code: 'BTH.SGDDT.THPT-PTH',
    name: 'Trường THPT Phan Thiết, "chuyên"',
    abbreviation: 'THPT PT',
    kind: 'school',
    parentCode: 'BTH.SGDDT',
    email: null,
  },
  {
    code: 'BTH.DPTTH',
    name: 'Đài Phát thanh - Truyền hình',
    abbreviation: 'Đài PT-TH',
    kind: 'media',
    parentCode: 'BTH',
    email: null,
  },
  {
    code: 'BTH.X-PHU-THUY',
    name: 'Phường Phú Thủy; thành phố Phan Thiết',
    abbreviation: 'P. Phú Thủy',
    kind: 'commune',
    parentCode: 'BTH',
    email: null,
  },
];

function csv(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

function expectOk(result: UnitRowsCheck): UnitImportRow[] {
  if (!result.ok) throw new Error(`expected ok, got problems: ${JSON.stringify(result.problems, null, 2)}`);
  return result.rows;
}

function expectProblems(result: UnitRowsCheck): RowProblem[] {
  if (result.ok) throw new Error('expected problems, got ok');
  return result.problems;
}

async function expectFormatError(promise: Promise<unknown>, code: string): Promise<FileFormatError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FileFormatError);
  expect((err as FileFormatError).code).toBe(code);
  expect((err as FileFormatError).message).toMatch(/[ăâđêôơưáàảãạếềểễệốồổỗộớờởỡợ]/i); // Vietnamese text
  return err as FileFormatError;
}

function stripRowNumbers(rows: UnitImportRow[]): Omit<UnitImportRow, 'rowNumber'>[] {
  return rows.map(({ rowNumber: _, ...rest }) => rest);
}

/** A workbook with the given rows of raw cell values on its first sheet. */
async function rawXlsx(rows: unknown[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

function generateRows(count: number): UnitFileRow[] {
  // A province, 25 departments, communes and schools below them: parents always defined before children here.
  const rows: UnitFileRow[] = [
    {
      code: 'P',
      name: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
      abbreviation: 'UBND',
      kind: 'province',
      parentCode: null,
      email: null,
    },
  ];
  for (let i = 1; rows.length < count; i++) {
    const parent = i <= 25 ? 'P' : `P.${String(1 + (i % 25)).padStart(4, '0')}`;
    const kind = i <= 25 ? 'department' : i % 2 === 0 ? 'school' : 'commune';
    rows.push({
      code: `P.${String(i).padStart(4, '0')}`,
      name: `${kind === 'school' ? 'Trường Tiểu học' : kind === 'commune' ? 'Xã' : 'Sở'} Đức Hòa số ${i}`,
      abbreviation: `ĐV${i}`,
      kind,
      parentCode: parent,
      email: i % 3 === 0 ? `dv${i}@thunghiem.gov.vn` : null,
    });
  }
  return rows;
}

describe('parseUnitFile: CSV', () => {
  it('round-trips buildUnitCsv with Vietnamese diacritics intact (NFC)', async () => {
    const text = buildUnitCsv(SAMPLE);
    expect(text.startsWith('\uFEFFMã đơn vị,Tên đơn vị,Viết tắt,Loại,Mã đơn vị cha,Email\r\n')).toBe(true);
    const rows = expectOk(await parseUnitFile(csv(text), 'don-vi.csv', 'text/csv'));
    expect(stripRowNumbers(rows)).toEqual(SAMPLE);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6, 7]);
    for (const r of rows) {
      expect(r.name).toBe(r.name.normalize('NFC'));
      expect(r.abbreviation).toBe(r.abbreviation.normalize('NFC'));
    }
  });

  it('normalizes decomposed (NFD) text to NFC, trims and collapses whitespace in names', async () => {
    const nfdName = 'Sở  Tư   pháp\u00a0 tỉnh'.normalize('NFD');
    expect(nfdName).not.toBe(nfdName.normalize('NFC'));
    const text = `code,name,abbreviation,kind,parent_code\n  STP ,"  ${nfdName}  ",${'STP'.normalize('NFD')},${'Sở'.normalize('NFD')},\n`;
    const [row] = expectOk(await parseUnitFile(csv(text), 'x.csv'));
    expect(row).toEqual({
      rowNumber: 2,
      code: 'STP',
      name: 'Sở Tư pháp tỉnh',
      abbreviation: 'STP',
      kind: 'department',
      parentCode: null,
      email: null,
    });
  });

  it('reads a semicolon-separated CSV with a BOM and quoted fields', async () => {
    const text =
      '\uFEFFMã đơn vị;Tên đơn vị;Viết tắt;Loại;Mã đơn vị cha;Email\r\n' +
      'HN;"Ủy ban nhân dân thành phố Hà Nội; Thủ đô";UBND;province;;\r\n' +
      'HN.SNV;Sở Nội vụ;SNV;department;HN;"snv@hanoi.gov.vn"\r\n';
    const rows = expectOk(await parseUnitFile(csv(text), 'units.CSV'));
    expect(stripRowNumbers(rows)).toEqual([
      {
        code: 'HN',
        name: 'Ủy ban nhân dân thành phố Hà Nội; Thủ đô',
        abbreviation: 'UBND',
        kind: 'province',
        parentCode: null,
        email: null,
      },
      {
        code: 'HN.SNV',
        name: 'Sở Nội vụ',
        abbreviation: 'SNV',
        kind: 'department',
        parentCode: 'HN',
        email: 'snv@hanoi.gov.vn',
      },
    ]);
  });

  it('accepts Vietnamese headers in any order, any case and with or without accents, and Vietnamese kind names', async () => {
    const text = [
      'LOAI DON VI,Ký hiệu,  mã cấp trên ,Tên,MÃ,e-mail,Ghi chú',
      'Tỉnh,UBND,,Ủy ban nhân dân tỉnh Lạng Sơn,LS,,ignored column',
      'SỞ,SLĐTBXH,LS,Sở Lao động - Thương binh và Xã hội,LS.SLDTBXH,,',
      'huyen,UBND,LS,Ủy ban nhân dân huyện Cao Lộc,LS.CL,,',
      'phường,P.CL,LS.CL,Phường Chi Lăng,LS.CL.PCL,,',
      'Văn phòng,VP,LS.SLDTBXH,Văn phòng Sở,LS.SLDTBXH.VP,,',
      'Trường,THPT,LS,Trường THPT Việt Bắc,LS.THPT-VB,,',
      'trung tam,TTGDNN,LS.CL,Trung tâm GDNN-GDTX huyện Cao Lộc,LS.CL.TT,,',
      'Đài,Đài PT-TH,LS,Đài Phát thanh - Truyền hình Lạng Sơn,LS.DPTTH,,',
      'khác,BQL,LS,Ban quản lý,LS.BQL,,',
    ].join('\n');
    const rows = expectOk(await parseUnitFile(csv(text), 'lang-son.csv'));
    expect(rows.map((r) => [r.code, r.kind, r.parentCode])).toEqual([
      ['LS', 'province', null],
      ['LS.SLDTBXH', 'department', 'LS'],
      ['LS.CL', 'district', 'LS'],
      ['LS.CL.PCL', 'commune', 'LS.CL'],
      ['LS.SLDTBXH.VP', 'office', 'LS.SLDTBXH'],
      ['LS.THPT-VB', 'school', 'LS'],
      ['LS.CL.TT', 'centre', 'LS.CL'],
      ['LS.DPTTH', 'media', 'LS'],
      ['LS.BQL', 'other', 'LS'],
    ]);
    expect(rows[1]).toMatchObject({ name: 'Sở Lao động - Thương binh và Xã hội', abbreviation: 'SLĐTBXH' });
  });

  it('skips blank lines but numbers rows as a spreadsheet does', async () => {
    const text = 'code,name,abbreviation,kind,parentCode\n\nA,Đơn vị A,A,other,\n  \n\nB,Đơn vị B,B,other,A\n';
    const rows = expectOk(await parseUnitFile(csv(text), 'a.csv'));
    expect(rows.map((r) => [r.code, r.rowNumber])).toEqual([
      ['A', 3],
      ['B', 6],
    ]);
  });

  it('handles CRLF, a quoted field spanning lines (one spreadsheet row) and a title row above the header', async () => {
    const text =
      'DANH SÁCH ĐƠN VỊ TỈNH BÌNH THUẬN,,,,\r\n' +
      'Mã đơn vị,Tên đơn vị,Viết tắt,Loại,Mã đơn vị cha\r\n' +
      'A,"Ủy ban nhân dân\r\ntỉnh A",UBND,tỉnh,\r\n' +
      'B,Sở B,,sở,A\r\n';
    const result = await parseUnitFile(csv(text), 'a.csv');
    expect(expectProblems(result)).toEqual([
      { rowNumber: 4, field: 'abbreviation', code: 'import.missing_field', message: 'Thiếu tên viết tắt.' },
    ]);
  });

  it('round-trips values that look like spreadsheet formulas', async () => {
    const rows: UnitFileRow[] = [
      { code: 'A', name: '=HYPERLINK("x")', abbreviation: '-A-', kind: 'other', parentCode: null, email: null },
    ];
    const text = buildUnitCsv(rows);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(stripRowNumbers(expectOk(await parseUnitFile(csv(text), 'a.csv')))).toEqual(rows);
  });

  it('rejects a CSV that is not UTF-8, with advice in Vietnamese', async () => {
    const latin1 = Buffer.from('code,name,abbreviation,kind,parentCode\nA,Caf\xe9,A,other,\n', 'latin1');
    const err = await expectFormatError(parseUnitFile(latin1, 'a.csv'), 'import.unsupported_file');
    expect(err.message).toContain('UTF-8');
  });

  it('rejects a CSV with an unclosed quote', async () => {
    const text = 'code,name,abbreviation,kind,parentCode\nA,"Đơn vị A,A,other,\n';
    await expectFormatError(parseUnitFile(csv(text), 'a.csv'), 'import.unsupported_file');
  });
});

describe('parseUnitFile: XLSX', () => {
  it('writes text that looks like a formula as neutralised text, and reads it back verbatim', async () => {
    const rows: UnitFileRow[] = [
      {
        code: 'A',
        name: '=HYPERLINK("http://x.example","Bấm")',
        abbreviation: '@A',
        kind: 'other',
        parentCode: null,
        email: null,
      },
    ];
    const buffer = await buildUnitXlsx(rows);
    const wb = new Workbook();
    await wb.xlsx.load(buffer as never);
    const cells = wb.worksheets[0].getRow(2).values as unknown[];
    expect(cells.slice(1, 4)).toEqual(['A', `'=HYPERLINK("http://x.example","Bấm")`, "'@A"]);
    expect(stripRowNumbers(expectOk(await parseUnitFile(buffer, 'a.xlsx', XLSX_MIME)))).toEqual(rows);
  });

  it('round-trips buildUnitXlsx with Vietnamese diacritics intact (NFC)', async () => {
    const buffer = await buildUnitXlsx(SAMPLE);
    expect(buffer.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const rows = expectOk(await parseUnitFile(buffer, 'don-vi.xlsx', XLSX_MIME));
    expect(stripRowNumbers(rows)).toEqual(SAMPLE);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6, 7]);
    for (const r of rows) expect(r.name).toBe(r.name.normalize('NFC'));

    const wb = new Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).values).toEqual([
      undefined,
      'Mã đơn vị',
      'Tên đơn vị',
      'Viết tắt',
      'Loại',
      'Mã đơn vị cha',
      'Email',
    ]);
  });

  it('reads number-typed codes, formulas, rich text and hyperlinks; skips empty rows', async () => {
    const buffer = await rawXlsx([
      ['Tên đơn vị', 'Mã đơn vị', 'Loại', 'Viết tắt', 'Mã đơn vị cha', 'Email'],
      ['Ủy ban nhân dân tỉnh', 123, 'province', 'UBND', null, null],
      [],
      [
        { richText: [{ text: 'Sở ', font: { bold: true } }, { text: 'Nội vụ' }] },
        { formula: '"S"&"NV"', result: 'SNV' },
        'Sở',
        'SNV',
        { formula: '100+23', result: 123 },
        { text: 'snv@tinh.gov.vn', hyperlink: 'mailto:snv@tinh.gov.vn' },
      ],
      ['Xã Một', 4560, 'Xã', 'X1', 'SNV', ' mailto:x1@tinh.gov.vn '],
    ]);
    const rows = expectOk(await parseUnitFile(buffer, 'units.xlsx'));
    expect(rows).toEqual([
      {
        rowNumber: 2,
        code: '123',
        name: 'Ủy ban nhân dân tỉnh',
        abbreviation: 'UBND',
        kind: 'province',
        parentCode: null,
        email: null,
      },
      {
        rowNumber: 4,
        code: 'SNV',
        name: 'Sở Nội vụ',
        abbreviation: 'SNV',
        kind: 'department',
        parentCode: '123',
        email: 'snv@tinh.gov.vn',
      },
      {
        rowNumber: 5,
        code: '4560',
        name: 'Xã Một',
        abbreviation: 'X1',
        kind: 'commune',
        parentCode: 'SNV',
        email: 'x1@tinh.gov.vn',
      },
    ]);
  });

  it('reports spreadsheet error values in cells', async () => {
    const buffer = await rawXlsx([
      ['code', 'name', 'abbreviation', 'kind', 'parentCode'],
      ['A', { formula: 'VLOOKUP(1,Z:Z,1,0)', result: { error: '#N/A' } }, 'A', 'other', null],
    ]);
    expect(expectProblems(await parseUnitFile(buffer, 'a.xlsx'))).toEqual([
      expect.objectContaining({ rowNumber: 2, field: 'name', code: 'import.cell_error' }),
    ]);
  });

  it('detects an XLSX by its content even when named .csv', async () => {
    const buffer = await buildUnitXlsx(SAMPLE.slice(0, 1));
    expect(expectOk(await parseUnitFile(buffer, 'renamed.csv', 'text/csv'))).toHaveLength(1);
  });
});

describe('parseUnitFile: row validation', () => {
  it('reports exactly the 3 bad rows of a file, with their row numbers and reasons', async () => {
    const rows: UnitFileRow[] = [
      { code: 'T', name: 'Tỉnh Thử', abbreviation: 'UBND', kind: 'province' },
      { code: 'T.S1', name: 'Sở Một', abbreviation: 'S1', kind: 'department', parentCode: 'T' },
      { code: 'T.S2', name: 'Sở Hai', abbreviation: 'S2', kind: 'bộ', parentCode: 'T' }, // row 4: invalid kind
      {
        code: 'T.S3',
        name: 'Sở Ba',
        abbreviation: 'S3',
        kind: 'department',
        parentCode: 'T',
        email: 'so3@tinh.gov.vn',
      },
      { code: 'T S4', name: 'Sở Bốn', abbreviation: 'S4', kind: 'department', parentCode: 'T' }, // row 6: invalid code
      { code: 'T.S5', name: 'Sở Năm', abbreviation: 'S5', kind: 'department', parentCode: 'T' },
      { code: 'T.S6', name: '', abbreviation: 'S6', kind: 'department', parentCode: 'T', email: 'khong-phai-email' }, // row 8: two problems
      { code: 'T.S7', name: 'Sở Bảy', abbreviation: 'S7', kind: 'department', parentCode: 'NGOAI' },
    ];
    for (const [buffer, name] of [
      [csv(buildUnitCsv(rows)), 'bad.csv'],
      [await buildUnitXlsx(rows), 'bad.xlsx'],
    ] as const) {
      const result = await parseUnitFile(buffer, name);
      expect(result).toMatchObject({ ok: false, rowCount: 8 });
      const problems = expectProblems(result);
      expect([...new Set(problems.map((p) => p.rowNumber))]).toEqual([4, 6, 8]);
      expect(problems.map(({ rowNumber, field, code }) => ({ rowNumber, field, code }))).toEqual([
        { rowNumber: 4, field: 'kind', code: 'import.invalid_kind' },
        { rowNumber: 6, field: 'code', code: 'import.invalid_code' },
        { rowNumber: 8, field: 'name', code: 'import.missing_field' },
        { rowNumber: 8, field: 'email', code: 'import.invalid_email' },
      ]);
      expect(problems[0].message).toContain('“bộ”');
      expect(problems[1].message).toContain('“T S4”');
      expect(problems[2].message).toBe('Thiếu tên đơn vị.');
      expect(problems[3].message).toBe('Email “khong-phai-email” không hợp lệ.');
    }
  });

  it('reports every missing required field and over-long values on the same row', async () => {
    const text = [
      'code,name,abbreviation,kind,parentCode',
      ',,,,',
      'ok,x,,,',
      `${'A'.repeat(65)},${'ư'.repeat(256)},${'Đ'.repeat(33)},other,`,
      `B,${'ư'.repeat(255)},${'Đ'.repeat(32)},other,`,
    ].join('\n');
    const problems = expectProblems(await parseUnitFile(csv(text), 'a.csv'));
    expect(problems.map(({ rowNumber, field, code }) => `${rowNumber}:${field}:${code}`)).toEqual([
      '3:abbreviation:import.missing_field',
      '3:kind:import.missing_field',
      '4:code:import.too_long',
      '4:name:import.too_long',
      '4:abbreviation:import.too_long',
    ]);
    expect(problems[3].message).toBe('Tên đơn vị dài 256 ký tự, vượt quá giới hạn 255 ký tự.');
  });

  it('reports every occurrence of a duplicate code after the first, naming the first row', async () => {
    const text = [
      'code,name,abbreviation,kind,parentCode',
      'A,Đơn vị A,A,other,',
      'B,Đơn vị B,B,other,A',
      'A,Đơn vị A lần 2,A2,other,',
      'C,Đơn vị C,C,other,B',
      'A,Đơn vị A lần 3,A3,other,B',
      'B,Đơn vị B lần 2,B2,other,',
    ].join('\n');
    const problems = expectProblems(await parseUnitFile(csv(text), 'dup.csv'));
    expect(problems).toEqual([
      {
        rowNumber: 4,
        field: 'code',
        code: 'import.duplicate_code',
        message: 'Mã đơn vị “A” bị trùng với dòng 2. Mỗi đơn vị phải có một mã riêng.',
      },
      {
        rowNumber: 6,
        field: 'code',
        code: 'import.duplicate_code',
        message: 'Mã đơn vị “A” bị trùng với dòng 2. Mỗi đơn vị phải có một mã riêng.',
      },
      {
        rowNumber: 7,
        field: 'code',
        code: 'import.duplicate_code',
        message: 'Mã đơn vị “B” bị trùng với dòng 3. Mỗi đơn vị phải có một mã riêng.',
      },
    ]);
  });

  it('detects a unit that is its own parent and parent cycles, reporting each row in a cycle', async () => {
    const text = [
      'code,name,abbreviation,kind,parentCode',
      'ROOT,Gốc,G,province,',
      'A,Đơn vị A,A,other,B', // row 3: A → B → A
      'B,Đơn vị B,B,other,A', // row 4
      'SELF,Tự trỏ,S,other,SELF', // row 5
      'C,Đơn vị C,C,other,E', // row 6: C → E → D → C
      'D,Đơn vị D,D,other,C', // row 7
      'E,Đơn vị E,E,other,D', // row 8
      'F,Đơn vị F,F,other,A', // row 9: hangs below a cycle but is not in it
      'G,Đơn vị G,G,other,ROOT',
    ].join('\n');
    const problems = expectProblems(await parseUnitFile(csv(text), 'cycle.csv'));
    expect(problems.map((p) => [p.rowNumber, p.code])).toEqual([
      [3, 'import.cycle'],
      [4, 'import.cycle'],
      [5, 'import.self_parent'],
      [6, 'import.cycle'],
      [7, 'import.cycle'],
      [8, 'import.cycle'],
    ]);
    expect(problems[0].message).toContain('A → B → A');
    expect(problems[0].message).toContain('các dòng 3, 4');
    expect(problems[3].message).toContain('C → E → D → C');
  });

  it('does not treat a parent code outside the file as an error, and lists such codes', async () => {
    const text = [
      'code,name,abbreviation,kind,parentCode',
      'A,A,A,other,DB1',
      'B,B,B,other,A',
      'C,C,C,other,DB2',
      'D,D,D,other,DB1',
    ].join('\n');
    const rows = expectOk(await parseUnitFile(csv(text), 'ext.csv'));
    expect(externalParentCodes(rows)).toEqual(['DB1', 'DB2']);
  });

  it('checks e-mail addresses by the rule of the unit form (class-validator isEmail)', async () => {
    const text = [
      'code,name,abbreviation,kind,parentCode,email',
      'A,A,A,other,,a@tinh.gov.vn',
      'B,B,B,other,A,b..c@tinh.gov.vn', // consecutive dots
      'C,C,C,other,A,c@tinh.123', // no top-level domain
      'D,D,D,other,A,MAILTO:d@tinh.gov.vn',
    ].join('\n');
    const problems = expectProblems(await parseUnitFile(csv(text), 'email.csv'));
    expect(problems.map((p) => [p.rowNumber, p.field, p.code])).toEqual([
      [3, 'email', 'import.invalid_email'],
      [4, 'email', 'import.invalid_email'],
    ]);
  });

  it('validates the format of a parent code', async () => {
    const text = ['code,name,abbreviation,kind,parentCode', 'A,A,A,other,Sở Nội vụ'].join('\n');
    expect(expectProblems(await parseUnitFile(csv(text), 'a.csv'))).toEqual([
      expect.objectContaining({ rowNumber: 2, field: 'parentCode', code: 'import.invalid_code' }),
    ]);
  });
});

describe('parseUnitFile: unreadable files', () => {
  it('rejects unsupported file types', async () => {
    await expectFormatError(
      parseUnitFile(Buffer.from('%PDF-1.4 ...'), 'don-vi.pdf', 'application/pdf'),
      'import.unsupported_file',
    );
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const err = await expectFormatError(
      parseUnitFile(xls, 'don-vi.xls', 'application/vnd.ms-excel'),
      'import.unsupported_file',
    );
    expect(err.message).toContain('.xlsx');
    await expectFormatError(
      parseUnitFile(Buffer.from('not a zip'), 'don-vi.xlsx', XLSX_MIME),
      'import.unsupported_file',
    );
    await expectFormatError(
      parseUnitFile(Buffer.from('PK\x03\x04garbage', 'latin1'), 'don-vi.xlsx'),
      'import.unsupported_file',
    );
  });

  it('rejects a file lacking required columns, naming them', async () => {
    const text = 'Mã đơn vị,Tên đơn vị,Email\nA,Đơn vị A,a@b.vn\n';
    const err = await expectFormatError(parseUnitFile(csv(text), 'a.csv'), 'import.missing_columns');
    expect(err.details.missingColumns).toEqual(['abbreviation', 'kind', 'parentCode']);
    expect(err.message).toContain('Viết tắt, Loại, Mã đơn vị cha');

    const xlsx = await rawXlsx([
      ['Tên', 'Loại', 'Ký hiệu', 'Mã cấp trên'],
      ['A', 'other', 'A', null],
    ]);
    const xErr = await expectFormatError(parseUnitFile(xlsx, 'a.xlsx'), 'import.missing_columns');
    expect(xErr.details.missingColumns).toEqual(['code']);
  });

  it('rejects a header naming the same column twice', async () => {
    const text = 'Mã,Tên,Tên đơn vị,Viết tắt,Loại,Mã cấp trên\nA,X,Y,A,other,\n';
    await expectFormatError(parseUnitFile(csv(text), 'a.csv'), 'import.duplicate_columns');
  });

  it('rejects empty files and header-only files', async () => {
    await expectFormatError(parseUnitFile(Buffer.alloc(0), 'a.csv'), 'import.empty_file');
    await expectFormatError(parseUnitFile(csv('\uFEFF\r\n\r\n'), 'a.csv'), 'import.empty_file');
    await expectFormatError(parseUnitFile(csv(buildUnitCsv([])), 'a.csv'), 'import.empty_file');
    await expectFormatError(parseUnitFile(await buildUnitXlsx([]), 'a.xlsx'), 'import.empty_file');
  });

  it('rejects more than 100,000 data rows', async () => {
    const line = 'X,Đơn vị,DV,other,\n';
    const text = `code,name,abbreviation,kind,parentCode\n${line.repeat(100_001)}`;
    await expectFormatError(parseUnitFile(csv(text), 'big.csv'), 'import.too_many_rows');
  });
});

describe('parseUnitFile: a province-sized file', () => {
  const generated = generateRows(2_000);

  it.each(['csv', 'xlsx'] as const)('parses 2,000 rows (%s) correctly', async (format) => {
    const buffer = format === 'csv' ? csv(buildUnitCsv(generated)) : await buildUnitXlsx(generated);
    const rows = expectOk(await parseUnitFile(buffer, `units.${format}`));
    expect(rows).toHaveLength(2_000);
    expect(stripRowNumbers(rows)).toEqual(
      generated.map((r) => ({ ...r, parentCode: r.parentCode ?? null, email: r.email ?? null })),
    );
    expect(rows[1999].rowNumber).toBe(2_001);
    expect(externalParentCodes(rows)).toEqual([]);
  });
});
