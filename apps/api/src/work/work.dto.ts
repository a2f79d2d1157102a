import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

export class BulkApproveDto {
  @ApiProperty({ type: [String], description: 'Obligations (plans or reports) waiting for my decision, at most 500' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  obligationIds: string[];
}

export class UrgeDto {
  @ApiProperty({
    type: [String],
    description: 'Late or missing obligations (plans or reports) to urge now, at most 500',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  obligationIds: string[];
}

export class UrgeResultItemResponse {
  @ApiProperty({ format: 'uuid' }) obligationId: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ required: false }) unitName?: string;
  @ApiProperty({ required: false, description: 'Why this one was not sent (error code)' }) code?: string;
  @ApiProperty({ required: false }) message?: string;
}

export class UrgeResponse {
  @ApiProperty() sent: number;
  @ApiProperty() failed: number;
  @ApiProperty({ type: [UrgeResultItemResponse] }) results: UrgeResultItemResponse[];
}
