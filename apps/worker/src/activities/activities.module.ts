import { Module } from '@nestjs/common';
import { ActivitiesRegistry } from './activities.registry';
import { SystemActivitiesImpl } from './system.activities';

@Module({
  providers: [SystemActivitiesImpl, ActivitiesRegistry],
  exports: [ActivitiesRegistry],
})
export class ActivitiesModule {}
