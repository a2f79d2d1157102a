import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  MAX_ABBREVIATION_LENGTH,
  MAX_EMAIL_LENGTH,
  MAX_NAME_LENGTH,
  UNIT_CODE_PATTERN,
  UNIT_KINDS,
  type UnitKind,
} from '@cchc/domain';
import { IsLocalDate, SearchPageQuery } from '../http/common.dto';

export class UnitAttributesDto {
  @ApiProperty({ example: 'BTH.SGDDT' })
  @Matches(UNIT_CODE_PATTERN, { message: 'Mã đơn vị chỉ gồm chữ, số, dấu chấm, gạch (tối đa 64 ký tự)' })
  code: string;
  @ApiProperty({ example: 'Sở Giáo dục và Đào tạo' })
  @IsString()
  @MinLength(2)
  @MaxLength(MAX_NAME_LENGTH)
  name: string;
  @ApiProperty({ example: 'SGDĐT', description: 'Used in document symbols: 759/KH-SGDĐT' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_ABBREVIATION_LENGTH)
  abbreviation: string;
  @ApiProperty({ enum: UNIT_KINDS }) @IsIn(UNIT_KINDS) kind: UnitKind;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(MAX_EMAIL_LENGTH) email?: string;
  @ApiPropertyOptional({ description: 'The province’s reviewing office (Sở Nội vụ)' })
  @IsOptional()
  @IsBoolean()
  isReviewingOffice?: boolean;
}

export class CreateUnitDto extends UnitAttributesDto {
  @ApiProperty() @IsUUID() parentId: string;
  @ApiPropertyOptional({ description: 'From when the unit exists (default today)' })
  @IsOptional()
  @IsLocalDate()
  validFrom?: string;
}

export class UpdateUnitDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(MAX_NAME_LENGTH) name?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_ABBREVIATION_LENGTH)
  abbreviation?: string;
  @ApiPropertyOptional({ enum: UNIT_KINDS }) @IsOptional() @IsIn(UNIT_KINDS) kind?: UnitKind;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(MAX_EMAIL_LENGTH) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isReviewingOffice?: boolean;
}

export class MoveUnitDto {
  @ApiProperty() @IsUUID() newParentId: string;
  @ApiProperty({ example: '2025-07-01', description: 'From this day the unit sits under the new parent' })
  @IsLocalDate()
  effectiveDate: string;
}

export class DeactivateUnitDto {
  @ApiProperty({ example: '2025-07-01', description: 'First day on which the unit no longer exists' })
  @IsLocalDate()
  effectiveDate: string;
}

export class MergeUnitsDto {
  @ApiProperty({ type: [String], description: 'Units that cease to exist' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  sourceIds: string[];

  @ApiPropertyOptional({ description: 'Merge into this existing unit …' }) @IsOptional() @IsUUID() intoId?: string;

  @ApiPropertyOptional({ type: CreateUnitDto, description: '… or into a new unit created by the merge' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreateUnitDto)
  intoNew?: CreateUnitDto;

  @ApiProperty({ example: '2025-07-01' }) @IsLocalDate() effectiveDate: string;
}

export class UnitListQuery extends SearchPageQuery {
  @ApiPropertyOptional({ enum: UNIT_KINDS }) @IsOptional() @IsIn(UNIT_KINDS) kind?: UnitKind;
}

export class UnitResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() abbreviation: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty() isReviewingOffice: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Parent as of the asked date' })
  parentId: string | null;
  @ApiProperty({ format: 'date' }) activeFrom: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'First day it no longer exists' })
  activeTo: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) mergedIntoId: string | null;
  @ApiPropertyOptional({ description: 'Depth below the unit the listing started from' }) depth?: number;
}

export class UnitPageResponse {
  @ApiProperty({ type: [UnitResponse] }) items: UnitResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ImportQuery {
  @ApiPropertyOptional({ description: 'From when created units exist and moves apply (default today)' })
  @IsOptional()
  @IsLocalDate()
  validFrom?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Validate and report without writing' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}
