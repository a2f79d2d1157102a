import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { OBLIGATION_KINDS, OBLIGATION_STATUSES, type ObligationKind, type ObligationStatus } from '@cchc/domain';
import { IsLocalDate } from '../http/common.dto';

export class ExtendDeadlineDto {
  @ApiProperty({ example: '2024-02-07' }) @IsLocalDate() deadline: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class ObligationQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: OBLIGATION_KINDS }) @IsOptional() @IsIn(OBLIGATION_KINDS) kind?: ObligationKind;
  @ApiPropertyOptional({ enum: OBLIGATION_STATUSES })
  @IsOptional()
  @IsIn(OBLIGATION_STATUSES)
  status?: ObligationStatus;
  @ApiPropertyOptional({ description: 'Outgoing: obligations owed to this unit (default: the caller’s unit)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}
