/**
 * From an extraction to the fields of a draft plan: what the user then reviews and confirms. Fields the text did not
 * give fall back to the plan defaults (child deadline 31/01, the default report schedule), and the caller shows
 * the extraction's `notFound` list so the user knows which values are defaults.
 */
import { defaultReportSchedule, type PeriodKind, type ReportSchedule } from '../periods/report-periods';
import { defaultChildDeadline, type PlanSectionKey, type PlanTarget } from '../plans/plan';
import type { PlanExtraction } from './extract';

export interface ImportedPlanDraft {
  year: number;
  title: string;
  number?: number;
  /** Full "99/KH-TrS"; only when the number is printed (otherwise it is generated at issue). */
  symbol?: string;
  issuePlace?: string;
  issueDate?: string;
  recipients: string[];
  parentPlanRef?: string;
  sections: Partial<Record<PlanSectionKey, string>>;
  targets: PlanTarget[];
  childDeadline: string;
  reportSchedule: ReportSchedule;
}

const SECTION_LIMIT = 20_000;
const TITLE_LIMIT = 500;

/** "TUYÊN TRUYỀN CẢI CÁCH …" → "Tuyên truyền cải cách …"; mixed case kept. */
function sentenceCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  const lower = s.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export function planTitle(title: string): string {
  const t = sentenceCase(title.trim());
  const full = /^kế hoạch\b/i.test(t) ? t : `Kế hoạch ${t.charAt(0).toLowerCase()}${t.slice(1)}`;
  return full.slice(0, TITLE_LIMIT);
}

/**
 * The draft's fields. `fallbackYear` is used when the text names no year (e.g. the current year).
 * Targets without a known indicator are left out of the draft (they stay in the extraction for the user to see).
 */
export function toPlanDraft(x: PlanExtraction, fallbackYear: number): ImportedPlanDraft {
  const year = x.year?.value ?? fallbackYear;
  const sections: Partial<Record<PlanSectionKey, string>> = {};
  for (const s of x.sections) {
    const key = s.value.key;
    if (!key || !s.value.text) continue;
    const joined = sections[key] ? `${sections[key]}\n\n${s.value.text}` : s.value.text;
    sections[key] = joined.slice(0, SECTION_LIMIT);
  }
  if (x.forms) sections.forms = x.forms.value.slice(0, SECTION_LIMIT);

  const targets: PlanTarget[] = x.targets
    .filter((t) => t.value.indicatorCode)
    .slice(0, 200)
    .map((t) => ({
      indicatorCode: t.value.indicatorCode!,
      amount: t.value.amount,
      basis: t.value.basis,
      ...(t.value.unitKinds.length ? { unitKinds: t.value.unitKinds } : {}),
    }));

  // Report schedule: the periods the text names (quarterly = Q1, 6 tháng, Q3), their due days where given.
  let reportSchedule = defaultReportSchedule();
  const named = new Set<PeriodKind>();
  for (const p of x.reportPeriods) {
    if (p.value.period === 'quarterly') ['Q1', 'H1', 'Q3'].forEach((k) => named.add(k as PeriodKind));
    else if (p.value.period !== 'ad_hoc') named.add(p.value.period);
  }
  if (named.size) reportSchedule = reportSchedule.filter((r) => named.has(r.period));
  reportSchedule = reportSchedule.map((rule) => {
    const given = x.reportPeriods.find((p) => p.value.period === rule.period && p.value.dueDay !== null);
    return given ? { ...rule, dueDay: given.value.dueDay!, dueMonth: given.value.dueMonth! } : rule;
  });

  const childDeadline =
    x.childDeadline &&
    Number(x.childDeadline.value.slice(0, 4)) >= year - 1 &&
    Number(x.childDeadline.value.slice(0, 4)) <= year
      ? x.childDeadline.value
      : defaultChildDeadline(year);

  return {
    year,
    title: planTitle(x.title?.value ?? `thông tin, tuyên truyền cải cách hành chính năm ${year}`),
    ...(x.number ? { number: x.number.value } : {}),
    ...(x.number && x.symbol && x.symbol.value.length <= 90 ? { symbol: `${x.number.value}/${x.symbol.value}` } : {}),
    ...(x.issuePlace ? { issuePlace: x.issuePlace.value.slice(0, 100) } : {}),
    ...(x.issueDate ? { issueDate: x.issueDate.value } : {}),
    recipients: (x.recipients?.value ?? []).slice(0, 200).map((r) => r.slice(0, 300)),
    ...(x.parentPlan ? { parentPlanRef: x.parentPlan.source.text.slice(0, 2000) } : {}),
    sections,
    targets,
    childDeadline,
    reportSchedule,
  };
}

/** An existing plan that the imported document says it implements. */
export interface ParentPlanMatch {
  planId: string;
  unitId: string;
  unitName: string;
  symbol: string | null;
  issueDate: string | null;
  title: string;
  status: string;
  /** How it was recognised: the printed symbol, or number and date of issue. */
  matchedBy: 'symbol' | 'number_and_date';
}
