import { Module } from '@nestjs/common';
import { ObligationCommands } from './obligation-commands.service';
import { ObligationsController } from './obligations.controller';
import { ObligationsService } from './obligations.service';

/** Obligations (what a unit owes its parent: a plan or a report) — used by plans, reports and the calendar. */
@Module({
  controllers: [ObligationsController],
  providers: [ObligationsService, ObligationCommands],
  exports: [ObligationsService, ObligationCommands],
})
export class ObligationsModule {}
