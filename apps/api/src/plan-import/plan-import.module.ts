import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { PlanImportController, UploadLimitInterceptor } from './plan-import.controller';
import { PlanImportService } from './plan-import.service';

/** Import of plan documents into draft plans (issue 14). Uses the plans service's public methods only. */
@Module({
  imports: [PlansModule],
  controllers: [PlanImportController],
  providers: [PlanImportService, UploadLimitInterceptor],
})
export class PlanImportModule {}
