/**
 * The form of an administrative document under Nghị định 30/2020/NĐ-CP (Phụ lục I), as docx building blocks:
 * A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the two-column header
 * (issuer under its parent body, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" over "Độc lập - Tự do - Hạnh phúc", each
 * with its rule), "Số: …", place and date in italics, title and trích yếu, the signature block and "Nơi nhận:".
 * Page numbers at the top centre from page 2.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { DocumentFrame, DocumentSigner } from './types';
import { numberLine, paragraphsOf, placeDateLine, upper } from './text';

export const FONT = 'Times New Roman';
/** Sizes in half-points. */
const PT = (n: number) => n * 2;
export const BODY_PT = 14;
export const TABLE_PT = 12;

/** Millimetres to twips, rounded (A4 = 11906 × 16838). */
const mm = (x: number) => Math.round((x * 1440) / 25.4);
export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
};
/** Width of the text area in twips (165 mm). */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const HEADER_LEFT = mm(72);
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
const SIGN_LEFT = mm(80);
const SIGN_RIGHT = TEXT_WIDTH - SIGN_LEFT;

const CELL_MARGIN = { top: 0, bottom: 0, left: 0, right: 0 };
export const FIRST_LINE = mm(10);

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

export const run = (text: string, s: RunStyle = {}) =>
  new TextRun({ text, font: FONT, bold: s.bold, italics: s.italics, size: PT(s.size ?? BODY_PT) });

/** A centred line of the header or the signature block. */
const centred = (children: ParagraphChild[], after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after, line: 240 }, children });

/** A short horizontal rule, `widthMm` long, centred in a column `columnTwips` wide. */
function rule(columnTwips: number, widthMm: number, after = 0) {
  const side = Math.max(0, Math.round((columnTwips - mm(widthMm)) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 50, after, line: 40, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

/**
 * The parent body as the header's first line: a long "Ủy ban nhân dân …" is written "UBND …", as the decree's
 * samples do, so that it fits on one line of the column.
 */
export function parentBodyLine(name: string): string {
  return name.length > 24 ? name.replace(/^(Ủy|Uỷ) ban nhân dân/i, 'UBND') : name;
}

/**
 * The two-column header (Phụ lục I, ô 1–4): row 1 the issuer under its parent body | the national title and motto,
 * each with its rule; row 2 the number | the place and date — so "Số:" and the date line share a line however
 * long the names are.
 */
export function documentHeader(frame: DocumentFrame, type: 'KH' | 'BC'): Table {
  const { issuer } = frame;
  const left: Paragraph[] = [];
  if (issuer.parentName) left.push(centred([run(upper(parentBodyLine(issuer.parentName)), { size: 12 })]));
  // "ỦY BAN NHÂN DÂN / TỈNH BÌNH THUẬN" on two lines, as the decree's samples break it; other names wrap freely
  const committee = issuer.name.match(/^((?:Ủy|Uỷ) ban nhân dân)\s+(.+)$/i);
  for (const line of committee && issuer.name.length > 24 ? [committee[1], committee[2]] : [issuer.name])
    left.push(centred([run(upper(line), { bold: true, size: 12 })]));
  left.push(rule(HEADER_LEFT, 22));
  const right: Paragraph[] = [
    centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 12 })]),
    centred([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 13 })]),
    rule(HEADER_RIGHT, 60),
  ];
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, margins: CELL_MARGIN, children });
  const lower = (text: string, italics: boolean) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 0, line: 240 },
      children: [run(text, { italics, size: italics ? 14 : 13 })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [HEADER_LEFT, HEADER_RIGHT],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ cantSplit: true, children: [cell(HEADER_LEFT, left), cell(HEADER_RIGHT, right)] }),
      new TableRow({
        cantSplit: true,
        children: [
          cell(HEADER_LEFT, [lower(numberLine(type, issuer.abbreviation, frame.number, frame.symbol), false)]),
          cell(HEADER_RIGHT, [lower(placeDateLine(frame.place, frame.date, frame.year), true)]),
        ],
      }),
    ],
  });
}

/** Tên loại văn bản and trích yếu: "KẾ HOẠCH" / "Tuyên truyền cải cách hành chính năm 2024", with its rule. */
export function titleBlock(kind: string, summary: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 0 },
      keepNext: true,
      children: [run(upper(kind), { bold: true, size: 14 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0 },
      keepNext: true,
      children: [run(summary, { bold: true, size: 14 })],
    }),
    rule(TEXT_WIDTH, 40, 240),
  ];
}

/** A body paragraph: justified, first line indented, 6 pt after, line spacing about 1.15. */
export function bodyParagraph(text: string | ParagraphChild[], opts: { italics?: boolean } = {}) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: { before: 0, after: 120, line: 276 },
    children: typeof text === 'string' ? [run(text, { italics: opts.italics })] : text,
  });
}

/** Every paragraph of a free text; `placeholder` (in italics) when it is empty. */
export function bodyText(text: string | null | undefined, placeholder = '(Chưa có nội dung)'): Paragraph[] {
  const paras = paragraphsOf(text);
  if (paras.length) return paras.map((p) => bodyParagraph(p));
  return placeholder ? [bodyParagraph(placeholder, { italics: true })] : [];
}

