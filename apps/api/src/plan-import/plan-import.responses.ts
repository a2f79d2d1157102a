import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PERIOD_KINDS, PLAN_SECTION_KEYS, UNIT_KINDS } from '@cchc/domain';
import { PlanResponse } from '../plans/plans.responses';

export class SourceSentenceDto {
  @ApiProperty({ example: 3120, description: 'Offset of the sentence in `text` (UTF-16 code units)' }) start: number;
  @ApiProperty({ example: 3236, description: 'End of the sentence in `text` (exclusive)' }) end: number;
  @ApiProperty({ example: 'Thời gian hoàn thành xây dựng kế hoạch: Chậm nhất là ngày 31/01/2024.' }) text: string;
  @ApiProperty({ example: 3163, description: 'Offset of the matched words in `text`' }) matchStart: number;
  @ApiProperty({ example: 3190 }) matchEnd: number;
}

export class ExtractedFieldDto {
  @ApiProperty({
    description: 'The value read (string, number, or an object for parentPlan, executionWindow, targets …)',
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'object' }, { type: 'array', items: { type: 'string' } }],
    example: '2024-01-31',
  })
  value: unknown;
  @ApiProperty({ type: SourceSentenceDto }) source: SourceSentenceDto;
  @ApiProperty({ example: 0.9, minimum: 0, maximum: 1 }) confidence: number;
}

class DocumentRefDto {
  @ApiProperty({ enum: ['KH', 'QD'] }) kind: string;
  @ApiProperty({ example: 4912 }) number: number;
  @ApiProperty({ example: '4912/KH-UBND' }) symbol: string;
  @ApiProperty({ example: '2023-12-15' }) date: string;
  @ApiProperty({ example: 'Ủy ban nhân dân tỉnh', nullable: true, type: String }) issuer: string | null;
}
class ExtractedRefDto extends ExtractedFieldDto {
  @ApiProperty({ type: DocumentRefDto }) declare value: DocumentRefDto;
}
class TargetValueDto {
  @ApiProperty({
    example: 'WEB_NEWS',
    nullable: true,
    type: String,
    description: 'Indicator catalogue code (GET /indicators)',
  })
  indicatorCode: string | null;
  @ApiProperty({ example: 5 }) amount: number;
  @ApiProperty({ enum: ['week', 'month', 'quarter', 'year'] }) basis: string;
  @ApiProperty({ enum: UNIT_KINDS, isArray: true }) unitKinds: string[];
  @ApiProperty({ enum: ['sentence', 'heading'], nullable: true }) unitKindsFrom: string | null;
}
class ExtractedTargetDto extends ExtractedFieldDto {
  @ApiProperty({ type: TargetValueDto }) declare value: TargetValueDto;
}
class ReportPeriodValueDto {
  @ApiProperty({ enum: [...PERIOD_KINDS, 'quarterly', 'ad_hoc'] }) period: string;
  @ApiProperty({ example: 10, nullable: true, type: Number }) dueDay: number | null;
  @ApiProperty({ example: 3, nullable: true, type: Number }) dueMonth: number | null;
}
class ExtractedReportPeriodDto extends ExtractedFieldDto {
  @ApiProperty({ type: ReportPeriodValueDto }) declare value: ReportPeriodValueDto;
}
class SectionValueDto {
  @ApiProperty({ example: 'III' }) numeral: string;
  @ApiProperty({ example: 'TỔ CHỨC THỰC HIỆN' }) heading: string;
  @ApiProperty({ enum: PLAN_SECTION_KEYS, nullable: true }) key: string | null;
  @ApiProperty() text: string;
}
class ExtractedSectionDto extends ExtractedFieldDto {
  @ApiProperty({ type: SectionValueDto }) declare value: SectionValueDto;
}

