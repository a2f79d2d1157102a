import { Body, Controller, Get, HttpCode, Module, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';
import { TransitionResultResponse } from '../obligations/obligations.responses';
import { Actor, CurrentActor } from '../auth/actor';
import { UuidPipe } from '../http/uuid.pipe';
import { ObligationsModule } from '../obligations/obligations.module';
import { RateLimit } from '../http/rate-limit';
import { ReturnPlanDto } from '../plans/plans.dto';
import { ReviewQuery, RollupQuery, SaveReportDto } from './reports.dto';
import { ReportsService } from './reports.service';
import { RollupService } from './rollup.service';
import { IndicatorsController, IndicatorsService } from './indicators';
import {
  ReportResponse,
  ReportVersionResponse,
  ReviewCellResponse,
  ReviewResponse,
  RollupResponse,
} from './reports.responses';

@ApiTags('reports')
@ApiBearerAuth()
@ApiExtraModels(ReviewCellResponse)
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly rollups: RollupService,
  ) {}

  @Put('reports')
  @ApiOkResponse({ type: ReportResponse, description: 'The draft report, created or updated' })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  save(@CurrentActor() actor: Actor, @Body() dto: SaveReportDto) {
    return this.reports.save(actor, dto);
  }

  @Get('reports/:id')
  @ApiOkResponse({ type: ReportResponse })
  @ApiErrors(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.reports.get(actor, id);
  }

  @Get('reports/:id/versions')
  @ApiOkResponse({ type: [ReportVersionResponse] })
  @ApiErrors(400, 401, 404)
  versions(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.reports.versions(actor, id);
  }

  @Post('reports/:id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: TransitionResultResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  submit(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.reports.transition(actor, id, 'submit');
  }

  @Post('reports/:id/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: TransitionResultResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  accept(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.reports.transition(actor, id, 'approve');
  }

  @Post('reports/:id/return')
  @HttpCode(200)
  @ApiOkResponse({ type: TransitionResultResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  return(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReturnPlanDto) {
    return this.reports.transition(actor, id, 'return', dto.reason);
  }

  @RateLimit('expensive')
  @Get('units/:id/rollup')
  @ApiOkResponse({ type: RollupResponse })
  @ApiErrors(400, 401, 403, 404)
  rollup(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: RollupQuery) {
    return this.rollups.rollup(actor, id, q.year, q.period);
  }

  @RateLimit('expensive')
  @Get('review')
  @ApiOkResponse({ type: ReviewResponse })
  @ApiErrors(400, 401, 403, 404)
  review(@CurrentActor() actor: Actor, @Query() q: ReviewQuery) {
    return this.rollups.review(actor, q);
  }
}

@Module({
  imports: [ObligationsModule],
  controllers: [ReportsController, IndicatorsController],
  providers: [ReportsService, RollupService, IndicatorsService],
  exports: [ReportsService, RollupService],
})
export class ReportsModule {}
