// The pieces of the plan-import review (issue 14): the shape the API answers with, the fields' Vietnamese labels,
// the confidence tag and the document text with each field's source sentence highlighted.
import { memo, useMemo, type KeyboardEvent } from 'react';
import { Tag } from '../Tag';
import type { ParentPlanMatch, PlanExtraction, SourceSentence } from '@cchc/domain';
import type { Plan } from '../types';

// The extraction's types are the domain's (libs/domain/src/plan-import): the API answers them without `text`.
export type {
  DocumentRef,
  Extracted,
  ExtractedReportPeriod,
  ExtractedSection,
  ExtractedTarget,
  ParentPlanMatch,
  SourceSentence,
} from '@cchc/domain';
export type Extraction = Omit<PlanExtraction, 'text'>;
export interface PlanImport {
  id: string;
  planId: string;
  unitId: string;
  status: 'draft' | 'confirmed';
  filename: string;
  format: 'docx' | 'txt' | 'md';
  sizeBytes: number;
  text: string;
  extraction: Extraction;
  parentMatch: ParentPlanMatch | null;
  defaults: string[];
  plan: Plan;
  createdAt: string;
  confirmedAt: string | null;
}

/** The extraction's field names in Vietnamese (also for "Không tìm thấy trong văn bản: …"). */
export const FIELD_LABELS: Record<string, string> = {
  documentType: 'Loại văn bản',
  issuer: 'Cơ quan ban hành',
  parentBody: 'Cơ quan chủ quản',
  number: 'Số văn bản',
  symbol: 'Ký hiệu',
  issuePlace: 'Nơi ban hành',
  issueDate: 'Ngày ban hành',
  title: 'Trích yếu',
  year: 'Năm kế hoạch',
  parentPlan: 'Kế hoạch cấp trên (căn cứ)',
  childDeadline: 'Hạn đơn vị cấp dưới ban hành kế hoạch',
  executionWindow: 'Thời gian thực hiện',
  targets: 'Chỉ tiêu',
  reportPeriods: 'Kỳ báo cáo',
  reportRecipient: 'Nơi nhận báo cáo',
  sections: 'Các phần nội dung',
  forms: 'Hình thức tuyên truyền',
  recipients: 'Nơi nhận',
};

/** At or above this confidence a value is shown as sure; below it the reviewer is asked to check it. */
export const SURE = 0.8;

export function ConfidenceTag({ confidence }: { confidence: number }) {
  const pct = Math.round(confidence * 100);
  return confidence >= SURE ? (
    <Tag color="green">Chắc chắn · {pct}%</Tag>
  ) : (
    <Tag color="orange">Cần kiểm tra · {pct}%</Tag>
  );
}

/** A highlighted sentence: which field it belongs to (key), its name for screen readers, where it is. */
export interface Highlight {
  key: string;
  label: string;
  source: SourceSentence;
}

interface Segment {
  start: number;
  end: number;
  /** Highlights covering the segment, in the order given. */
  keys: string[];
  /** Highlights starting at this segment (the focusable one for each). */
  firstOf: string[];
  /** Inside the matched words of the active highlight. */
  match: boolean;
}

function segmentsOf(textLength: number, highlights: Highlight[], active: string | null): Segment[] {
  const cuts = new Set<number>([0, textLength]);
  const act = highlights.find((h) => h.key === active);
  for (const h of highlights) {
    cuts.add(clamp(h.source.start, textLength));
    cuts.add(clamp(h.source.end, textLength));
  }
  if (act) {
    cuts.add(clamp(act.source.matchStart, textLength));
    cuts.add(clamp(act.source.matchEnd, textLength));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    if (start === end) continue;
    const covering = highlights.filter((h) => h.source.start <= start && h.source.end >= end);
    out.push({
      start,
      end,
      keys: covering.map((h) => h.key),
      firstOf: covering.filter((h) => h.source.start === start).map((h) => h.key),
      match: !!act && act.source.matchStart <= start && act.source.matchEnd >= end,
    });
  }
  return out;
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(max, n));

/**
 * The document's text with every field's source sentence in a <mark>; the active field's sentence is emphasised
 * and its matched words bold. A click (or Enter / Space on the focusable start of a sentence) selects the field;
 * a sentence shared by several fields selects the next one on each click.
 */
export const DocumentText = memo(function DocumentText({
  text,
  highlights,
  active,
  onSelect,
}: {
  text: string;
  highlights: Highlight[];
  active: string | null;
  onSelect: (key: string) => void;
}) {
  const segments = useMemo(() => segmentsOf(text.length, highlights, active), [text.length, highlights, active]);
  const labelOf = useMemo(() => new Map(highlights.map((h) => [h.key, h.label])), [highlights]);
  const pick = (keys: string[]) => {
    const i = active ? keys.indexOf(active) : -1;
    onSelect(keys[(i + 1) % keys.length]);
  };
  return (
    <div className="import-text">
      {segments.map((s) => {
        // Word gives a blank paragraph between paragraphs: runs of blank lines are shown as one (display only; the
        // offsets stay those of the text).
        const chunk = text.slice(s.start, s.end).replace(/\n{3,}/g, '\n\n');
        if (!s.keys.length) return <span key={s.start}>{chunk}</span>;
        const isActive = !!active && s.keys.includes(active);
        const focusable = s.firstOf.length > 0;
        return (
          <mark
            key={s.start}
            className={isActive ? 'hl hl-active' : 'hl'}
            data-keys={s.keys.join(' ')}
            data-first-of={focusable ? s.firstOf.join(' ') : undefined}
            data-active={isActive ? 'true' : undefined}
            {...(focusable
              ? {
                  role: 'button',
                  tabIndex: 0,
                  'aria-label': `Câu gốc của: ${s.keys.map((k) => labelOf.get(k)).join('; ')}. ${chunk.slice(0, 80)}`,
                  'aria-pressed': isActive,
                  onKeyDown: (e: KeyboardEvent) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      pick(s.keys);
                    }
                  },
                }
              : {})}
            onClick={() => pick(s.keys)}
          >
            {s.match ? <b>{chunk}</b> : chunk}
          </mark>
        );
      })}
    </div>
  );
});
