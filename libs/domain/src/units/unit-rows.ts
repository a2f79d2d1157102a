/**
 * The rows of a unit list (danh sách đơn vị) that an admin imports: what a sound row is, and every problem of
 * every bad row, with row numbers as the user sees them in a spreadsheet. A list is judged as a whole: either every
 * row is sound, or nothing of it should be written. Reading the file is the caller's job; so are the checks that
 * need the database (parents that already exist, the admin's scope).
 */
import { foldVietnamese, UNIT_KINDS, type UnitKind } from './unit';
import { findCycles, parentIndexes } from './unit-tree-order';

/** The fields of a unit-list row, in the order of the columns of the template. */
export const UNIT_FIELDS = ['code', 'name', 'abbreviation', 'kind', 'parentCode', 'email'] as const;
export type UnitField = (typeof UNIT_FIELDS)[number];

/** A sound row of a unit list. */
export interface UnitImportRow {
  /** The row number as a user sees it in a spreadsheet (header = row 1, first data row = row 2). */
  rowNumber: number;
  code: string;
  name: string;
  abbreviation: string;
  kind: UnitKind;
  parentCode: string | null;
  email: string | null;
}

/** One data row as read from a file: the text of each field, and the fields whose cell held a spreadsheet error. */
export interface UnitListEntry {
  rowNumber: number;
  values: Partial<Record<UnitField, string>>;
  /** The error value (#N/A, #REF! …) by field. */
  cellErrors?: Partial<Record<UnitField, string>>;
}

export interface RowProblem {
  rowNumber: number;
  /** The UnitImportRow field the problem is about, when there is one. */
  field?: string;
  code: string;
  /** Vietnamese, for the user. */
  message: string;
}

/**
 * On failure `validRows` still carries the rows that passed every check of the list, and `codes` every code the list
 * names, so the caller can add its own (database) checks and report every bad row in one answer.
 */
export type UnitRowsCheck =
  | { ok: true; rows: UnitImportRow[] }
  | { ok: false; problems: RowProblem[]; rowCount: number; validRows: UnitImportRow[]; codes: string[] };

/** What the domain does not decide itself: the syntax of an e-mail address (the API's validator owns it). */
export interface UnitRowRules {
  isEmailAddress(value: string): boolean;
}

const MAX_CODE_LENGTH = 64;
export const MAX_NAME_LENGTH = 255;
export const MAX_ABBREVIATION_LENGTH = 32;
export const MAX_EMAIL_LENGTH = 254;
const CODE_CHARACTERS = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** A unit code: letters without accents, digits, “.”, “_”, “-”; at most 64 characters. */
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Vietnamese (and a few English) names of kinds, as `foldName` folds them. */
const KIND_ALIASES: Readonly<Record<UnitKind, readonly string[]>> = {
  province: ['tinh', 'ubnd tinh', 'tinh thanh pho'],
  department: ['so', 'so ban nganh', 'ban nganh'],
  district: ['huyen', 'quan', 'thi xa', 'ubnd huyen', 'quan huyen'],
  commune: ['xa', 'phuong', 'thi tran', 'dac khu', 'ubnd xa', 'xa phuong', 'xa phuong thi tran'],
  office: ['phong', 'van phong'],
  school: ['truong', 'truong hoc'],
  centre: ['trung tam', 'center'],
  media: ['bao', 'dai', 'bao dai', 'bao chi', 'co quan bao chi', 'dai phat thanh truyen hinh'],
  other: ['khac'],
};
const KIND_BY_NAME = new Map<string, UnitKind>();
for (const kind of UNIT_KINDS) {
  KIND_BY_NAME.set(kind, kind);
  for (const alias of KIND_ALIASES[kind]) KIND_BY_NAME.set(alias, kind);
}

const FIELD_LABEL: Readonly<Record<UnitField, string>> = {
  code: 'mã đơn vị',
  name: 'tên đơn vị',
  abbreviation: 'tên viết tắt',
  kind: 'loại đơn vị',
  parentCode: 'mã đơn vị cha',
  email: 'email',
};
const FIELD_RANK = new Map<string | undefined, number>([
  ...UNIT_FIELDS.map((f, i) => [f, i] as const),
  [undefined, -1],
]);

// ---------------------------------------------------------------------------------------------------------------
// Text

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** NFC, invisible characters (zero-width spaces, BOM) removed, trimmed. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').trim();
}

/** `cleanText`, then every run of whitespace (line breaks from Alt+Enter, non-breaking spaces …) becomes one space. */
function cleanCollapsed(value: string): string {
  return cleanText(value).replace(/\s+/g, ' ');
}