export class ExtractedFieldsDto {
  @ApiPropertyOptional({ type: ExtractedFieldDto }) issuer?: ExtractedFieldDto;
  @ApiPropertyOptional({ type: ExtractedFieldDto }) parentBody?: ExtractedFieldDto;
  @ApiPropertyOptional({ type: ExtractedFieldDto, description: 'value "KH"' }) documentType?: ExtractedFieldDto;
  @ApiPropertyOptional({ type: ExtractedFieldDto }) number?: ExtractedFieldDto;
  @ApiPropertyOptional({ type: ExtractedFieldDto, description: 'After the slash: "KH-UBND"' })
  symbol?: ExtractedFieldDto;
  @ApiPropertyOptional({ type: ExtractedFieldDto }) issuePlace?: ExtractedFieldDto;
  @ApiPropertyOptional({ type: ExtractedFieldDto }) issueDate?: ExtractedFieldDto;
  @ApiPropertyOptional({ type: ExtractedFieldDto }) title?: ExtractedFieldDto;
  @ApiPropertyOptional({ type: ExtractedFieldDto }) year?: ExtractedFieldDto;
  @ApiPropertyOptional({ type: ExtractedRefDto }) parentPlan?: ExtractedRefDto;
  @ApiProperty({ type: [ExtractedRefDto] }) parentRefs: ExtractedRefDto[];
  @ApiPropertyOptional({ type: ExtractedFieldDto }) childDeadline?: ExtractedFieldDto;
  @ApiPropertyOptional({ type: ExtractedFieldDto, description: 'value { from: "2025-02", to: "2025-12" }' })
  executionWindow?: ExtractedFieldDto;
  @ApiProperty({ type: [ExtractedTargetDto] }) targets: ExtractedTargetDto[];
  @ApiProperty({ type: [ExtractedReportPeriodDto] }) reportPeriods: ExtractedReportPeriodDto[];
  @ApiPropertyOptional({ type: ExtractedFieldDto }) reportRecipient?: ExtractedFieldDto;
  @ApiProperty({ type: [ExtractedSectionDto] }) sections: ExtractedSectionDto[];
  @ApiPropertyOptional({ type: ExtractedFieldDto }) forms?: ExtractedFieldDto;
  @ApiPropertyOptional({ type: ExtractedFieldDto, description: 'Nơi nhận, one entry a line' })
  recipients?: ExtractedFieldDto;
  @ApiProperty({ type: [String], example: ['number', 'issueDate', 'executionWindow'] }) notFound: string[];
}

export class ParentPlanMatchDto {
  @ApiProperty() planId: string;
  @ApiProperty() unitId: string;
  @ApiProperty({ example: 'Ủy ban nhân dân tỉnh Bình Thuận' }) unitName: string;
  @ApiProperty({ example: '1/KH-UBND', nullable: true, type: String }) symbol: string | null;
  @ApiProperty({ example: '2024-01-15', nullable: true, type: String }) issueDate: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ example: 'issued' }) status: string;
  @ApiProperty({ enum: ['symbol', 'number_and_date'] }) matchedBy: string;
}

export class PlanImportResponse {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The draft plan created from the document' }) planId: string;
  @ApiProperty() unitId: string;
  @ApiProperty({ enum: ['draft', 'confirmed'] }) status: string;
  @ApiProperty({ example: 'ke-hoach-tuyen-truyen-2024.docx' }) filename: string;
  @ApiProperty({ enum: ['docx', 'txt', 'md'] }) format: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'The text read from the file; every offset refers to it' }) text: string;
  @ApiProperty({ type: ExtractedFieldsDto }) extraction: ExtractedFieldsDto;
  @ApiProperty({ type: ParentPlanMatchDto, nullable: true, description: 'The existing plan the document implements' })
  parentMatch: ParentPlanMatchDto | null;
  @ApiProperty({
    type: [String],
    example: ['reportSchedule'],
    description: 'Draft fields the text did not give, filled with the plan defaults',
  })
  defaults: string[];
  @ApiProperty({ type: PlanResponse, description: 'The draft plan (as GET /plans/:id)' })
  plan: object;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) confirmedAt: string | null;
}

export class ConfirmPlanImportResponse {
  @ApiProperty({ type: PlanImportResponse }) import: PlanImportResponse;
  @ApiProperty({
    enum: ['issued', 'submitted', 'kept_draft'],
    description:
      'issued: a plan no parent asked for, its cascade started; submitted: a plan answering a parent’s, sent for ' +
      'approval; kept_draft (mode keep_draft): the corrected plan is still a draft',
  })
  action: 'issued' | 'submitted' | 'kept_draft';
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The plan (issue, keep_draft) or the transition (submit)',
  })
  result: Record<string, unknown>;
}

export class PendingPlanImportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The draft plan made from it' }) planId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 'Sở Tư pháp' }) unitName: string;
  @ApiProperty({ example: 'ke-hoach-tuyen-truyen-cchc-2024.docx' }) filename: string;
  @ApiProperty({ enum: ['docx', 'txt', 'md'] }) format: string;
  @ApiProperty({ example: 'Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024' }) planTitle: string;
  @ApiProperty({ example: 2024 }) year: number;
  @ApiProperty({ example: 'user:5b1d…' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PendingPlanImportsResponse {
  @ApiProperty({ type: [PendingPlanImportResponse], description: 'Newest first, at most 50' })
  items: PendingPlanImportResponse[];
}
