import { ApiProperty } from '@nestjs/swagger';

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'reminder' }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: String }) link: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) obligationId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) planId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt: string | null;
}

export class NotificationPageResponse {
  @ApiProperty({ type: [NotificationResponse] }) items: NotificationResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `after` for the next page' })
  nextCursor: string | null;
}

export class UnreadCountResponse {
  @ApiProperty({ example: 3 }) unread: number;
}

export class MarkedReadResponse {
  @ApiProperty({ description: 'How many were marked read' }) marked: number;
}

export class NotificationReadResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) readAt: string;
}
