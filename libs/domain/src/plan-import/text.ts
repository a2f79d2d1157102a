/**
 * Text helpers for reading a plan document: an accent-folded copy of the text with the same length (so a match in
 * the folded copy is a match at the same offsets in the original), lines and sentences with their offsets.
 */
import { foldVietnamese } from '../units/unit';

/** What the extractor reads: NFC, `\n` line ends, no byte-order mark. Offsets in an extraction refer to this. */
export function normaliseDocumentText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n');
}

/**
 * `foldVietnamese` character by character, keeping every offset: lower case, no diacritics, đ → d; whitespace other
 * than a line end becomes a space; dashes become "-"; markdown emphasis ("**", "__") becomes spaces.
 */
export function foldKeepingOffsets(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') out += '\n';
    else if (/\s/.test(ch)) out += ' ';
    else if (ch === '*' || ch === '_') out += ' ';
    else if (/[\u2010-\u2015\u2212]/.test(ch)) out += '-';
    else if (/[\u2026]/.test(ch)) out += '.';
    else {
      const f = foldVietnamese(ch);
      out += f.length === 1 ? f : ch.length === 1 ? ch.toLowerCase().slice(0, 1) || ch : ch;
    }
  }
  return out;
}

/** How far a sentence may reach either side of a match. */
export const SENTENCE_REACH = 2000;

export interface Span {
  start: number;
  end: number;
}

/** Lines with their offsets (the `\n` excluded). */
export function linesOf(text: string): Array<Span & { text: string }> {
  const out: Array<Span & { text: string }> = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push({ start, end: start + line.length, text: line });
    start += line.length + 1;
  }
  return out;
}

/**
 * The sentence around `offset`: bounded by line ends and by ".", "!" or "?" followed by a space and a capital letter
 * or a digit (so "15/12/2023", "61/2018/NĐ-CP" and "PCT.UBND" do not end a sentence). Leading list marks kept.
 */
export function sentenceAround(text: string, offset: number, endHint = offset): Span {
  // Bounded either side, so a pathological one-line document costs no more than a normal one per match.
  const lineStart = Math.max(text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1, offset - SENTENCE_REACH);
  let lineEnd = text.indexOf('\n', endHint);
  if (lineEnd < 0) lineEnd = text.length;
  lineEnd = Math.min(lineEnd, endHint + SENTENCE_REACH);
  const boundary = /[.!?]["”»)]?\s+(?=[A-ZÀ-ỸĐ0-9“"])/gu;
  let start = lineStart;
  let end = lineEnd;
  const line = text.slice(lineStart, lineEnd);
  for (const m of line.matchAll(boundary)) {
    const at = lineStart + m.index!;
    const after = at + m[0].length;
    if (after <= offset) start = after;
    else if (at >= endHint) {
      end = at + 1;
      break;
    }
  }
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
