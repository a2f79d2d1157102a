import { ApiProperty } from '@nestjs/swagger';
import { OBLIGATION_KINDS, OBLIGATION_STATUSES, PERIOD_KINDS } from '@cchc/domain';

/** The answer of a workflow transition (submit, approve, return). */
export class TransitionResultResponse {
  @ApiProperty({ format: 'uuid' }) obligationId: string;
  @ApiProperty({ enum: OBLIGATION_STATUSES }) from: string;
  @ApiProperty({ enum: OBLIGATION_STATUSES }) to: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: Number }) versionNo: number | null;
  @ApiProperty({ nullable: true, type: Boolean }) submittedOnTime: boolean | null;
}

export class ObligationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OBLIGATION_KINDS }) kind: string;
  @ApiProperty({ enum: ['', ...PERIOD_KINDS], description: 'Report period; empty for a plan' }) period: string;
  @ApiProperty({ example: 2024 }) year: number;
  @ApiProperty({ enum: OBLIGATION_STATUSES }) status: string;
  @ApiProperty({ example: 'Chưa soạn' }) statusLabel: string;
  @ApiProperty({ format: 'uuid' }) sourcePlanId: string;
  @ApiProperty() sourcePlanTitle: string;
  @ApiProperty({ nullable: true, type: String }) sourcePlanSymbol: string | null;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ format: 'uuid' }) parentUnitId: string;
  @ApiProperty() parentUnitName: string;
  @ApiProperty({ format: 'date', description: 'Deadline as written' }) nominalDeadline: string;
  @ApiProperty({ format: 'date', description: 'Deadline shifted to a working day' }) deadline: string;
  @ApiProperty({ format: 'date-time' }) deadlineEndsAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) firstSubmittedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastSubmittedAt: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) submittedOnTime: boolean | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The plan that fulfils it' })
  planId: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Calendar days to the deadline; negative when late; null once submitted',
  })
  daysLeft: number | null;
  @ApiProperty({ description: 'Submitted after the deadline, or not submitted and the deadline has passed' })
  late: boolean;
  @ApiProperty({ description: 'The deadline’s shift rests on a provisional (not yet confirmed) calendar year' })
  provisional: boolean;
}

export class InboxItemResponse extends ObligationResponse {
  @ApiProperty({ nullable: true, type: String }) planTitle: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Submission count of the plan' }) versionNo: number | null;
}

export class ObligationTransitionResponse {
  @ApiProperty() seq: number;
  @ApiProperty({ enum: ['start_draft', 'submit', 'approve', 'return', 'extend_deadline'] }) command: string;
  @ApiProperty({ enum: OBLIGATION_STATUSES }) from: string;
  @ApiProperty({ enum: OBLIGATION_STATUSES }) to: string;
  @ApiProperty() actor: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: Number }) versionNo: number | null;
}

export class ObligationDetailResponse extends ObligationResponse {
  @ApiProperty({ type: [ObligationTransitionResponse] }) transitions: ObligationTransitionResponse[];
}
