import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PERIOD_KINDS, type PeriodKind } from '@cchc/domain';

export class SaveReportDto {
  @ApiProperty({ description: 'The report obligation this report answers' }) @IsUUID() obligationId: string;
  @ApiPropertyOptional({
    example: { WEB_NEWS: 16, RADIO_ITEMS: 13 },
    description: 'Indicator code → value (the unit’s own work)',
  })
  @IsOptional()
  @IsObject()
  values?: Record<string, unknown>;
  @ApiPropertyOptional({ example: { achievements: 'Đã đăng 16 tin, bài trên trang TTĐT' } })
  @IsOptional()
  @IsObject()
  narrative?: Record<string, unknown>;
}

export class RollupQuery {
  @ApiProperty({ example: 2024 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ enum: PERIOD_KINDS }) @IsIn(PERIOD_KINDS) period: PeriodKind;
}

export class ReviewQuery {
  @ApiProperty({ example: 2024 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional({ enum: PERIOD_KINDS }) @IsOptional() @IsIn(PERIOD_KINDS) period?: PeriodKind;
  @ApiPropertyOptional({ description: 'Drill down into this unit (default: the reviewer’s whole scope)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}
