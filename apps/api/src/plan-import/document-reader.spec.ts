import { Document, Packer, Paragraph, TextRun } from 'docx';
import { crc32, deflateRawSync } from 'zlib';
import { extractPlan } from '@cchc/domain';
import {
  extractionFields,
  score,
  SEED_EXPECTATIONS,
  seedText,
} from '../../../../test/support/plan-import-expectations';
import { MAX_UPLOAD_BYTES, PlanFileError, readPlanDocument } from './document-reader';

/** A .docx made from plain text: one Word paragraph per line, as a user's plan would be. */
async function docxOf(text: string): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) }],
  });
  return Packer.toBuffer(doc);
}

/** A minimal zip writer (deflated entries), to build hostile containers byte by byte. */
function zip(entries: Array<{ name: string; data: Buffer; declaredSize?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

async function failure(p: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PlanFileError);
    const err = e as PlanFileError;
    const body = err.getResponse() as { code: string; message: string };
    return { status: err.getStatus(), code: body.code, message: body.message };
  }
  throw new Error('expected a failure');
}

describe('readPlanDocument + extractPlan on .docx built from the seeds', () => {
  it.each(SEED_EXPECTATIONS.map((s) => [s.file, s] as const))('%s as .docx: the same fields', async (_f, seed) => {
    const buffer = await docxOf(seedText(seed.file));
    const read = await readPlanDocument(buffer, 'ke-hoach.docx');
    expect(read.format).toBe('docx');
    const s = score(extractionFields(extractPlan(read.text)), seed.fields);
    expect({ wrong: s.wrong, missed: s.missed }).toEqual({ wrong: [], missed: [] });
  });

  it('reads .txt and .md as UTF-8, and UTF-16 with a BOM', async () => {
    const text = seedText('003_3c3cbfb97a6eb7de.txt');
    expect((await readPlanDocument(Buffer.from(text), 'kh.txt', 'text/plain')).text).toBe(text);
    expect((await readPlanDocument(Buffer.from(text), 'kh.md')).format).toBe('md');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect((await readPlanDocument(utf16, 'kh.txt')).text).toBe(text);
  });
});

describe('readPlanDocument refuses what it will not read', () => {
  it('a file over the size limit: 413', async () => {
    const f = await failure(readPlanDocument(Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x41), 'kh.txt'));
    expect(f).toMatchObject({ status: 413, code: 'plan_import.file_too_large' });
    expect(f.message).toMatch(/Tệp quá lớn/);
  });

  it('a .doc, a picture, a text file named .docx: 415', async () => {
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(100)]);
    expect(await failure(readPlanDocument(ole, 'kh.doc'))).toMatchObject({
      status: 415,
      code: 'plan_import.unsupported_file',
    });
    expect(
      await failure(readPlanDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'anh.png', 'image/png')),
    ).toMatchObject({ status: 415, code: 'plan_import.unsupported_file' });
    const f = await failure(readPlanDocument(Buffer.from('Số: 1/KH-UBND'), 'kh.docx'));
    expect(f).toMatchObject({ status: 415, code: 'plan_import.not_docx' });
    expect(f.message).toMatch(/không phải tệp Word/);
  });

  it('a zip that is not a Word document: 415; a binary named .txt: 415', async () => {
    expect(await failure(readPlanDocument(zip([{ name: 'a.txt', data: Buffer.from('x') }]), 'kh.docx'))).toMatchObject({
      status: 415,
      code: 'plan_import.not_docx',
    });
    expect(await failure(readPlanDocument(Buffer.from([1, 0, 2, 3]), 'kh.txt'))).toMatchObject({
      status: 415,
      code: 'plan_import.not_text',
    });
  });

  it('a zip bomb (60 MB of zeros in 60 kB, declared small): 422 without expanding it all', async () => {
    const bomb = zip([{ name: 'word/document.xml', data: Buffer.alloc(60 * 1024 * 1024), declaredSize: 1000 }]);
    expect(bomb.length).toBeLessThan(MAX_UPLOAD_BYTES);
    const f = await failure(readPlanDocument(bomb, 'kh.docx'));
    expect(f).toMatchObject({ status: 422, code: 'plan_import.suspicious_file' });
    expect(f.message).toMatch(/nén bất thường/);
  });

  it('a truncated .docx, bad UTF-8, an empty file: 422', async () => {
    const good = await docxOf('KẾ HOẠCH\nTuyên truyền');
    expect(await failure(readPlanDocument(good.subarray(0, good.length - 40), 'kh.docx'))).toMatchObject({
      status: 422,
      code: 'plan_import.unreadable',
    });
    expect(await failure(readPlanDocument(Buffer.from([0x4b, 0xc3, 0x28, 0x41]), 'kh.txt'))).toMatchObject({
      status: 422,
      code: 'plan_import.bad_encoding',
    });
    expect(await failure(readPlanDocument(Buffer.alloc(0), 'kh.txt'))).toMatchObject({
      status: 422,
      code: 'plan_import.empty_file',
    });
  });
});
