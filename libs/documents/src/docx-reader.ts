/**
 * Reads a .docx back (it is a zip of XML parts): the paragraphs' texts in order, the tables' cell texts and the
 * raw XML of the body. For tests and checks of generated documents; no dependency beyond JSZip (shipped with docx).
 */
import JSZip from 'jszip';

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Text of an XML fragment: its <w:t> runs joined. */
function textOf(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:t\/>/g)) out += decode(m[1] ?? '');
  return out;
}

export interface DocxContent {
  /** word/document.xml as written. */
  xml: string;
  /** Every paragraph's text, in document order (including those inside tables). */
  paragraphs: string[];
  /** Every table: rows of cell texts (a cell's paragraphs joined with "\n"). */
  tables: string[][][];
  /** The page-number header part, if any. */
  headers: string[];
}

export async function readDocx(buffer: Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
  const tables: string[][][] = [];
  // Tables here are not nested, so a lazy match per table is exact.
  for (const t of xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)) {
    tables.push(
      [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
        [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) =>
          [...c[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => textOf(p[0])).join('\n'),
        ),
      ),
    );
  }
  const headers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/header\d*\.xml$/.test(n))
      .map((n) => zip.file(n)!.async('string')),
  );
  return { xml, paragraphs, tables, headers };
}

/** The two columns of a document header (its first table), each column's cells joined top to bottom. */
export function headerColumns(table: string[][]): string[] {
  return table[0].map((_, col) => table.map((row) => row[col] ?? '').join('\n'));
}
