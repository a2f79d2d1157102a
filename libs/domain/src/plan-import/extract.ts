/**
 * Reads a plan document (plain text, as mammoth or a .txt gives it) and finds its metadata, parent plan, deadlines,
 * targets, report schedule, sections and recipients — by rule, no network, no model. Every field carries the
 * sentence it came from (offsets into the normalised text) and a confidence; the fields not found are listed.
 */
import { isLocalDate } from '../calendar/local-date';
import type { PeriodKind } from '../periods/report-periods';
import type { PlanSectionKey } from '../plans/plan';
import type { TargetBasis } from '../targets/target-basis';
import type { UnitKind } from '../units/unit';
import * as P from './patterns';
import { foldKeepingOffsets, linesOf, normaliseDocumentText, sentenceAround, type Span } from './text';
import { INDICATOR_WORDS, unitKindsIn } from './vocabulary';

export interface SourceSentence {
  /** Offsets of the sentence in `PlanExtraction.text` (end exclusive). */
  start: number;
  end: number;
  text: string;
  /** Offsets of the matched words inside the text. */
  matchStart: number;
  matchEnd: number;
}

export interface Extracted<T> {
  value: T;
  source: SourceSentence;
  /** 0–1: how sure the rule is (1 = a fixed form such as "Số: 163/KH-UBND"). */
  confidence: number;
}

export interface DocumentRef {
  kind: 'KH' | 'QD';
  number: number;
  /** "4912/KH-UBND" as printed, spaces removed. */
  symbol: string;
  /** ISO date. */
  date: string;
  issuer: string | null;
}

export interface ExtractedTarget {
  /** Indicator catalogue code, or null when the sentence names no known channel. */
  indicatorCode: string | null;
  amount: number;
  basis: TargetBasis;
  unitKinds: UnitKind[];
  /** Where the unit kinds came from: the sentence itself or the numbered heading above it. */
  unitKindsFrom: 'sentence' | 'heading' | null;
}

export type ExtractedPeriod = PeriodKind | 'quarterly' | 'ad_hoc';

export interface ExtractedReportPeriod {
  period: ExtractedPeriod;
  /** "trước ngày 10/3": day 10, month 3; null when the text names the period only. */
  dueDay: number | null;
  dueMonth: number | null;
}

export interface ExtractedSection {
  numeral: string;
  heading: string;
  key: PlanSectionKey | null;
  /** The section's text, heading excluded. */
  text: string;
}

export interface PlanExtraction {
  /** The text every offset refers to (NFC, `\n` line ends). */
  text: string;
  issuer?: Extracted<string>;
  parentBody?: Extracted<string>;
  documentType?: Extracted<'KH'>;
  number?: Extracted<number>;
  /** The part after the slash: "KH-UBND". */
  symbol?: Extracted<string>;
  issuePlace?: Extracted<string>;
  issueDate?: Extracted<string>;
  title?: Extracted<string>;
  year?: Extracted<number>;
  /** The plan implemented (the first cited "Kế hoạch", else the first cited document). */
  parentPlan?: Extracted<DocumentRef>;
  /** Every document the preamble says the plan implements. */
  parentRefs: Array<Extracted<DocumentRef>>;
  childDeadline?: Extracted<string>;
  executionWindow?: Extracted<{ from: string; to: string }>;
  targets: Array<Extracted<ExtractedTarget>>;
  reportPeriods: Array<Extracted<ExtractedReportPeriod>>;
  reportRecipient?: Extracted<string>;
  sections: Array<Extracted<ExtractedSection>>;
  /** "Hình thức tuyên truyền", a part of the content section. */
  forms?: Extracted<string>;
  recipients?: Extracted<string[]>;
  /** Names of the fields above that were not found. */
  notFound: string[];
}

