/**
 * Words that tie a sentence to the indicator catalogue (codes of `GET /indicators`, seeded from DOMAIN §6) and to
 * unit kinds. Folded text (no accents, lower case), like every pattern of the importer.
 */
import type { UnitKind } from '../units/unit';

/** Where a counted item is published or aired → the indicator it counts toward. Longer phrases win ties. */
export const INDICATOR_WORDS: ReadonlyArray<{ code: string; pattern: RegExp }> = [
  { code: 'PORTAL_NEWS', pattern: /cong thong tin dien tu (?:cua )?(?:tinh|thanh pho)\b/g },
  { code: 'WEB_NEWS', pattern: /trang thong tin dien tu|cong thong tin dien tu|website|trang tin\b/g },
  { code: 'RADIO_ITEMS', pattern: /truyen thanh/g },
  { code: 'TV_PROGRAMMES', pattern: /phat thanh\s*(?:,|-|va)?\s*truyen hinh|truyen hinh|phat song/g },
  { code: 'SOCIAL_POSTS', pattern: /mang xa hoi|zalo|facebook|fanpage/g },
  { code: 'PRESS_ARTICLES', pattern: /\bbao chi\b|\bbao in\b|\btap chi\b|\bban tin\b/g },
  { code: 'VIDEO_CLIPS', pattern: /video|phong su/g },
  { code: 'CONFERENCES', pattern: /hoi nghi|tap huan/g },
  { code: 'CONTESTS_HELD', pattern: /cuoc thi/g },
];

/** Unit kinds named in a phrase ("các sở, ban, ngành", "UBND cấp huyện", "cấp xã", "Đài Phát thanh …"). */
export const UNIT_KIND_WORDS: ReadonlyArray<{ kind: UnitKind; pattern: RegExp }> = [
  {
    kind: 'department',
    pattern: /\b(?:cac\s+)?so\b(?!\s*[:.]?\s*\d)(?!\s+(?:luong|lieu|dien thoai))|\bban\s*,\s*nganh\b/,
  },
  {
    kind: 'district',
    pattern: /\b(?:ubnd|uy ban nhan dan)\s+(?:cap\s+|cac\s+)?(?:huyen|quan|thi xa)|\bcap huyen\b|\bhuyen\s*,\s*thi xa/,
  },
  { kind: 'commune', pattern: /\bcap xa\b|\bxa\s*,\s*phuong|\b(?:ubnd|uy ban nhan dan)\s+(?:cap\s+|cac\s+)?xa\b/ },
  {
    kind: 'school',
    pattern: /\btruong\s+(?:thcs|thpt|th\b|tieu hoc|mam non|mau giao|cao dang|trung hoc)|\bcac truong\b/,
  },
  { kind: 'office', pattern: /\bphong\s+(?:gd|giao duc|noi vu|tai chinh|van hoa)|\bvan phong\b/ },
  { kind: 'centre', pattern: /\btrung tam\b/ },
  { kind: 'media', pattern: /\bdai\s+(?:phat thanh|truyen hinh|pt)|^\s*bao\s+(?!cao|dam|ve)[a-z]+|co quan bao chi/ },
];

/** "… của Sở", "trực thuộc Sở": a possessive names whose website, not who the target binds. */
export const SO_HUU = /\b(?:cua|thuoc|truc thuoc)\s+(?:so|phong|truong|ubnd|co quan)\b[^,;]*/g;

/** A phrase naming one unit by its head word: "Văn phòng HĐND và UBND huyện" is an office, not a district. */
const HEAD_WORD: ReadonlyArray<{ kind: UnitKind; pattern: RegExp }> = [
  { kind: 'office', pattern: /^\s*(?:van phong|phong)\b/ },
  { kind: 'centre', pattern: /^\s*trung tam\b/ },
  { kind: 'school', pattern: /^\s*truong\b/ },
  { kind: 'media', pattern: /^\s*(?:dai|bao)\s+(?!cao|dam|ve)/ },
];

export function unitKindsIn(folded: string): UnitKind[] {
  const head = HEAD_WORD.find((h) => h.pattern.test(folded));
  if (head) return [head.kind];
  const text = folded.replace(SO_HUU, ' ');
  return UNIT_KIND_WORDS.filter((w) => w.pattern.test(text)).map((w) => w.kind);
}
