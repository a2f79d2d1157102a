import { DomainError } from '../errors';
import { periodReferenceDate, type PeriodKind } from '../periods/report-periods';
import type { LocalDate } from '../calendar/local-date';

/**
 * An obligation: a unit owes its parent something by a deadline — its own plan for the year (kind 'plan'),
 * or a periodic report (kind 'report'). Both follow the same life cycle:
 *
 *   pending ──start_draft──▶ draft ──submit──▶ submitted ──approve──▶ approved
 *      │                       ▲                  │
 *      └────────submit─────────┼──────────────────┤ return (with a written reason)
 *                              └──── returned ◀───┘      returned ──submit──▶ submitted …
 *
 * Lateness is orthogonal to the status: an obligation not first submitted by the end of its (shifted) deadline
 * is late, and stays recorded as late whatever happens next (scoring counts on-time submissions).
 */
export const OBLIGATION_KINDS = ['plan', 'report'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export const OBLIGATION_STATUSES = ['pending', 'draft', 'submitted', 'returned', 'approved'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export const OBLIGATION_COMMANDS = ['start_draft', 'submit', 'approve', 'return'] as const;
export type ObligationCommand = (typeof OBLIGATION_COMMANDS)[number];

const TRANSITIONS: Record<ObligationCommand, { from: readonly ObligationStatus[]; to: ObligationStatus }> = {
  start_draft: { from: ['pending'], to: 'draft' },
  submit: { from: ['pending', 'draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
};

export const STATUS_LABELS: Record<ObligationStatus, string> = {
  pending: 'Chưa thực hiện',
  draft: 'Đang soạn thảo',
  submitted: 'Đã trình, chờ duyệt',
  returned: 'Bị trả lại',
  approved: 'Đã duyệt',
};

const COMMAND_LABELS: Record<ObligationCommand, string> = {
  start_draft: 'bắt đầu soạn thảo',
  submit: 'trình duyệt',
  approve: 'phê duyệt',
  return: 'trả lại',
};

export const MIN_RETURN_REASON_LENGTH = 10;

/** The status after `command`, or a 409 DomainError naming the current status. Pure: changes nothing. */
export function nextStatus(current: ObligationStatus, command: ObligationCommand): ObligationStatus {
  const t = TRANSITIONS[command];
  if (!t.from.includes(current)) {
    throw new DomainError(
      'conflict',
      'obligation.illegal_transition',
      `Không thể ${COMMAND_LABELS[command]} khi đang ở trạng thái "${STATUS_LABELS[current]}"`,
      { status: current, command, allowedFrom: [...t.from] },
    );
  }
  return t.to;
}

export function canTransition(current: ObligationStatus, command: ObligationCommand): boolean {
  return TRANSITIONS[command].from.includes(current);
}

/** A return must say why, in words the child can act on. */
export function validateReturnReason(reason: string | undefined | null): string {
  const text = (reason ?? '').trim();
  if (text.length < MIN_RETURN_REASON_LENGTH) {
    throw new DomainError(
      'validation',
      'obligation.reason_required',
      `Phải ghi rõ lý do trả lại (ít nhất ${MIN_RETURN_REASON_LENGTH} ký tự)`,
      {
        minLength: MIN_RETURN_REASON_LENGTH,
      },
    );
  }
  return text;
}

export const isOpen = (s: ObligationStatus) => s !== 'approved';
/** Reminders stop once the unit has handed in its work (submitted), and stay stopped unless it is returned. */
export const isAwaitingUnit = (s: ObligationStatus) => s === 'pending' || s === 'draft' || s === 'returned';

/**
 * The day on which the unit tree decides who may read and act on an obligation's work (history-aware access): a
 * report's period cut-off end (the parent of that period keeps it after a re-organisation, the new parent sees the
 * unit's reports from the move onward); a plan's own (shifted) deadline.
 */
export function accessDateOf(o: { kind: ObligationKind; year: number; period: string; deadline: string }): LocalDate {
  return o.kind === 'report' ? periodReferenceDate(o.year, o.period as PeriodKind) : (o.deadline as LocalDate);
}