/** The single-valued fields, in the order a reviewer reads them (also the order of `notFound`). */
export const EXTRACTED_FIELDS = [
  'issuer',
  'parentBody',
  'documentType',
  'number',
  'symbol',
  'issuePlace',
  'issueDate',
  'title',
  'year',
  'parentPlan',
  'childDeadline',
  'executionWindow',
  'targets',
  'reportPeriods',
  'reportRecipient',
  'sections',
  'forms',
  'recipients',
] as const;

/** The header and preamble are read within this many characters of the start. */
const HEAD_LIMIT = 20_000;
/** At most this many targets and report periods are read (a real plan has under 20). */
const ITEM_LIMIT = 200;

const BASIS: Record<string, TargetBasis> = { tuan: 'week', thang: 'month', quy: 'quarter', nam: 'year' };

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(day: string | undefined, month: string | undefined, year: string | undefined): string | null {
  if (!day || !month || !year) return null;
  const iso = `${year}-${pad(Number(month))}-${pad(Number(day))}`;
  return isLocalDate(iso) ? iso : null;
}

/** The date of a match of `NGAY` / `NGAY_SO|NGAY_CHU`: six groups from `first`. */
function dateFromGroups(m: RegExpExecArray, first: number): string | null {
  return isoDate(m[first], m[first + 1], m[first + 2]) ?? isoDate(m[first + 3], m[first + 4], m[first + 5]);
}

const clean = (s: string) =>
  s
    .replace(/[*_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–•+:]+|[\s;:,.]+$/g, '')
    .trim();

function periodOf(folded: string): PeriodKind | null {
  const p = folded.replace(/\s+/g, ' ');
  if (p === 'quy iii' || p === 'quy 3') return 'Q3';
  if (p === 'quy i' || p === 'quy 1') return 'Q1';
  if (p === '6 thang' || p === 'sau thang') return 'H1';
  if (p === 'nam' || p === 'ca nam') return 'YEAR';
  return null;
}

function sectionKey(foldedHeading: string): PlanSectionKey | null {
  if (/to chuc thuc hien/.test(foldedHeading)) return 'organisation';
  if (/kinh phi/.test(foldedHeading)) return 'budget';
  if (/muc dich|muc tieu|yeu cau/.test(foldedHeading)) return 'purpose';
  if (/hoat dong|giai phap|nhiem vu/.test(foldedHeading)) return 'activities';
  if (/noi dung|hinh thuc|chu de/.test(foldedHeading)) return 'content';
  return null;
}

class Reader {
  readonly folded: string;
  constructor(readonly text: string) {
    this.folded = foldKeepingOffsets(text);
  }

  source(matchStart: number, matchEnd: number, span?: Span): SourceSentence {
    const s = span ?? sentenceAround(this.text, matchStart, Math.max(matchStart, matchEnd - 1));
    return { start: s.start, end: s.end, text: this.text.slice(s.start, s.end), matchStart, matchEnd };
  }

  field<T>(value: T, confidence: number, matchStart: number, matchEnd: number, span?: Span): Extracted<T> {
    return { value, confidence, source: this.source(matchStart, matchEnd, span) };
  }

  /** Offsets of group `g` of a match made on the folded text. */
  group(m: RegExpExecArray, g: number): Span {
    const idx = m.indices?.[g];
    if (idx) return { start: idx[0], end: idx[1] };
    const at = m.index + m[0].indexOf(m[g]);
    return { start: at, end: at + m[g].length };
  }

