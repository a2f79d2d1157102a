import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ObligationResponse } from '../obligations/obligations.responses';

/** An obligation on the home page, with why it was returned and what answers it. */
export class WorkItemResponse extends ObligationResponse {
  @ApiProperty({ nullable: true, type: String, description: 'The parent’s reason, when returned' })
  returnReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) returnedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The report answering it, if started' })
  reportId: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Latest submitted version' }) versionNo: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Waiting items: the submitted plan’s title' })
  planTitle?: string | null;
}

export class WorkNotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'reminder' }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) link: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) obligationId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WorkNotificationsResponse {
  @ApiProperty() unread: number;
  @ApiProperty({ type: [WorkNotificationResponse] }) latest: WorkNotificationResponse[];
}

/** Việc cần làm: what my unit owes (most urgent first), what waits for my decision, my unread notifications. */
export class MyWorkResponse {
  @ApiProperty({ type: [WorkItemResponse] }) owes: WorkItemResponse[];
  @ApiProperty({ type: [WorkItemResponse] }) awaitingDecision: WorkItemResponse[];
  @ApiProperty({ type: WorkNotificationsResponse }) notifications: WorkNotificationsResponse;
}

export class ObligationReportResponse {
  @ApiProperty({ format: 'uuid' }) obligationId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null until the unit starts it' })
  reportId: string | null;
}

export class BulkApprovalItemResponse {
  @ApiProperty({ format: 'uuid' }) obligationId: string;
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional({ description: 'Why this one was refused' }) code?: string;
  @ApiPropertyOptional() message?: string;
}

export class BulkApprovalResponse {
  @ApiProperty() approved: number;
  @ApiProperty() failed: number;
  @ApiProperty({ type: [BulkApprovalItemResponse] }) results: BulkApprovalItemResponse[];
}

export class RemindNowResponse {
  @ApiProperty({ format: 'uuid' }) obligationId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: ['before', 'due_today', 'overdue'] }) kind: string;
  @ApiProperty({ description: 'Days to the deadline; negative when late' }) daysLeft: number;
}
