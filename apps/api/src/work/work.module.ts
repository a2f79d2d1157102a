import { Body, Controller, Get, HttpCode, Module, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  myWork(@CurrentActor() actor: Actor) {
    return this.work.myWork(actor);
  }

  /** The report answering a report obligation (null until the unit starts it). */
  @Get('obligations/:id/report')
  reportOf(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.work.reportOf(actor, id);
  }

  @Post('approvals/bulk')
  @HttpCode(200)
  bulkApprove(@CurrentActor() actor: Actor, @Body() dto: BulkApproveDto) {
    return this.work.bulkApprove(actor, dto.obligationIds);
  }

  @Post('obligations/:id/remind')
  @HttpCode(202)
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