  original(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}

function all(re: RegExp, s: string): RegExpExecArray[] {
  const flags = re.flags.includes('g') ? re.flags : re.flags + 'g';
  const r = new RegExp(re.source, flags.includes('d') ? flags : flags + 'd');
  return [...s.matchAll(r)] as RegExpExecArray[];
}

function first(re: RegExp, s: string): RegExpExecArray | null {
  return all(re, s)[0] ?? null;
}

/** Extracts every field it can from a plan document's text. Pure; never throws on odd input. */
export function extractPlan(raw: string): PlanExtraction {
  const text = normaliseDocumentText(raw);
  const r = new Reader(text);
  const f = r.folded;
  const out: PlanExtraction = { text, parentRefs: [], targets: [], reportPeriods: [], sections: [], notFound: [] };

  // ── Sections (needed to bound the header, the preamble and the closing) ────────────────────────────────
  const closing = first(P.KET_THUC, f)?.index ?? text.length;
  const headings = all(P.DE_MUC_LA_MA, f).filter((m) => m.index < closing);
  const sectionBodies: Span[] = [];
  headings.forEach((m, i) => {
    const end = i + 1 < headings.length ? headings[i + 1].index : closing;
    const line = { start: m.index, end: m.index + m[0].length };
    sectionBodies.push({ start: line.end, end });
    const heading = clean(r.original(r.group(m, 2)));
    out.sections.push(
      r.field(
        {
          numeral: m[1].toUpperCase(),
          heading,
          key: sectionKey(m[2]),
          text: text.slice(line.end, end).trim(),
        },
        0.9,
        line.start,
        line.end,
        line,
      ),
    );
  });
  const bodyStart = headings[0]?.index ?? Math.min(text.length, 4000);
  const head = f.slice(0, Math.min(bodyStart, HEAD_LIMIT));

  // ── Header: number and symbol, place and date, type and title, year ──────────────────────────────────────
  const so = first(P.SO_KY_HIEU, head);
  if (so) {
    const digits = so[1].replace(/\D/g, '');
    const lineSpan = { start: so.index, end: so.index + so[0].length };
    if (digits && Number(digits) >= 1 && Number(digits) <= 999_999)
      out.number = r.field(Number(digits), 0.95, lineSpan.start, lineSpan.end, lineSpan);
    const sym = r.group(so, 2);
    out.symbol = r.field(r.original(sym).replace(/\s+/g, ''), 0.95, sym.start, sym.end, lineSpan);
  }
  const place = first(P.NGAY_BAN_HANH, head);
  if (place) {
    const lineSpan = { start: place.index, end: place.index + place[0].length };
    const pl = r.group(place, 1);
    out.issuePlace = r.field(clean(r.original(pl)), 0.9, pl.start, pl.end, lineSpan);
    const iso = isoDate(place[2], place[3], place[4]);
    if (iso) out.issueDate = r.field(iso, 0.95, lineSpan.start, lineSpan.end, lineSpan);
  }
  const type = first(P.LOAI_VAN_BAN, head);
  if (type) {
    const lineEnd = type.index + type[0].length;
    out.documentType = r.field('KH' as const, 0.95, type.index, lineEnd, { start: type.index, end: lineEnd });
    let titleSpan: Span | null = null;
    if (clean(type[1]).length >= 5) titleSpan = r.group(type, 1);
    else {
      const next = linesOf(text).find((l) => l.start > lineEnd && l.text.trim().length > 0);
      if (next && next.start < bodyStart && !P.THUC_HIEN.test(f.slice(next.start, next.end)))
        titleSpan = { start: next.start, end: next.end };
    }
    if (titleSpan) {
      const title = clean(r.original(titleSpan));
      out.title = r.field(title, 0.85, titleSpan.start, titleSpan.end, titleSpan);
      const y = P.NAM_KE_HOACH.exec(f.slice(titleSpan.start, titleSpan.end));
      if (y) out.year = r.field(Number(y[1]), 0.9, titleSpan.start, titleSpan.end, titleSpan);
    }
  }
  // Header lines above "Số:" / the date line: parent body, then issuer.
  const headerEnd = Math.min(so?.index ?? bodyStart, place?.index ?? bodyStart, type?.index ?? bodyStart);
  const headerLines = linesOf(text)
    .filter((l) => l.end <= headerEnd && l.text.trim())
    .filter((l) => !P.QUOC_HIEU.test(f.slice(l.start, l.end)));
  if (headerLines.length >= 1 && headerLines.length <= 3) {
    const issuerLine = headerLines[headerLines.length - 1];
    out.issuer = r.field(clean(issuerLine.text), 0.85, issuerLine.start, issuerLine.end, issuerLine);
    if (headerLines.length >= 2) {
      const parentLine = headerLines[headerLines.length - 2];
      out.parentBody = r.field(clean(parentLine.text), 0.85, parentLine.start, parentLine.end, parentLine);
    }
  }

  // ── Preamble: the documents implemented, the issuer named in it ──────────────────────────────────────────
  for (const line of linesOf(text)) {
    if (line.start >= bodyStart || line.start >= HEAD_LIMIT) break;
    const fl = f.slice(line.start, line.end);
    if (!P.THUC_HIEN.test(fl)) continue;
    const refs = all(P.VAN_BAN_DAN_CHIEU, fl);
    refs.forEach((m, i) => {
      const date = dateFromGroups(m, 4);
      if (!date) return;
      const segEnd = i + 1 < refs.length ? refs[i + 1].index : fl.length;
      const rest = fl.slice(m.index + m[0].length, segEnd);
      const stop = rest.search(/;|\.(\s|$)/);
      const seg = stop >= 0 ? rest.slice(0, stop + 1) : rest;
      const by = P.CUA_CO_QUAN.exec(seg);
      const restStart = line.start + m.index + m[0].length;
      const issuer = by ? clean(text.slice(restStart + by.index + 4, restStart + by.index + 4 + by[1].length)) : null;
      const sym = r.group(m, 3);
      const ref: DocumentRef = {
        kind: m[1] === 'ke hoach' ? 'KH' : 'QD',
        number: Number(m[2]),
        symbol: `${m[2]}/${text.slice(line.start + sym.start, line.start + sym.end).replace(/\s+/g, '')}`,
        date,
        issuer,
      };
      const start = line.start + m.index;
      const end = line.start + m.index + m[0].length + (by ? by.index + by[0].length : 0);
      out.parentRefs.push(r.field(ref, by ? 0.9 : 0.75, start, end));
    });
  }
  const parent = out.parentRefs.find((x) => x.value.kind === 'KH') ?? out.parentRefs[0];
  if (parent) out.parentPlan = parent;

  if (!out.issuer) {
    const named = all(P.DON_VI_XAY_DUNG, head)[0];
    if (named) {
      const g = r.group(named, 1);
      const name = clean(
        r
          .original(g)
          .replace(/\s*\([^)]*\)/g, '')
          .replace(/^chủ tịch\s+|^chu tich\s+/i, ''),
      );
      out.issuer = r.field(name, 0.75, g.start, g.end);
    }
  }
  if (!out.parentBody && parent?.value.issuer && out.issuer) {
    const same = foldKeepingOffsets(parent.value.issuer).trim() === foldKeepingOffsets(out.issuer.value).trim();
    if (!same) out.parentBody = { ...parent, value: parent.value.issuer, confidence: 0.6 };
  }

