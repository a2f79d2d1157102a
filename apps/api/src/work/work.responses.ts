import { ApiProperty } from '@nestjs/swagger';
/** A free-form object (the obligation views of the obligations API). */
const OBJECT = { type: 'object', additionalProperties: true } as const;

export class MyWorkNotificationsResponse {
  @ApiProperty() unread: number;
  @ApiProperty({ type: 'array', items: OBJECT, description: 'The ten newest unread notifications' })
  latest: Array<Record<string, unknown>>;
}

export class MyWorkResponse {
  @ApiProperty({
    type: 'array',
    items: OBJECT,
    description:
      'What my unit owes (obligations with returnReason, returnedAt, reportId, versionNo), most urgent first',
  })
  owes: Array<Record<string, unknown>>;
  @ApiProperty({ type: 'array', items: OBJECT, description: 'Submissions of my children waiting for my decision' })
  awaitingDecision: Array<Record<string, unknown>>;
  @ApiProperty({ type: MyWorkNotificationsResponse }) notifications: MyWorkNotificationsResponse;
}

export class ReportOfResponse {
  @ApiProperty({ format: 'uuid' }) obligationId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null until the unit starts the report' })
  reportId: string | null;
}

export class BulkApproveItemResponse {
  @ApiProperty({ format: 'uuid' }) obligationId: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ required: false }) code?: string;
  @ApiProperty({ required: false }) message?: string;
}

export class BulkApproveResponse {
  @ApiProperty() approved: number;
  @ApiProperty() failed: number;
  @ApiProperty({ type: [BulkApproveItemResponse] }) results: BulkApproveItemResponse[];
}

export class RemindNowResponse {
  @ApiProperty({ format: 'uuid' }) obligationId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: ['before', 'due_today', 'overdue'] }) kind: string;
  @ApiProperty() daysLeft: number;
}
