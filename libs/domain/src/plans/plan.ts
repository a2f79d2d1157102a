import { DomainError } from '../errors';
import { isLocalDate } from '../calendar/local-date';
import { validateReportSchedule, type ReportSchedule } from '../periods/report-periods';
import { validateReminderPolicy, type ReminderPolicy } from '../reminders/reminder-policy';
import type { TargetBasis } from '../targets/target-basis';
import type { UnitKind } from '../units/unit';

/** Signing forms of Nghị định 30/2020: ký thay (KT.), thay mặt (TM.), quyền (Q.), or the head signing directly. */
export const SIGNING_FORMS = ['KT.', 'TM.', 'Q.', 'TL.', 'TUQ.'] as const;
export type SigningForm = (typeof SIGNING_FORMS)[number];

export const PLAN_SECTION_KEYS = ['purpose', 'content', 'forms', 'activities', 'budget', 'organisation'] as const;
export type PlanSectionKey = (typeof PLAN_SECTION_KEYS)[number];
export const PLAN_SECTION_LABELS: Record<PlanSectionKey, string> = {
  purpose: 'Mục đích, yêu cầu',
  content: 'Nội dung tuyên truyền',
  forms: 'Hình thức tuyên truyền',
  activities: 'Các hoạt động cụ thể',
  budget: 'Kinh phí',
  organisation: 'Tổ chức thực hiện',
};

export interface PlanTarget {
  indicatorCode: string;
  amount: number;
  basis: TargetBasis;
  /** Which units the target binds: by kind, or named units; neither = every unit in scope. */
  unitKinds?: UnitKind[];
  unitIds?: string[];
}

export interface PlanScope {
  mode: 'all_children' | 'selected';
  unitIds?: string[];
}

/** Default child-plan deadline: 31/01 of the plan's year (DOMAIN §4). */
export const defaultChildDeadline = (year: number) => `${year}-01-31`;

export interface PlanDraftFields {
  year: number;
  title: string;
  sections: Partial<Record<PlanSectionKey, string>>;
  targets: PlanTarget[];
  childDeadline: string;
  reportSchedule: ReportSchedule;
  reminderPolicy: ReminderPolicy;
  scope: PlanScope;
}

/**
 * What a plan needs before it can be submitted or issued. Reports every missing part at once (422), so the
 * drafter fixes them in one go.
 */
export function assertPlanComplete(p: PlanDraftFields): void {
  const problems: Array<{ field: string; message: string }> = [];
  if (!p.title?.trim()) problems.push({ field: 'title', message: 'Chưa có tên kế hoạch' });
  for (const key of ['purpose', 'content'] as const) {
    if (!p.sections?.[key]?.trim())
      problems.push({ field: `sections.${key}`, message: `Chưa có phần "${PLAN_SECTION_LABELS[key]}"` });
  }
  if (
    !isLocalDate(p.childDeadline) ||
    Number(p.childDeadline.slice(0, 4)) < p.year - 1 ||
    Number(p.childDeadline.slice(0, 4)) > p.year
  ) {
    problems.push({
      field: 'childDeadline',
      message: 'Thời hạn xây dựng kế hoạch của đơn vị cấp dưới phải là một ngày trong năm kế hoạch',
    });
  }
  if (p.scope?.mode === 'selected' && !p.scope.unitIds?.length) {
    problems.push({ field: 'scope.unitIds', message: 'Chưa chọn đơn vị thực hiện' });
  }
  try {
    validateReportSchedule(p.reportSchedule);
  } catch (e) {
    problems.push({ field: 'reportSchedule', message: (e as Error).message });
  }
  try {
    validateReminderPolicy(p.reminderPolicy);
  } catch (e) {
    problems.push({ field: 'reminderPolicy', message: (e as Error).message });
  }
  if (problems.length) {
    throw new DomainError('unprocessable', 'plan.incomplete', 'Kế hoạch chưa đủ nội dung để trình hoặc ban hành', {
      problems,
    });
  }
}

export interface ContentChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** Field-by-field differences between two plan versions' contents (paths like `sections.purpose`, `targets[0].amount`). */
export function diffContent(before: unknown, after: unknown, path = ''): ContentChange[] {
  if (Object.is(before, after)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: ContentChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      out.push(...diffContent(before[i], after[i], `${path}[${i}]`));
    return out;
  }
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffContent(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path, before: before ?? null, after: after ?? null }];
}
