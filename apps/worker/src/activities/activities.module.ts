import { Module } from '@nestjs/common';
import { ActivitiesRegistry } from './activities.registry';
import { SystemActivitiesImpl } from './system.activities';
import { CascadeActivitiesImpl } from './cascade.activities';
import { ObligationActivitiesImpl } from './obligation.activities';
import { NotificationActivitiesImpl } from './notification.activities';
import { Mailer, WebhookSender } from '../delivery/channels';

@Module({
  providers: [SystemActivitiesImpl, CascadeActivitiesImpl, ObligationActivitiesImpl, NotificationActivitiesImpl, Mailer, WebhookSender, ActivitiesRegistry],
  exports: [ActivitiesRegistry],
})
export class ActivitiesModule {}
