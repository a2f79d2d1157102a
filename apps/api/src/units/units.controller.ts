import { Body, Controller, Get, Param, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { DomainError } from '@cchc/domain';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';
import { AsOfQuery } from '../http/common.dto';
import { UuidPipe } from '../http/uuid.pipe';
import { RateLimit } from '../http/rate-limit';
import {
  CreateUnitDto,
  DeactivateUnitDto,
  MergeUnitsDto,
  MoveUnitDto,
  UnitListQuery,
  UnitPageResponse,
  UnitResponse,
  UpdateUnitDto,
} from './units.dto';
import { UnitsService } from './units.service';
import { ApiErrors } from '../http/api-errors';
import {
  UnitCountResponse,
  UnitHistoryResponse,
  UnitImportSummaryResponse,
  UnitMergeResponse,
} from './units.responses';
import { UnitImportService } from './import/unit-import.service';
import { ImportQuery } from './units.dto';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(
    private readonly units: UnitsService,
    private readonly importer: UnitImportService,
  ) {}

  @Post('import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: UnitImportSummaryResponse, description: 'What was (or, dry run, would be) changed' })
  @ApiErrors(400, 401, 403, 404, 409, 413, 422)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 20 * 1024 * 1024, files: 1 } }))
  importUnits(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query() q: ImportQuery,
  ) {
    if (!file) throw new DomainError('validation', 'import.no_file', 'Chưa chọn tệp để nhập (trường "file")');
    return this.importer.import(actor, file, { validFrom: q.validFrom, dryRun: q.dryRun === 'true' });
  }

  @Get()
  @RateLimit('expensive')
  @ApiOkResponse({ type: UnitPageResponse, description: 'Every unit the caller may read (search: accent-insensitive)' })
  @ApiErrors(400, 401)
  list(@CurrentActor() actor: Actor, @Query() q: UnitListQuery) {
    return this.units.list(actor, q);
  }

  @Post()
  @ApiCreatedResponse({ type: UnitResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto) {
    return this.units.create(actor, dto);
  }

  @Post('merge')
  @ApiCreatedResponse({ type: UnitMergeResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  merge(@CurrentActor() actor: Actor, @Body() dto: MergeUnitsDto) {
    return this.units.merge(actor, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: UnitResponse })
  @ApiErrors(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: AsOfQuery) {
    return this.units.get(actor, id, q.asOf);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UnitResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateUnitDto) {
    return this.units.update(actor, id, dto);
  }

  @Get(':id/children')
  @ApiOkResponse({ type: [UnitResponse] })
  @ApiErrors(400, 401, 404)
  children(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: AsOfQuery) {
    return this.units.children(actor, id, q.asOf);
  }

  @Get(':id/subtree')
  @RateLimit('expensive')
  @ApiOkResponse({ type: UnitPageResponse })
  @ApiErrors(400, 401, 404)
  subtree(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: UnitListQuery) {
    return this.units.subtree(actor, id, q);
  }

  @Get(':id/subtree/count')
  @RateLimit('expensive')
  @ApiOkResponse({ type: UnitCountResponse })
  @ApiErrors(400, 401, 404)
  async subtreeCount(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: UnitListQuery) {
    return { count: await this.units.subtreeCount(actor, id, q) };
  }

  @Get(':id/ancestors')
  @ApiOkResponse({ type: [UnitResponse] })
  @ApiErrors(400, 401, 404)
  ancestors(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: AsOfQuery) {
    return this.units.ancestors(actor, id, q.asOf);
  }

  @Get(':id/history')
  @ApiOkResponse({ type: UnitHistoryResponse })
  @ApiErrors(400, 401, 404)
  history(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.units.history(actor, id);
  }

  @Post(':id/move')
  @ApiCreatedResponse({ type: UnitResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  move(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: MoveUnitDto) {
    return this.units.move(actor, id, dto.newParentId, dto.effectiveDate);
  }

  @Post(':id/deactivate')
  @ApiCreatedResponse({ type: UnitResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  deactivate(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: DeactivateUnitDto) {
    return this.units.deactivate(actor, id, dto.effectiveDate);
  }
}