  // ── Body: child-plan deadline, execution window ──────────────────────────────────────────────────────────
  const body = { start: bodyStart, end: closing };
  for (const m of all(P.HAN_KE_HOACH_CON, f)) {
    if (m.index < body.start || m.index >= body.end) continue;
    const date = dateFromGroups(m, 1);
    if (!date) continue;
    const sentence = sentenceAround(text, m.index, m.index + m[0].length - 1);
    const lineStart = f.lastIndexOf('\n', m.index) + 1;
    const paragraph = f.slice(lineStart, m.index + m[0].length);
    const fs = f.slice(sentence.start, sentence.end);
    if (/bao cao/.test(fs) || !/ke hoach/.test(paragraph)) continue;
    out.childDeadline = r.field(
      date,
      /xay dung|ban hanh|hoan thanh/.test(paragraph) ? 0.9 : 0.7,
      m.index,
      m.index + m[0].length,
    );
    break;
  }
  const window = all(P.THOI_GIAN_THUC_HIEN, f).find((m) => m.index >= body.start && m.index < body.end);
  if (window) {
    const [, m1, y1, m2, y2] = window;
    const value = { from: `${y1}-${pad(Number(m1))}`, to: `${y2}-${pad(Number(m2))}` };
    if (Number(m1) >= 1 && Number(m1) <= 12 && Number(m2) >= 1 && Number(m2) <= 12 && value.from <= value.to)
      out.executionWindow = r.field(value, 0.9, window.index, window.index + window[0].length);
  }