/** "I. MỤC ĐÍCH, YÊU CẦU" (level 1, bold capitals) or "1. Mục tiêu" (level 2, bold). */
export function heading(text: string, level: 1 | 2 = 1) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: { before: level === 1 ? 120 : 60, after: 120, line: 276 },
    keepNext: true,
    children: [run(level === 1 ? upper(text) : text, { bold: true })],
  });
}

export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

export interface Column {
  title: string;
  /** Share of the text width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A bordered data table with a repeated bold header row; cells in 12 pt. */
export function dataTable(columns: Column[], rows: string[][], opts: { boldLastRow?: boolean } = {}): Table {
  const total = columns.reduce((a, c) => a + c.width, 0);
  const widths = columns.map((c) => Math.floor((TEXT_WIDTH * c.width) / total));
  const alignment = (a?: Column['align']) =>
    a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  // Kept lean (table-level cell margins, the document's default font, no "not bold" flags): a 2,000-row table is
  // 10,000 cells, and each property is an object the docx library builds and serialises.
  const cell = (text: string, i: number, header: boolean, bold: boolean) =>
    new TableCell({
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : alignment(columns[i].align),
          spacing: { before: 0, after: 0 },
          children: [new TextRun({ text, bold: header || bold || undefined, size: PT(TABLE_PT) })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        height: { value: 400, rule: HeightRule.ATLEAST },
        children: columns.map((c, i) => cell(c.title, i, true, true)),
      }),
      ...rows.map(
        (r, ri) =>
          new TableRow({
            cantSplit: true,
            children: r.map((t, i) => cell(t, i, false, !!opts.boldLastRow && ri === rows.length - 1)),
          }),
      ),
    ],
  });
}

/** The space after a table before the next paragraph. */
export const spacer = (after = 120) =>
  new Paragraph({ spacing: { before: 0, after }, children: [new TextRun({ text: '', size: 2 })] });

/** The lines of the signature block (Phụ lục I, ô 7): authority, title, room for the signature, name. */
export function signatureLines(signer: DocumentSigner | null): Paragraph[] {
  const s = signer ?? { title: 'THỦ TRƯỞNG CƠ QUAN', name: '' };
  const lines: Paragraph[] = [];
  if (s.signingForm && s.onBehalfOf) {
    lines.push(centred([run(`${s.signingForm} ${upper(s.onBehalfOf)}`, { bold: true })]));
  }
  lines.push(centred([run(upper(s.title), { bold: true })]));
  for (let i = 0; i < 4; i++) lines.push(centred([run('')]));
  lines.push(centred([run(s.name, { bold: true })]));
  return lines;
}

/** "Nơi nhận:" and its lines: "- Sở Nội vụ;" … "- Lưu: VT." (bold italic 12, recipients 11). */
export function recipientLines(recipients: string[]): Paragraph[] {
  const clean = recipients
    .map((r) =>
      r
        .trim()
        .replace(/^[-–]\s*/, '')
        .replace(/[;.,]+$/, ''),
    )
    .filter(Boolean);
  if (!clean.some((r) => /^Lưu\b/i.test(r))) clean.push('Lưu: VT');
  const para = (children: TextRun[]) => new Paragraph({ spacing: { before: 0, after: 0 }, children });
  return [
    para([run('Nơi nhận:', { bold: true, italics: true, size: 12 })]),
    ...clean.map((r, i) => para([run(`- ${r}${i === clean.length - 1 ? '.' : ';'}`, { size: 11 })])),
  ];
}

/** Nơi nhận on the left, the signature block on the right. */
export function signatureBlock(frame: DocumentFrame): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [SIGN_LEFT, SIGN_RIGHT],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: SIGN_LEFT, type: WidthType.DXA },
            margins: CELL_MARGIN,
            children: recipientLines(frame.recipients),
          }),
          new TableCell({
            width: { size: SIGN_RIGHT, type: WidthType.DXA },
            margins: CELL_MARGIN,
            children: signatureLines(frame.signer),
          }),
        ],
      }),
    ],
  });
}

/** The whole document: page setup, header, body, closing, signature block; packed to a .docx buffer. */
export function packDocument(opts: {
  frame: DocumentFrame;
  type: 'KH' | 'BC';
  title: string;
  body: Array<Paragraph | Table>;
  closing: string;
  description: string;
}): Promise<Buffer> {
  const doc = new Document({
    creator: opts.frame.issuer.name,
    title: opts.title,
    description: opts.description,
    styles: {
      default: {
        document: { run: { font: FONT, size: PT(BODY_PT) }, paragraph: { spacing: { line: 276 } } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              header: mm(10),
              footer: mm(10),
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(13) })],
              }),
            ],
          }),
        },
        children: [
          documentHeader(opts.frame, opts.type),
          ...opts.body,
          bodyParagraph(opts.closing),
          spacer(240),
          signatureBlock(opts.frame),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
