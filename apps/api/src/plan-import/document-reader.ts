/**
 * Turns an uploaded plan document into text: .docx through mammoth, .txt/.md as UTF-8 (or UTF-16 with a BOM).
 * Size, type and the zip container are checked before mammoth sees anything, and every entry is inflated here
 * first under a byte budget, so a zip bomb is refused without being expanded. Errors carry a stable code, a
 * Vietnamese message and the status the API answers with (413 too large, 415 wrong type, 422 unreadable).
 */
import { HttpException } from '@nestjs/common';
import mammoth from 'mammoth';
import { inflateRawSync } from 'zlib';

/** Largest upload accepted. Real plans are 20–200 kB as .docx. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Largest total size of a .docx once unzipped. */
export const MAX_UNZIPPED_BYTES = 40 * 1024 * 1024;
/** Most entries in a .docx (a plan has about 15). */
export const MAX_ZIP_ENTRIES = 1000;
/** Longest text extracted (about 100 pages; the seed plans are 11–16 thousand characters). */
export const MAX_TEXT_CHARS = 300_000;

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const HELP = 'Vui lòng tải lên tệp Word (.docx) hoặc tệp văn bản (.txt, .md).';

export class PlanFileError extends HttpException {
  constructor(status: 413 | 415 | 422, code: string, message: string, details?: Record<string, unknown>) {
    super({ code, message, ...(details ? { details } : {}) }, status);
  }
}

export const tooLarge = () =>
  new PlanFileError(
    413,
    'plan_import.file_too_large',
    `Tệp quá lớn: tối đa ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. ${HELP}`,
    { maxBytes: MAX_UPLOAD_BYTES },
  );

function extensionOf(filename: string): string {
  const base = filename.trim().split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

const isZip = (b: Buffer) => b.length >= 4 && b.readUInt32LE(0) === 0x04034b50;
const isOle = (b: Buffer) => b.length >= 8 && b.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'));

export interface ReadDocument {
  text: string;
  format: 'docx' | 'txt' | 'md';
}

/** Reads an uploaded file; throws `PlanFileError` for anything it will not read. */
export async function readPlanDocument(buffer: Buffer, filename: string, mimetype?: string): Promise<ReadDocument> {
  if (buffer.length > MAX_UPLOAD_BYTES) throw tooLarge();
  if (buffer.length === 0) throw new PlanFileError(422, 'plan_import.empty_file', 'Tệp rỗng, không có nội dung.');
  const ext = extensionOf(filename);
  const mime = (mimetype ?? '').split(';')[0].trim().toLowerCase();
  if (isOle(buffer) || ext === 'doc') {
    throw new PlanFileError(
      415,
      'plan_import.unsupported_file',
      'Tệp Word 97–2003 (.doc) không được hỗ trợ. Vui lòng mở tệp trong Word và lưu lại dưới dạng “Word Document (.docx)”.',
    );
  }
  let text: string;
  let format: ReadDocument['format'];
  if (ext === 'docx' || mime === DOCX_MIME) {
    if (!isZip(buffer))
      throw new PlanFileError(
        415,
        'plan_import.not_docx',
        `Tệp “${filename}” không phải tệp Word (.docx) thật. ${HELP}`,
      );
    checkZip(buffer);
    try {
      text = (await mammoth.extractRawText({ buffer })).value;
    } catch {
      throw new PlanFileError(
        422,
        'plan_import.unreadable',
        'Không đọc được tệp Word: tệp bị hỏng hoặc không đúng định dạng .docx.',
      );
    }
    format = 'docx';
  } else if (ext === 'txt' || ext === 'md' || ((ext === '' || ext === 'text') && mime.startsWith('text/'))) {
    const utf16 = (buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff);
    if (isZip(buffer) || (!utf16 && buffer.includes(0)))
      throw new PlanFileError(415, 'plan_import.not_text', `Tệp “${filename}” không phải tệp văn bản thuần. ${HELP}`);
    text = decodeText(buffer);
    format = ext === 'md' ? 'md' : 'txt';
  } else {
    throw new PlanFileError(415, 'plan_import.unsupported_file', `Không hỗ trợ loại tệp của “${filename}”. ${HELP}`);
  }
  if (text.length > MAX_TEXT_CHARS)
    throw new PlanFileError(422, 'plan_import.text_too_long', 'Văn bản quá dài để đọc như một kế hoạch.', {
      maxChars: MAX_TEXT_CHARS,
    });
  if (!text.trim()) throw new PlanFileError(422, 'plan_import.empty_file', 'Tệp không có nội dung văn bản.');
  return { text, format };
}

function decodeText(buffer: Buffer): string {
  try {
    if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(buffer);
    if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(buffer);
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new PlanFileError(
      422,
      'plan_import.bad_encoding',
      'Tệp văn bản không ở mã UTF-8. Vui lòng lưu lại tệp với bảng mã “UTF-8”.',
    );
  }
}

const corrupt = () =>
  new PlanFileError(
    422,
    'plan_import.unreadable',
    'Không đọc được tệp Word: tệp bị hỏng hoặc không đúng định dạng .docx.',
  );
const bomb = () =>
  new PlanFileError(
    422,
    'plan_import.suspicious_file',
    'Tệp Word có nội dung nén bất thường (quá lớn khi giải nén) nên không được đọc.',
    {
      maxUnzippedBytes: MAX_UNZIPPED_BYTES,
    },
  );

/**
 * Walks the zip's central directory and inflates every entry under one byte budget (the declared sizes are not
 * trusted). Requires word/document.xml.
 */
export function checkZip(b: Buffer): void {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const entries = b.readUInt16LE(eocd + 10);
  const cdOffset = b.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) throw bomb(); // ZIP64: never a plan
  if (entries > MAX_ZIP_ENTRIES) throw bomb();
  let budget = MAX_UNZIPPED_BYTES;
  let hasDocument = false;
  let p = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) throw corrupt();
    const method = b.readUInt16LE(p + 10);
    const compressed = b.readUInt32LE(p + 20);
    const declared = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const name = b.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (name === 'word/document.xml') hasDocument = true;
    if (declared > budget) throw bomb();
    if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50) throw corrupt();
    const dataStart = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    if (dataStart + compressed > b.length) throw corrupt();
    const data = b.subarray(dataStart, dataStart + compressed);
    let size: number;
    if (method === 0) size = data.length;
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: budget + 1 }).length;
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw bomb();
        throw corrupt();
      }
    } else throw corrupt();
    if (size > budget) throw bomb();
    budget -= size;
  }
  if (!hasDocument)
    throw new PlanFileError(
      415,
      'plan_import.not_docx',
      `Tệp không phải văn bản Word (.docx): thiếu phần nội dung. ${HELP}`,
    );
}
