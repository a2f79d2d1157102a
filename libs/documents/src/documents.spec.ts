import { PassThrough } from 'stream';
import { Workbook } from 'exceljs';
import { buildAggregateReportDocument, buildPlanDocument, buildReportDocument, writeReviewWorkbook } from '.';
import { headerColumns, readDocx } from './docx-reader';
import { sampleAggregate, samplePlan, sampleReport, sampleWorkbook } from './samples';
import { formatNumber, formatPercent, numberLine, placeDateLine, safeCellText } from './text';
import { parentBodyLine } from './nd30';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

describe('text helpers', () => {
  it('writes Vietnamese numbers, percentages, number lines and date lines', () => {
    expect(formatNumber(1234567.5)).toBe('1.234.567,5');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(-0.125, 2)).toBe('-0,13');
    expect(formatPercent(50 / 45)).toBe('111,1%');
    expect(formatPercent(null)).toBe('—');
    expect(numberLine('BC', 'SNV', 12)).toBe('Số: 12/BC-SNV');
    expect(numberLine('KH', 'UBND', null)).toBe('Số:      /KH-UBND');
    expect(numberLine('KH', 'UBND', 4, '4912/KH-UBND')).toBe('Số: 4912/KH-UBND');
    expect(placeDateLine('Bình Thuận', '2027-03-10', 2027)).toBe('Bình Thuận, ngày 10 tháng 3 năm 2027');
    expect(placeDateLine('Nam Định', '2023-12-05', 2023)).toBe('Nam Định, ngày 05 tháng 12 năm 2023');
    expect(placeDateLine(null, null, 2024)).toBe('……………, ngày      tháng      năm 2024');
  });

  it('neutralises text a spreadsheet would read as a formula', () => {
    for (const s of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(safeCellText(s)).toBe(`'${s}`);
    for (const s of ['Sở Nội vụ', '1=1', '', 'a-b']) expect(safeCellText(s)).toBe(s);
  });
});

describe('Nghị định 30 page and header', () => {
  it('A4 portrait, margins 20/20/30/15 mm, Times New Roman, page numbers from page 2', async () => {
    const { xml, headers } = await readDocx(await buildPlanDocument(samplePlan()));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = xml.match(/<w:pgMar ([^>]*)\/>/)![1];
    const attr = (n: string) => Number(mar.match(new RegExp(`w:${n}="(\\d+)"`))![1]);
    expect(attr('top')).toBe(twips(20));
    expect(attr('bottom')).toBe(twips(20));
    expect(attr('left')).toBe(twips(30));
    expect(attr('right')).toBe(twips(15));
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toMatch(/w:ascii="Times New Roman"/);
    expect(xml).not.toMatch(/w:ascii="(?!Times New Roman)/);
    expect(headers.some((h) => h.includes('PAGE'))).toBe(true);
  });
});

describe('plan document', () => {
  it('carries the header, number, date line, title, sections I–V, targets, deadlines, schedule and recipients', async () => {
    const v = samplePlan();
    const { paragraphs, tables } = await readDocx(await buildPlanDocument(v));
    const header = headerColumns(tables[0]);
    expect(header[0]).toBe('UBND TỈNH BÌNH THUẬN\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n\nSố: 759/KH-SGDĐT');
    expect(header[1]).toBe(
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nBình Thuận, ngày 15 tháng 01 năm 2024',
    );
    const body = paragraphs.join('\n');
    expect(paragraphs).toContain('KẾ HOẠCH');
    expect(paragraphs).toContain('Tuyên truyền cải cách hành chính năm 2024');
    expect(body).toContain(
      'Thực hiện Kế hoạch số 4912/KH-UBND ngày 15/12/2023 của UBND tỉnh Bình Thuận về cải cách hành chính năm 2024, Sở Giáo dục và Đào tạo ban hành Kế hoạch như sau:',
    );
    const headings = paragraphs.filter((p) => /^(I|II|III|IV|V)\. /.test(p));
    expect(headings).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN',
      'III. CÁC HOẠT ĐỘNG CỤ THỂ VÀ CHỈ TIÊU',
      'IV. KINH PHÍ',
      'V. TỔ CHỨC THỰC HIỆN',
    ]);
    // 5 a month = 60 a year; 1 a week = 52 a year
    expect(tables[1].slice(1)).toEqual([
      ['1', 'Tin, bài trên trang thông tin điện tử', '5 tin, bài/tháng', '60', 'Tất cả đơn vị'],
      ['2', 'Tin, bài trên đài truyền thanh', '1 tin, bài/tuần', '52', 'Xã/Phường/Thị trấn'],
    ]);
    expect(body).toContain('Thời gian hoàn thành xây dựng kế hoạch của các đơn vị: chậm nhất là ngày 31/01/2024.');
    expect(body).toContain('- Báo cáo quý I: trước ngày 10/03/2024 (số liệu từ ngày 15/12/2023 đến ngày 14/03/2024);');
    expect(body).toContain('- Báo cáo năm: trước ngày 10/12/2024');
    const signature = tables[tables.length - 1][0];
    expect(signature[0].split('\n')).toEqual([
      'Nơi nhận:',
      '- Sở Nội vụ;',
      '- Lãnh đạo Sở;',
      '- Các phòng GDĐT, đơn vị trực thuộc;',
      '- Lưu: VT, VP.',
    ]);
    expect(signature[1].split('\n').filter(Boolean)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn Thuận']);
  });

  it('leaves the number and the day blank on a draft, and adds "Lưu: VT" when missing', async () => {
    const v = { ...samplePlan(), number: null, date: null, draft: true, recipients: ['- Sở Nội vụ;'] };
    const { paragraphs, tables } = await readDocx(await buildPlanDocument(v));
    expect(headerColumns(tables[0])[0]).toContain('Số:      /KH-SGDĐT');
    expect(headerColumns(tables[0])[1]).toContain('Bình Thuận, ngày      tháng      năm 2024');
    expect(paragraphs).toContain('(Dự thảo – chưa ban hành)');
    expect(tables[tables.length - 1][0][0].split('\n')).toEqual(['Nơi nhận:', '- Sở Nội vụ;', '- Lưu: VT.']);
  });
});

