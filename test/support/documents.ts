/**
 * Helpers for tests of exported files: download a binary body with supertest, read a .docx back, render it with
 * LibreOffice (a private profile, headless) to PDF, take page 1's text (`pdftotext -layout`) and a PNG (`pdftoppm`).
 */
import { execFile } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { promisify } from 'util';
import type { Response } from 'superagent';

const run = promisify(execFile);

/** supertest `.parse(binary)`: the body as one Buffer. */
export function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
  res.on('error', (e: Error) => done(e, Buffer.alloc(0)));
}

export const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots');

export interface Rendered {
  /** Text of page 1 (layout kept). */
  page1: string;
  /** Every page's text. */
  text: string;
  pages: number;
}

/**
 * Converts `docx` to PDF with LibreOffice and reads it back; when `screenshot` is given, page 1 goes to
 * docs/screenshots/document-<screenshot>.png.
 */
export async function renderDocx(docx: Buffer, screenshot?: string): Promise<Rendered> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-render-'));
  try {
    writeFileSync(join(dir, 'doc.docx'), docx);
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'doc.docx'),
      ],
      { timeout: 120_000 },
    );
    const pdf = join(dir, 'doc.pdf');
    const page1 = (await run('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'])).stdout;
    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
    const info = (await run('pdfinfo', [pdf])).stdout;
    if (screenshot) {
      await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'page')]);
      mkdirSync(SCREENSHOTS, { recursive: true });
      copyFileSync(join(dir, 'page.png'), join(SCREENSHOTS, `document-${screenshot}.png`));
    }
    return { page1, text, pages: Number(info.match(/Pages:\s+(\d+)/)?.[1] ?? 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
