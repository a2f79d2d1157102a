import { Module } from '@nestjs/common';
import { ActivitiesRegistry } from './activities.registry';
import { SystemActivitiesImpl } from './system.activities';
import { CascadeActivitiesImpl } from './cascade.activities';
import { ObligationActivitiesImpl } from './obligation.activities';

@Module({
  providers: [SystemActivitiesImpl, CascadeActivitiesImpl, ObligationActivitiesImpl, ActivitiesRegistry],
  exports: [ActivitiesRegistry],
})
export class ActivitiesModule {}