  // ── Targets ──────────────────────────────────────────────────────────────────────────────────────────────
  const numbered = all(P.MUC_SO, f);
  const seenAmounts = new Set<number>();
  const addTarget = (amountSpan: Span, whole: Span, amount: number, basis: TargetBasis) => {
    if (seenAmounts.has(amountSpan.start) || amountSpan.start < body.start || amountSpan.start >= body.end) return;
    if (out.targets.length >= ITEM_LIMIT) return;
    const sentence = sentenceAround(text, whole.start, whole.end - 1);
    if (P.TUONG_DUONG.test(f.slice(sentence.start, amountSpan.start))) return;
    seenAmounts.add(amountSpan.start);
    const fs = f.slice(sentence.start, sentence.end);
    // The indicator: the channel named nearest the amount.
    let best: { code: string; distance: number; length: number } | null = null;
    for (const w of INDICATOR_WORDS) {
      for (const m of fs.matchAll(new RegExp(w.pattern.source, 'g'))) {
        const s = sentence.start + m.index!;
        const e = s + m[0].length;
        const distance = s >= whole.end ? s - whole.end : e <= whole.start ? whole.start - e : 0;
        if (!best || distance < best.distance || (distance === best.distance && m[0].length > best.length))
          best = { code: w.code, distance, length: m[0].length };
      }
    }
    // The unit kinds: named in the clause before the amount, else in the numbered heading above.
    const clauseStart = Math.max(sentence.start, f.lastIndexOf(';', amountSpan.start) + 1);
    let unitKinds = unitKindsIn(f.slice(clauseStart, amountSpan.start));
    let from: ExtractedTarget['unitKindsFrom'] = unitKinds.length ? 'sentence' : null;
    if (!unitKinds.length) {
      const section = [...headings].reverse().find((h) => h.index <= amountSpan.start);
      const heading = [...numbered]
        .reverse()
        .find((h) => h.index < sentence.start && (!section || h.index > section.index));
      if (heading) {
        unitKinds = unitKindsIn(heading[2]);
        if (unitKinds.length) from = 'heading';
      }
    }
    const confidence = (best ? 0.9 : 0.5) * (from === 'heading' ? 0.95 : 1);
    out.targets.push(
      r.field(
        { indicatorCode: best?.code ?? null, amount, basis, unitKinds, unitKindsFrom: from },
        Math.round(confidence * 100) / 100,
        whole.start,
        whole.end,
        sentence,
      ),
    );
  };
  const targetMatches: Array<() => void> = [];
  for (const m of all(P.CHI_TIEU_THEO_KY, f)) {
    const amount = r.group(m, 1);
    targetMatches.push(() =>
      addTarget(amount, { start: m.index, end: m.index + m[0].length }, Number(m[1]), BASIS[m[3]]),
    );
  }
  for (const m of all(P.CHI_TIEU_DINH_KY, f)) {
    const amount = r.group(m, 2);
    const thing = r.group(m, 3);
    targetMatches.push(() => addTarget(amount, { start: amount.start, end: thing.end }, Number(m[2]), BASIS[m[1]]));
  }
  targetMatches.forEach((add) => add());
  out.targets.sort((a, b) => a.source.matchStart - b.source.matchStart);

