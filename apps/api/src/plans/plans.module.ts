import { Module } from '@nestjs/common';
import { ObligationCommands } from './obligation-commands.service';
import { ObligationsController, PlansController } from './plans.controller';
import { ObligationsService } from './obligations.service';
import { PlansService } from './plans.service';

@Module({
  controllers: [PlansController, ObligationsController],
  providers: [PlansService, ObligationsService, ObligationCommands],
  exports: [PlansService, ObligationsService, ObligationCommands],
})
export class PlansModule {}
