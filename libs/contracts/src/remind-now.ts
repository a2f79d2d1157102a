import type { DeadlineDto, ReminderSlotDto } from './obligations';

/** "Nhắc ngay": the parent's approver sends an obligation's unit a reminder now, outside the policy's schedule. */
export const REMIND_NOW_WORKFLOW = 'remindNowWorkflow';
/** One manual reminder per obligation per Vietnam day: a second click the same day is refused. */
export const remindNowWorkflowId = (obligationId: string, localDate: string) =>
  `remind-now/${obligationId}/${localDate}`;

/** Đôn đốc from the review: once per obligation per day too, apart from Nhắc ngay. */
export const urgeWorkflowId = (obligationId: string, localDate: string) => `urge/${obligationId}/${localDate}`;

export interface RemindNowInput {
  obligationId: string;
  slot: ReminderSlotDto;
  deadline: DeadlineDto;
  /** Đôn đốc: the parent unit's drafters and approvers get the message too. */
  copyParent?: boolean;
}

export interface RemindNowResult {
  messages: number;
  sent: number;
}
