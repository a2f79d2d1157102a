import { ApiProperty } from '@nestjs/swagger';
import { ANY_JSON } from '../http/json-schema';

export class AuditEntryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ example: 'user:…', description: '`user:<id>`, or `system`/`workflow:…` for automatic changes' })
  actor: string;
  @ApiProperty({ example: 'unit.created' }) action: string;
  @ApiProperty({ example: 'unit' }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) unitId: string | null;
  @ApiProperty({ ...ANY_JSON, description: 'State before the change (null when created)' }) before: unknown;
  @ApiProperty({ ...ANY_JSON, description: 'State after the change' }) after: unknown;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items: AuditEntryResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `after` for the next page' })
  nextCursor: string | null;
}
