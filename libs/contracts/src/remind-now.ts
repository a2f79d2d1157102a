import type { DeadlineDto, ReminderSlotDto } from './obligations';

/** "Nhắc ngay": the parent's approver sends an obligation's unit a reminder now, outside the policy's schedule. */
export const REMIND_NOW_WORKFLOW = 'remindNowWorkflow';

export interface RemindNowInput {
  obligationId: string;
  slot: ReminderSlotDto;
  deadline: DeadlineDto;
}

export interface RemindNowResult {
  messages: number;
  sent: number;
}
