import { Body, Controller, Get, HttpCode, Module, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';
import { UuidPipe } from '../http/uuid.pipe';
import { ObligationsModule } from '../obligations/obligations.module';
import { ReturnPlanDto } from '../plans/plans.dto';
import { ReviewQuery, RollupQuery, SaveReportDto } from './reports.dto';
import { ReportsService } from './reports.service';
import { RollupService } from './rollup.service';
import { IndicatorsController, IndicatorsService } from './indicators';

@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly rollups: RollupService,
  ) {}

  @Put('reports')
  save(@CurrentActor() actor: Actor, @Body() dto: SaveReportDto) {
    return this.reports.save(actor, dto);
  }

  @Get('reports/:id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.reports.get(actor, id);
  }

  @Get('reports/:id/versions')
  versions(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.reports.versions(actor, id);
  }

  @Post('reports/:id/submit')
  @HttpCode(200)
  submit(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.reports.transition(actor, id, 'submit');
  }

  @Post('reports/:id/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.reports.transition(actor, id, 'approve');
  }

  @Post('reports/:id/return')
  @HttpCode(200)
  return(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReturnPlanDto) {
    return this.reports.transition(actor, id, 'return', dto.reason);
  }

  @Get('units/:id/rollup')
  rollup(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: RollupQuery) {
    return this.rollups.rollup(actor, id, q.year, q.period);
  }

  @Get('review')
  review(@CurrentActor() actor: Actor, @Query() q: ReviewQuery) {
    return this.rollups.review(actor, q);
  }
}

@Module({
  imports: [ObligationsModule],
  controllers: [ReportsController, IndicatorsController],
  providers: [ReportsService, RollupService, IndicatorsService],
  exports: [ReportsService],
})
export class ReportsModule {}
