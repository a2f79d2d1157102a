import { Body, Controller, Get, Injectable, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectEntityManager } from '@nestjs/typeorm';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { EntityManager } from 'typeorm';
import { conflict, forbidden, notFound, unprocessable } from '@cchc/domain';
import { AuditService, UnitTreeRepository } from '@cchc/persistence';
import { today } from '../access/access.service';
import { Actor, actorRef, CurrentActor } from '../auth/actor';
import { ReportsService } from './reports.service';

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
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly tree: UnitTreeRepository,
    private readonly audit: AuditService,
    private readonly reports: ReportsService,
  ) {}

  private async assertCatalogueAdmin(actor: Actor) {
    if (!actor.roles.includes('admin'))
      throw forbidden('access.forbidden', 'Chỉ quản trị viên mới được sửa danh mục chỉ tiêu');
    if ((await this.tree.requireUnit(actor.unitId, today())).parentId !== null) {
      throw forbidden('indicator.admin_of_root_only', 'Chỉ quản trị viên cấp cao nhất mới được sửa danh mục chỉ tiêu');
    }
  }

  async create(actor: Actor, dto: CreateIndicatorDto) {
    await this.assertCatalogueAdmin(actor);
    assertActiveYears(dto.activeFromYear ?? 2000, dto.activeToYear ?? null);
    if ((await this.em.query(`SELECT 1 FROM indicators WHERE code = $1`, [dto.code])).length)
      throw conflict('indicator.exists', 'Mã chỉ tiêu đã tồn tại', { code: dto.code });
    await this.em.query(
      `INSERT INTO indicators (code, name, unit_of_measure, aggregation, category, value_type, active_from_year, active_to_year)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        dto.code,
        dto.name,
        dto.unitOfMeasure,
        dto.aggregation ?? 'sum',
        dto.category ?? 'other',
        dto.valueType ?? 'integer',
        dto.activeFromYear ?? 2000,
        dto.activeToYear ?? null,
      ],
    );
    const after = (await this.reports.catalogue()).find((i) => i.code === dto.code)!;
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
    await this.assertCatalogueAdmin(actor);
    const before = (await this.reports.catalogue()).find((i) => i.code === code);
    if (!before) throw notFound('indicator.not_found', 'Không tìm thấy chỉ tiêu', { code });
    const current = before as unknown as Record<string, unknown>;
    const changed = Object.entries(dto).filter(([k, v]) => v !== undefined && current[k] !== v);
    // Nothing to change: nothing written, nothing audited.
    if (!changed.length) return before;
    assertActiveYears(
      dto.activeFromYear ?? Number(current.activeFromYear ?? 2000),
      dto.activeToYear !== undefined ? dto.activeToYear : ((current.activeToYear as number | null) ?? null),
    );
    await this.em.query(
      `UPDATE indicators SET name = coalesce($2, name), unit_of_measure = coalesce($3, unit_of_measure), aggregation = coalesce($4, aggregation),
              category = coalesce($5, category), value_type = coalesce($6, value_type), active_from_year = coalesce($7, active_from_year),
              active_to_year = CASE WHEN $9 THEN $8 ELSE active_to_year END, updated_at = now() WHERE code = $1`,
      [
        code,
        dto.name ?? null,
        dto.unitOfMeasure ?? null,
        dto.aggregation ?? null,
        dto.category ?? null,
        dto.valueType ?? null,
        dto.activeFromYear ?? null,
        dto.activeToYear ?? null,
        dto.activeToYear !== undefined,
      ],
    );
    const after = (await this.reports.catalogue()).find((i) => i.code === code)!;
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
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly reports: ReportsService,
  ) {}

  @Get()
  list() {
    return this.reports.catalogue();
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateIndicatorDto) {
    return this.indicators.create(actor, dto);
  }

  @Patch(':code')
  update(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: UpdateIndicatorDto) {
    return this.indicators.update(actor, code, dto);
  }
}
