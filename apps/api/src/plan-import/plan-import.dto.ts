import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { UpdatePlanDto } from '../plans/plans.dto';

export class PlanImportUploadDto {
  @ApiPropertyOptional({ description: 'Issuing unit of the draft (default: the caller’s unit)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

/** What confirming does after the corrections are applied. */
export const CONFIRM_MODES = ['issue', 'keep_draft'] as const;
export type ConfirmMode = (typeof CONFIRM_MODES)[number];

export class ConfirmPlanImportDto {
  @ApiPropertyOptional({
    type: UpdatePlanDto,
    description: 'Corrections the user made while reviewing, applied to the draft before anything else',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => UpdatePlanDto)
  changes?: UpdatePlanDto;

  @ApiPropertyOptional({
    enum: CONFIRM_MODES,
    default: 'issue',
    description:
      'issue (default): issue the plan (or submit it, when it answers a parent’s obligation); keep_draft: apply the ' +
      'corrections and keep the plan a draft, to be submitted or issued later from the plan (needs only the right ' +
      'to draft, so a drafter can confirm what was read)',
  })
  @IsOptional()
  @IsIn(CONFIRM_MODES)
  mode?: ConfirmMode;
}
