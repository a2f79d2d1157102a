import { Body, Controller, Get, Injectable, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { conflict, notFound, unprocessable } from '@cchc/domain';
import { AuditRepository, IndicatorsRepository } from '@cchc/persistence';
import { AccessService } from '../access/access.service';
import { Actor, actorRef, CurrentActor } from '../auth/actor';
import { ApiErrors } from '../http/api-errors';
import { IndicatorResponse } from './reports.responses';

/** Fields every indicator write may carry; name and unit of measure are added per DTO (required on create). */
class IndicatorOptionalFields {
  @ApiPropertyOptional({ enum: ['sum', 'max', 'avg', 'last'] })
  @IsOptional()
  @IsIn(['sum', 'max', 'avg', 'last'])
  aggregation?: 'sum' | 'max' | 'avg' | 'last';
  @ApiPropertyOptional({ enum: ['online', 'traditional', 'other'] })
  @IsOptional()
  @IsIn(['online', 'traditional', 'other'])
  category?: 'online' | 'traditional' | 'other';
  @ApiPropertyOptional({ enum: ['integer', 'decimal'] }) @IsOptional() @IsIn(['integer', 'decimal']) valueType?:
    'integer' | 'decimal';
  @ApiPropertyOptional({ example: 2024, minimum: 2000, maximum: 2100 })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  activeFromYear?: number;
  @ApiPropertyOptional({ example: 2030, minimum: 2000, maximum: 2100 })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  activeToYear?: number;
}

// class-validator merges a parent's @IsOptional into a subclass's redeclared field, so the required fields of
// CreateIndicatorDto must not come from a class where they are optional.
export class CreateIndicatorDto extends IndicatorOptionalFields {
  @ApiProperty({ example: 'ZALO_POSTS' })
  @Matches(/^[A-Z][A-Z0-9_]{1,49}$/, { message: 'Mã chỉ tiêu: chữ in hoa, số, gạch dưới' })
  code: string;
  @ApiProperty({ example: 'Tin, bài trên trang thông tin điện tử' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  name: string;
  @ApiProperty({ example: 'tin, bài' }) @IsString() @MinLength(1) @MaxLength(50) unitOfMeasure: string;
}

export class UpdateIndicatorDto extends IndicatorOptionalFields {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(300) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(50) unitOfMeasure?: string;
}

/** An indicator cannot stop being used before it starts (activeToYear is the last year it is used). */
function assertActiveYears(from: number, to: number | null): void {
  if (to !== null && to < from)
    throw unprocessable(
      'indicator.active_years_reversed',
      `Năm kết thúc áp dụng (${to}) không được trước năm bắt đầu (${from})`,
      { activeFromYear: from, activeToYear: to },
    );
}

/** The indicator catalogue is national data: read by everyone, edited by an admin of a top-level unit. */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly indicators: IndicatorsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
  ) {}

  list() {
    return this.indicators.catalogue();
  }

  async create(actor: Actor, dto: CreateIndicatorDto) {
    await this.access.authorizeNational(actor, 'catalogue.manage');
    assertActiveYears(dto.activeFromYear ?? 2000, dto.activeToYear ?? null);
    if (await this.indicators.exists(dto.code))
      throw conflict('indicator.exists', 'Mã chỉ tiêu đã tồn tại', { code: dto.code });
    await this.indicators.insert({
      code: dto.code,
      name: dto.name,
      unitOfMeasure: dto.unitOfMeasure,
      aggregation: dto.aggregation ?? 'sum',
      category: dto.category ?? 'other',
      valueType: dto.valueType ?? 'integer',
      activeFromYear: dto.activeFromYear ?? 2000,
      activeToYear: dto.activeToYear ?? null,
    });
    const after = (await this.indicators.find(dto.code))!;
    await this.audit.record({
      actor: actorRef(actor),
      action: 'indicator.created',
      entityType: 'indicator',
      entityId: dto.code,
      unitId: actor.unitId,
      after: { ...after },
      requestId: actor.requestId,
    });
    return after;
  }

  async update(actor: Actor, code: string, dto: UpdateIndicatorDto) {
    await this.access.authorizeNational(actor, 'catalogue.manage');
    const before = await this.indicators.find(code);
    if (!before) throw notFound('indicator.not_found', 'Không tìm thấy chỉ tiêu', { code });
    const current = before as unknown as Record<string, unknown>;
    const changed = Object.entries(dto).filter(([k, v]) => v !== undefined && current[k] !== v);
    // Nothing to change: nothing written, nothing audited.
    if (!changed.length) return before;
    assertActiveYears(
      dto.activeFromYear ?? before.activeFromYear,
      dto.activeToYear !== undefined ? dto.activeToYear : before.activeToYear,
    );
    await this.indicators.update(code, {
      name: dto.name,
      unitOfMeasure: dto.unitOfMeasure,
      aggregation: dto.aggregation,
      category: dto.category,
      valueType: dto.valueType,
      activeFromYear: dto.activeFromYear,
      activeToYear: dto.activeToYear,
    });
    const after = (await this.indicators.find(code))!;
    await this.audit.record({
      actor: actorRef(actor),
      action: 'indicator.updated',
      entityType: 'indicator',
      entityId: code,
      unitId: actor.unitId,
      before: { ...before },
      after: { ...after },
      requestId: actor.requestId,
    });
    return after;
  }
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get()
  @ApiOkResponse({ type: [IndicatorResponse], description: 'The national indicator catalogue' })
  @ApiErrors(401)
  list() {
    return this.indicators.list();
  }

  @Post()
  @ApiCreatedResponse({ type: IndicatorResponse })
  @ApiErrors(400, 401, 403, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateIndicatorDto) {
    return this.indicators.create(actor, dto);
  }

  @Patch(':code')
  @ApiOkResponse({ type: IndicatorResponse })
  @ApiErrors(400, 401, 403, 404)
  update(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: UpdateIndicatorDto) {
    return this.indicators.update(actor, code, dto);
  }
}
