import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  SIGNING_FORMS,
  UNIT_KINDS,
  type ReminderPolicy,
  type ReportSchedule,
  type SigningForm,
  type UnitKind,
} from '@cchc/domain';
import { IsLocalDate, MAX_INT } from '../http/common.dto';

const TEXT = 20_000;

export class SignerDto {
  @ApiProperty({ example: 'Nguyễn Văn A' }) @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiProperty({ example: 'Phó Giám đốc' }) @IsString() @MinLength(2) @MaxLength(200) title: string;
  @ApiPropertyOptional({ enum: SIGNING_FORMS, nullable: true, example: 'KT.' })
  @IsOptional()
  @IsIn(SIGNING_FORMS)
  signingForm?: SigningForm | null;
  @ApiPropertyOptional({
    example: 'GIÁM ĐỐC',
    description: 'Title of the head the signer signs for (after KT./TM./Q.)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  onBehalfOf?: string;
}

export class SectionsDto {
  @ApiPropertyOptional({ description: 'I. Mục đích, yêu cầu' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  purpose?: string;
  @ApiPropertyOptional({ description: 'II. Nội dung tuyên truyền' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  content?: string;
  @ApiPropertyOptional({ description: 'Hình thức tuyên truyền' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  forms?: string;
  @ApiPropertyOptional({ description: 'III. Các hoạt động' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  activities?: string;
  @ApiPropertyOptional({ description: 'IV. Kinh phí' }) @IsOptional() @IsString() @MaxLength(TEXT) budget?: string;
  @ApiPropertyOptional({ description: 'V. Tổ chức thực hiện' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  organisation?: string;
}

export class TargetDto {
  @ApiProperty({ example: 'WEB_NEWS' }) @Matches(/^[A-Z][A-Z0-9_]{1,49}$/) indicatorCode: string;
  @ApiProperty({ example: 5 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e12) amount: number;
  @ApiProperty({ enum: ['week', 'month', 'quarter', 'year'] }) @IsIn(['week', 'month', 'quarter', 'year']) basis:
    'week' | 'month' | 'quarter' | 'year';
  @ApiPropertyOptional({ enum: UNIT_KINDS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(UNIT_KINDS, { each: true })
  unitKinds?: UnitKind[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  unitIds?: string[];
}

export class ScopeDto {
  @ApiProperty({ enum: ['all_children', 'selected'] }) @IsIn(['all_children', 'selected']) mode:
    'all_children' | 'selected';
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10000)
  @IsUUID('all', { each: true })
  unitIds?: string[];
}

class PlanFieldsDto {
  @ApiPropertyOptional({ example: 163, description: 'Document number; generated at issue when empty' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999999)
  number?: number;
  @ApiPropertyOptional({ example: '163/KH-UBND', description: 'Generated as {number}/KH-{abbreviation} when empty' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  symbol?: string;
  @ApiPropertyOptional({ example: 'Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024' })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  title?: string;
  @ApiPropertyOptional({ example: 'Bình Thuận' }) @IsOptional() @IsString() @MaxLength(100) issuePlace?: string;
  @ApiPropertyOptional() @IsOptional() @IsLocalDate() issueDate?: string;
  @ApiPropertyOptional({ type: SignerDto }) @IsOptional() @ValidateNested() @Type(() => SignerDto) signer?: SignerDto;
  @ApiPropertyOptional({ type: [String], description: 'Nơi nhận, one recipient a line' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  recipients?: string[];
  @ApiPropertyOptional({ example: 'Thực hiện Kế hoạch số 4912/KH-UBND ngày 15/12/2023 của UBND tỉnh' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  parentPlanRef?: string;
  @ApiPropertyOptional({ type: SectionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SectionsDto)
  sections?: SectionsDto;
  @ApiPropertyOptional({ type: [TargetDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TargetDto)
  targets?: TargetDto[];
  @ApiPropertyOptional({
    example: '2024-01-31',
    description: 'Child units must issue their plans by this day (default 31/01)',
  })
  @IsOptional()
  @IsLocalDate()
  childDeadline?: string;
  @ApiPropertyOptional({
    description:
      'Report periods with due days and cut-off windows (default: quý I 10/3, 6 tháng 10/6, quý III 10/9, năm 10/12)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  reportSchedule?: ReportSchedule;
  @ApiPropertyOptional({
    description: 'Reminder policy (default: 7, 3, 1 days before, on the day, every 3 days overdue up to 30)',
  })
  @IsOptional()
  @IsObject()
  reminderPolicy?: ReminderPolicy;
  @ApiPropertyOptional({ type: ScopeDto }) @IsOptional() @ValidateNested() @Type(() => ScopeDto) scope?: ScopeDto;
}

export class CreatePlanDto extends PlanFieldsDto {
  @ApiProperty({ example: 2024 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ example: 'Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024' })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  declare title: string;
  @ApiPropertyOptional({ description: 'Issuing unit (default: the caller’s unit)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class UpdatePlanDto extends PlanFieldsDto {}

export class ReturnPlanDto {
  @ApiProperty({ example: 'Đề nghị bổ sung chỉ tiêu số tin, bài trên trang thông tin điện tử' })
  @IsString()
  @MinLength(10)
  @MaxLength(5000)
  reason: string;
}

export class PlanListQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
}

export class DiffQuery {
  @ApiProperty({ minimum: 1, maximum: MAX_INT }) @Type(() => Number) @IsInt() @Min(1) @Max(MAX_INT) from: number;
  @ApiProperty({ minimum: 1, maximum: MAX_INT }) @Type(() => Number) @IsInt() @Min(1) @Max(MAX_INT) to: number;
}