  // ── Report schedule and recipient ────────────────────────────────────────────────────────────────────────
  const periods = new Map<ExtractedPeriod, Extracted<ExtractedReportPeriod>>();
  const addPeriod = (period: ExtractedPeriod | null, day: number | null, month: number | null, at: Span, c: number) => {
    if (!period || at.start < body.start || at.start >= body.end) return;
    if (day !== null && (day < 1 || day > 31 || !month || month < 1 || month > 12)) return;
    const prev = periods.get(period);
    if (prev && (prev.value.dueDay !== null || day === null)) return;
    periods.set(period, r.field({ period, dueDay: day, dueMonth: month }, c, at.start, at.end));
  };
  for (const m of all(P.LICH_BAO_CAO_TRUOC_NGAY, f))
    addPeriod(periodOf(m[3]), Number(m[1]), Number(m[2]), { start: m.index, end: m.index + m[0].length }, 0.9);
  for (const m of all(P.LICH_BAO_CAO_KY_TRUOC, f))
    addPeriod(periodOf(m[1]), Number(m[2]), Number(m[3]), { start: m.index, end: m.index + m[0].length }, 0.85);
  for (const m of all(P.KY_BAO_CAO_THEO, f)) {
    const sentence = sentenceAround(text, m.index);
    if (!/bao cao/.test(f.slice(sentence.start, sentence.end))) continue;
    const at = { start: m.index, end: m.index + m[0].length };
    for (const item of m[1].split(/\s*(?:,|\bva\b)\s*/)) {
      const p = item.trim();
      addPeriod(p.startsWith('quy') ? 'quarterly' : p === 'dot xuat' ? 'ad_hoc' : periodOf(p), null, null, at, 0.7);
    }
  }
  const order: ExtractedPeriod[] = ['Q1', 'H1', 'Q3', 'YEAR', 'quarterly', 'ad_hoc'];
  out.reportPeriods = [...periods.values()].sort(
    (a, b) => order.indexOf(a.value.period) - order.indexOf(b.value.period),
  );

  const recipients = [...all(P.GUI_BAO_CAO, f), ...all(P.BAO_CAO_CO_QUAN, f)]
    .map((m) => ({ m, g: r.group(m, 1) }))
    .filter(({ g }) => g.start >= body.start && g.start < body.end)
    .sort((a, b) => a.g.start - b.g.start);
  if (recipients[0]) {
    const { g } = recipients[0];
    out.reportRecipient = r.field(clean(r.original(g)), 0.75, g.start, g.end);
  }

  // ── Forms (part of the content section) and Nơi nhận ─────────────────────────────────────────────────────
  const contentIndex = out.sections.findIndex((s) => s.value.key === 'content');
  if (contentIndex >= 0) {
    const { start: cStart, end: cEnd } = sectionBodies[contentIndex];
    const formsHead = P.MUC_HINH_THUC.exec(f.slice(cStart, cEnd));
    if (formsHead) {
      const hs = cStart + formsHead.index;
      const he = hs + formsHead[0].length;
      const marker = /^\s*(\d+|[a-z])/.exec(formsHead[0])![1];
      const sibling = /^\d+$/.test(marker) ? /^[ \t]*\d+[ \t]*\.[ \t]+\S/m : /^[ \t]*[a-zđ][ \t]*\)[ \t]*\S/m;
      const next = sibling.exec(f.slice(he, cEnd));
      const end = next ? he + next.index : cEnd;
      const formsText = text.slice(he, end).trim();
      if (formsText) out.forms = r.field(formsText, 0.85, hs, he, { start: hs, end: he });
    }
  }
  const nn = first(P.NOI_NHAN, f);
  if (nn) {
    const items: string[] = [];
    let last = nn.index + nn[0].length;
    for (const line of linesOf(text)) {
      if (line.start <= nn.index) continue;
      const t = line.text.trim();
      if (!t) continue;
      if (!/^[-+•–]/.test(t)) break;
      items.push(clean(t));
      last = line.end;
    }
    if (items.length) out.recipients = r.field(items, 0.95, nn.index, last, { start: nn.index, end: last });
  }

  for (const name of EXTRACTED_FIELDS) {
    const v = (out as unknown as Record<string, unknown>)[name];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) out.notFound.push(name);
  }
  return out;
}
