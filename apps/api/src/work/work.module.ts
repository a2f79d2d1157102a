import { Body, Controller, Get, HttpCode, Module, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';
import { BulkApprovalResponse, MyWorkResponse, ObligationReportResponse, RemindNowResponse } from './work.responses';
import { Actor, CurrentActor } from '../auth/actor';
import { UuidPipe } from '../http/uuid.pipe';
import { ObligationsModule } from '../obligations/obligations.module';
import { PlansModule } from '../plans/plans.module';
import { ReportsModule } from '../reports/reports.controller';
import { BulkApproveDto } from './work.dto';
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
  @ApiOkResponse({ type: ObligationReportResponse })
  @ApiErrors(400, 401, 404)
  reportOf(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.work.reportOf(actor, id);
  }

  @Post('approvals/bulk')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkApprovalResponse, description: 'Each item approved or refused with its reason' })
  @ApiErrors(400, 401)
  bulkApprove(@CurrentActor() actor: Actor, @Body() dto: BulkApproveDto) {
    return this.work.bulkApprove(actor, dto.obligationIds);
  }

  @Post('obligations/:id/remind')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RemindNowResponse, description: 'The reminder is on its way' })
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