/** A name folded for matching, punctuation as spaces: "Xã/Phường" → "xa phuong". */
function foldName(value: string): string {
  return foldVietnamese(value)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

function quote(value: string): string {
  return `“${value}”`;
}

function capitalized(label: string): string {
  return `${label[0].toUpperCase()}${label.slice(1)}`;
}

/** Vietnamese or English kind name → UnitKind. */
export function parseUnitKind(value: string): UnitKind | null {
  return KIND_BY_NAME.get(foldName(value)) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// One row

interface CandidateRow {
  rowNumber: number;
  code: string;
  name: string;
  abbreviation: string;
  kind: UnitKind | null;
  parentCode: string | null;
  email: string | null;
  /** Code and parent code usable for duplicate/cycle checks (present and well-formed). */
  codeOk: boolean;
  parentOk: boolean;
}

function checkCode(value: string, field: 'code' | 'parentCode', rowNumber: number, problems: RowProblem[]): boolean {
  const label = capitalized(FIELD_LABEL[field]);
  if (!CODE_CHARACTERS.test(value)) {
    problems.push({
      rowNumber,
      field,
      code: 'import.invalid_code',
      message:
        `${label} ${quote(value)} không hợp lệ: chỉ được dùng chữ cái không dấu, chữ số ` +
        'và các ký tự “.”, “_”, “-”, bắt đầu bằng chữ cái hoặc chữ số, không có dấu cách.',
    });
    return false;
  }
  if (!UNIT_CODE_PATTERN.test(value)) {
    problems.push({
      rowNumber,
      field,
      code: 'import.too_long',
      message: `${label} dài ${charLength(value)} ký tự, vượt quá giới hạn ${MAX_CODE_LENGTH} ký tự.`,
    });
    return false;
  }
  return true;
}

function checkLength(value: string, field: UnitField, max: number, rowNumber: number, problems: RowProblem[]): void {
  const n = charLength(value);
  if (n > max) {
    problems.push({
      rowNumber,
      field,
      code: 'import.too_long',
      message: `${capitalized(FIELD_LABEL[field])} dài ${n} ký tự, vượt quá giới hạn ${max} ký tự.`,
    });
  }
}

function checkRow(entry: UnitListEntry, rules: UnitRowRules, problems: RowProblem[]): CandidateRow {
  const { rowNumber } = entry;
  const get = (field: UnitField): string => entry.values[field] ?? '';
  // Error cells (#N/A …) are reported once, and not again as missing.
  const errored = new Set<UnitField>();
  for (const field of UNIT_FIELDS) {
    const error = entry.cellErrors?.[field];
    if (error) {
      errored.add(field);
      problems.push({
        rowNumber,
        field,
        code: 'import.cell_error',
        message: `Ô ${FIELD_LABEL[field]} chứa lỗi công thức ${error}. Vui lòng nhập giá trị cụ thể.`,
      });
    }
  }
  const missing = (field: UnitField) => {
    if (!errored.has(field)) {
      problems.push({ rowNumber, field, code: 'import.missing_field', message: `Thiếu ${FIELD_LABEL[field]}.` });
    }
  };

  const code = cleanText(get('code'));
  const name = cleanCollapsed(get('name'));
  const abbreviation = cleanCollapsed(get('abbreviation'));
  const kindText = cleanCollapsed(get('kind'));
  const parentText = cleanText(get('parentCode'));
  const emailText = cleanText(get('email')).replace(/^mailto:/i, '');

  let codeOk = false;
  if (code === '') missing('code');
  else codeOk = checkCode(code, 'code', rowNumber, problems);

  if (name === '') missing('name');
  else checkLength(name, 'name', MAX_NAME_LENGTH, rowNumber, problems);

  if (abbreviation === '') missing('abbreviation');
  else checkLength(abbreviation, 'abbreviation', MAX_ABBREVIATION_LENGTH, rowNumber, problems);

  let kind: UnitKind | null = null;
  if (kindText === '') missing('kind');
  else {
    kind = parseUnitKind(kindText);
    if (!kind) {
      problems.push({
        rowNumber,
        field: 'kind',
        code: 'import.invalid_kind',
        message:
          `Loại đơn vị ${quote(kindText)} không hợp lệ. Chọn một trong: tỉnh, sở, huyện, xã/phường, phòng/văn phòng, ` +
          `trường, trung tâm, báo/đài, khác (hoặc mã tiếng Anh: ${UNIT_KINDS.join(', ')}).`,
      });
    }
  }

  const parentCode = parentText === '' ? null : parentText;
  let parentOk = false;
  if (parentCode !== null) {
    parentOk = checkCode(parentCode, 'parentCode', rowNumber, problems);
    if (parentOk && codeOk && parentCode === code) {
      parentOk = false;
      problems.push({
        rowNumber,
        field: 'parentCode',
        code: 'import.self_parent',
        message: `Mã đơn vị cha ${quote(parentCode)} trùng với chính mã của đơn vị này: một đơn vị không thể là cấp trên của chính nó.`,
      });
    }
  }

  const email = emailText === '' ? null : emailText;
  if (email !== null) {
    if (charLength(email) > MAX_EMAIL_LENGTH) checkLength(email, 'email', MAX_EMAIL_LENGTH, rowNumber, problems);
    else if (!rules.isEmailAddress(email)) {
      problems.push({
        rowNumber,
        field: 'email',
        code: 'import.invalid_email',
        message: /[,;\s]/.test(email)
          ? `Email ${quote(email)} không hợp lệ: mỗi đơn vị chỉ nhập một địa chỉ email.`
          : `Email ${quote(email)} không hợp lệ.`,
      });
    }
  }

  return { rowNumber, code, name, abbreviation, kind, parentCode, email, codeOk, parentOk };
}

// ---------------------------------------------------------------------------------------------------------------
// The list as a whole

function checkDuplicates(rows: readonly CandidateRow[], problems: RowProblem[]): void {
  const firstRow = new Map<string, number>();
  for (const row of rows) {
    if (!row.codeOk) continue;
    const first = firstRow.get(row.code);
    if (first === undefined) firstRow.set(row.code, row.rowNumber);
    else {
      problems.push({
        rowNumber: row.rowNumber,
        field: 'code',
        code: 'import.duplicate_code',
        message: `Mã đơn vị ${quote(row.code)} bị trùng với dòng ${first}. Mỗi đơn vị phải có một mã riêng.`,
      });
    }
  }
}

function checkCycles(rows: readonly CandidateRow[], problems: RowProblem[]): void {
  const parent = parentIndexes(rows, (i) => ({ code: rows[i].codeOk, parent: rows[i].parentOk }));
  for (const cycle of findCycles(parent)) {
    const codes = cycle.map((i) => rows[i].code);
    const chain =
      codes.length <= 8
        ? [...codes, codes[0]].join(' → ')
        : `${codes.slice(0, 6).join(' → ')} → … → ${codes[0]} (${codes.length} đơn vị)`;
    const rowList = cycle.map((i) => rows[i].rowNumber).sort((a, b) => a - b);
    const rowText = rowList.length <= 20 ? rowList.join(', ') : `${rowList.slice(0, 20).join(', ')}, …`;
    for (const i of cycle) {
      problems.push({
        rowNumber: rows[i].rowNumber,
        field: 'parentCode',
        code: 'import.cycle',
        message: `Quan hệ cấp trên bị vòng lặp: ${chain} (các dòng ${rowText}). Một đơn vị không thể là cấp trên gián tiếp của chính nó.`,
      });
    }
  }
}

/**
 * Validates the rows of a unit list as a whole: each row (required fields, code format, lengths, kind, e-mail),
 * then codes used twice and parent links that loop. Returns either every row (`ok: true`) or every problem of every
 * bad row (`ok: false`), sorted by row number and then by column.
 */
export function validateUnitRows(entries: readonly UnitListEntry[], rules: UnitRowRules): UnitRowsCheck {
  const problems: RowProblem[] = [];
  const candidates = entries.map((e) => checkRow(e, rules, problems));
  checkDuplicates(candidates, problems);
  checkCycles(candidates, problems);

  const toRow = (c: CandidateRow): UnitImportRow => ({
    rowNumber: c.rowNumber,
    code: c.code,
    name: c.name,
    abbreviation: c.abbreviation,
    kind: c.kind as UnitKind,
    parentCode: c.parentCode,
    email: c.email,
  });
  if (problems.length > 0) {
    problems.sort(
      (a, b) => a.rowNumber - b.rowNumber || (FIELD_RANK.get(a.field) ?? 99) - (FIELD_RANK.get(b.field) ?? 99),
    );
    const bad = new Set(problems.map((p) => p.rowNumber));
    return {
      ok: false,
      problems,
      rowCount: entries.length,
      validRows: candidates.filter((c) => !bad.has(c.rowNumber)).map(toRow),
      codes: candidates.map((c) => c.code).filter(Boolean),
    };
  }
  return { ok: true, rows: candidates.map(toRow) };
}
