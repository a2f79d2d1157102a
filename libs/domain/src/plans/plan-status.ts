import { conflict } from '../errors';
import type { ObligationCommand } from '../obligations/obligation';

/**
 * A plan's own status, beside its obligation's (libs/domain/src/obligations/obligation.ts):
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved ──(cascade)──▶ issued
 *     ▲                   │
 *     └──── returned ◀────┘ return (with a reason)        draft ──issue──▶ issued   (a top-level plan)
 *
 * The unit edits its plan only while it is a draft or returned. A plan answering a parent's obligation follows the
 * obligation's decisions; a plan no parent asked for is issued directly by its own approver.
 */
export const PLAN_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'issued'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Dự thảo',
  submitted: 'Đã trình, chờ duyệt',
  returned: 'Bị trả lại',
  approved: 'Đã duyệt',
  issued: 'Đã ban hành',
};

/** Statuses in which the unit may still edit its plan. */
export const EDITABLE_PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'returned'];

export const isPlanEditable = (s: PlanStatus): boolean => EDITABLE_PLAN_STATUSES.includes(s);

/** Throws 409 `plan.not_editable` unless the plan may be edited. */
export function assertPlanEditable(s: PlanStatus, message = 'Kế hoạch đã trình hoặc đã ban hành, không thể sửa'): void {
  if (!isPlanEditable(s)) throw conflict('plan.not_editable', message, { status: s });
}

/** The plan's status after its obligation's transition (none for start_draft: the plan stays a draft). */
export function planStatusAfter(command: ObligationCommand): PlanStatus | null {
  switch (command) {
    case 'submit':
      return 'submitted';
    case 'approve':
      return 'approved';
    case 'return':
      return 'returned';
    default:
      return null;
  }
}