describe('unit report document', () => {
  it('has the indicator table (target, actual, % of target) and the four narrative parts', async () => {
    const { paragraphs, tables } = await readDocx(await buildReportDocument(sampleReport()));
    expect(headerColumns(tables[0])[0]).toBe('SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTRƯỜNG THPT CỘNG HIỀN\n\nSố:      /BC-THPTCH');
    expect(headerColumns(tables[0])[1]).toContain('Bình Thuận, ngày 08 tháng 3 năm 2024');
    expect(paragraphs).toContain('BÁO CÁO');
    expect(paragraphs).toContain(
      'Kết quả thực hiện công tác thông tin, tuyên truyền cải cách hành chính quý I năm 2024',
    );
    expect(tables[1]).toEqual([
      ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Chỉ tiêu kỳ', 'Thực hiện', 'Tỷ lệ (%)', 'Đánh giá'],
      ['1', 'Tin, bài trên trang thông tin điện tử', 'tin, bài', '15', '12', '80%', 'Chưa đạt'],
      ['2', 'Hội nghị, tập huấn', 'hội nghị', '—', '2', '—', ''],
    ]);
    const body = paragraphs.join('\n');
    expect(body).toContain('(số liệu từ ngày 15/12/2023 đến ngày 14/03/2024)');
    for (const t of [
      'Đã đăng 12 tin, bài trên trang thông tin điện tử của trường.',
      'Số tin, bài chưa đạt chỉ tiêu.',
      'Thiếu cán bộ phụ trách trang thông tin điện tử.',
      '=Đề nghị Sở tổ chức tập huấn viết tin, bài.',
    ])
      expect(paragraphs).toContain(t);
    expect(tables[2][0][1].split('\n').filter(Boolean)).toEqual(['HIỆU TRƯỞNG', 'Trần Thị Hoa']);
  });
});

