import { Body, Controller, Get, HttpCode, Module, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { BulkApproveResponse, MyWorkResponse, RemindNowResponse, ReportOfResponse } from './work.responses';
import { Actor, CurrentActor } from '../auth/actor';
import { UuidPipe } from '../http/uuid.pipe';
import { ObligationsModule } from '../obligations/obligations.module';
import { PlansModule } from '../plans/plans.module';
import { ReportsModule } from '../reports/reports.controller';
import { BulkApproveDto, UrgeDto, UrgeResponse } from './work.dto';
import { ApiErrors } from '../http/api-errors';
import { WorkService } from './work.service';

@ApiTags('work')
@ApiBearerAuth()
@Controller()
export class WorkController {
  constructor(private readonly work: WorkService) {}

  /** Việc cần làm: what my unit owes, what waits for my decision, unread notifications. */
  @Get('me/work')
  @ApiOkResponse({ type: MyWorkResponse })
  @ApiErrors(401)
  myWork(@CurrentActor() actor: Actor) {
    return this.work.myWork(actor);
  }

  /** The report answering a report obligation (null until the unit starts it). */
  @Get('obligations/:id/report')
  @ApiOkResponse({ type: ReportOfResponse })
  @ApiErrors(400, 401, 404)
  reportOf(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.work.reportOf(actor, id);
  }

  @Post('approvals/bulk')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkApproveResponse })
  @ApiErrors(400, 401)
  bulkApprove(@CurrentActor() actor: Actor, @Body() dto: BulkApproveDto) {
    return this.work.bulkApprove(actor, dto.obligationIds);
  }

  /** Đôn đốc: urge late or missing units now; each unit and its parent get the reminder. */
  @Post('review/remind')
  @HttpCode(200)
  @ApiOkResponse({ type: UrgeResponse, description: 'One result per obligation; a refused one changes nothing' })
  @ApiErrors(400, 401)
  urge(@CurrentActor() actor: Actor, @Body() dto: UrgeDto) {
    return this.work.urge(actor, dto.obligationIds);
  }

  @Post('obligations/:id/remind')
  @HttpCode(202)
  @ApiResponse({ status: 202, type: RemindNowResponse, description: 'The reminder is on its way' })
  @ApiErrors(400, 401, 403, 404, 409)
  remind(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.work.remindNow(actor, id);
  }
}

@Module({
  imports: [ObligationsModule, PlansModule, ReportsModule],
  controllers: [WorkController],
  providers: [WorkService],
})
export class WorkModule {}
