import type { DeadlineDto, ReminderSlotDto } from './obligations';

/** "Nhắc ngay": the parent's approver sends an obligation's unit a reminder now, outside the policy's schedule. */
export const REMIND_NOW_WORKFLOW = 'remindNowWorkflow';

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