describe('aggregated report document', () => {
  it('has totals vs targets, completeness per level, the units table, the score and the gathered narratives', async () => {
    const { paragraphs, tables } = await readDocx(await buildAggregateReportDocument(sampleAggregate()));
    expect(headerColumns(tables[0])[0]).toBe('UBND TỈNH BÌNH THUẬN\nSỞ NỘI VỤ\n\nSố: 12/BC-SNV');
    expect(headerColumns(tables[0])[1]).toContain('Bình Thuận, ngày 10 tháng 3 năm 2027');
    const [, indicators, levels, units, score] = tables;
    expect(indicators.slice(1)).toEqual([
      ['1', 'Tin, bài trên trang thông tin điện tử', 'tin, bài', '45', '50', '111,1%', 'Đạt'],
      ['2', 'Tin, bài trên đài truyền thanh', 'tin, bài', '13', '9', '69,2%', 'Chưa đạt'],
    ]);
    expect(levels[2]).toEqual(['Toàn bộ', '3', '2', '1', '1', '1', '2', '33,3%']);
    expect(units.slice(1).map((r) => [r[1], r[4]])).toEqual([
      ['Sở Giáo dục và Đào tạo', 'Đúng hạn'],
      ['Sở Tư pháp', 'Muộn'],
      ['UBND thành phố Phan Thiết', 'Chưa gửi (quá hạn)'],
    ]);
    expect(score.slice(1)).toEqual([
      ['4.1. Mức độ hoàn thành kế hoạch', '1', '0', '1/2 chỉ tiêu đạt'],
      ['4.2. Đa dạng hóa hình thức tuyên truyền', '1', '0,5', 'Có hình thức trực tuyến'],
      ['Tổng', '2', '0,5', ''],
    ]);
    const at = (h: string) => paragraphs.indexOf(h);
    expect(at('1. Tồn tại, hạn chế')).toBeGreaterThan(at('II. TỒN TẠI, HẠN CHẾ; NGUYÊN NHÂN'));
    const between = (a: string, b: string) => paragraphs.slice(at(a) + 1, at(b));
    expect(between('1. Tồn tại, hạn chế', '2. Nguyên nhân')).toEqual([
      '- Sở Tư pháp: Chưa cập nhật kịp thời thủ tục hành chính.',
      '- Sở Giáo dục và Đào tạo: Một số trường chưa đạt chỉ tiêu.',
      'Tin, bài còn ít.',
    ]);
    expect(between('2. Nguyên nhân', 'III. ĐỀ XUẤT, KIẾN NGHỊ')).toEqual(['- Sở Tư pháp: Thiếu nhân lực.']);
    expect(paragraphs[at('III. ĐỀ XUẤT, KIẾN NGHỊ') + 1]).toBe('(Các đơn vị chưa nêu nội dung này)');
    expect(tables[tables.length - 1][0][0].split('\n')).toEqual([
      'Nơi nhận:',
      '- UBND tỉnh (b/c);',
      '- Bộ Nội vụ (b/c);',
      '- Lưu: VT, CCHC.',
    ]);
  });
});

describe('review workbook', () => {
  const load = async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeReviewWorkbook(sampleWorkbook(), out);
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as never);
    return wb;
  };

  it('one sheet per table with Vietnamese headers, frozen header rows and filters', async () => {
    const wb = await load();
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Ma trận rà soát',
      'Tổng hợp chỉ tiêu',
      'Theo đơn vị',
      'Chậm, chưa gửi',
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(ws.autoFilter).toBeTruthy();
    }
    const matrix = wb.getWorksheet('Ma trận rà soát')!;
    expect(matrix.getRow(2).values).toEqual([
      undefined,
      'STT',
      'Mã đơn vị',
      'Tên đơn vị',
      'Quý I – Trạng thái',
      'Quý I – Hạn gửi',
      'Quý I – Thời hạn',
    ]);
    expect(matrix.getCell('D3').value).toBe('Đã duyệt');
    expect((matrix.getCell('E3').value as Date).toISOString().slice(0, 10)).toBe('2027-03-10');
    expect(matrix.getCell('E3').numFmt).toBe('dd/mm/yyyy');
    expect(matrix.getCell('F4').value).toBe('Muộn');
    expect(matrix.getCell('F5').value).toBe('Quá hạn, chưa gửi');
    // column widths fit the longest text
    expect(matrix.getColumn(3).width).toBeGreaterThanOrEqual('UBND thành phố Phan Thiết'.length);
  });

  it('writes the figures as numbers with number formats', async () => {
    const ind = (await load()).getWorksheet('Tổng hợp chỉ tiêu')!;
    expect(ind.getRow(3).values).toEqual([
      undefined,
      'Quý I',
      'WEB_NEWS',
      'Tin, bài trên trang thông tin điện tử',
      'tin, bài',
      45,
      50,
      50 / 45,
      3,
      41,
    ]);
    expect(ind.getCell('G3').numFmt).toBe('0.0%');
    expect(ind.getCell('F4').value).toBe(9.5);
    expect(ind.getCell('F4').numFmt).toBe('#,##0.00');
    expect(ind.getCell('F3').numFmt).toBe('#,##0');
  });

  it('neutralises formula-like text in every sheet', async () => {
    const wb = await load();
    expect(wb.getWorksheet('Ma trận rà soát')!.getCell('C4').value).toBe('\'=HYPERLINK("http://x")');
    expect(wb.getWorksheet('Theo đơn vị')!.getCell('C4').value).toBe("'+cmd");
    expect(wb.getWorksheet('Chậm, chưa gửi')!.getCell('D3').value).toBe("'@SUM(A1)");
    for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((c) => expect(c.formula).toBeUndefined()));
  });
});

describe('parentBodyLine', () => {
  it('shortens a long people’s committee to UBND, keeps short names', () => {
    expect(parentBodyLine('Ủy ban nhân dân tỉnh Phước Vĩnh')).toBe('UBND tỉnh Phước Vĩnh');
    expect(parentBodyLine('Sở Giáo dục và Đào tạo')).toBe('Sở Giáo dục và Đào tạo');
    expect(parentBodyLine('Bộ Nội vụ')).toBe('Bộ Nội vụ');
  });
});
