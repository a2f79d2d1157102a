import { Module } from '@nestjs/common';
import { ActivitiesRegistry } from './activities.registry';
import { SystemActivitiesImpl } from './system.activities';
import { CascadeActivitiesImpl } from './cascade.activities';
import { ObligationActivitiesImpl } from './obligation.activities';
import { NotificationActivitiesImpl } from './notification.activities';
import { Mailer, WebhookSender } from '../delivery/channels';
import { ObligationStarter } from './obligation-starter';
import { DecisionNotices } from './decision-notices';

@Module({
  providers: [
    SystemActivitiesImpl,
    CascadeActivitiesImpl,
    ObligationActivitiesImpl,
    NotificationActivitiesImpl,
    Mailer,
    WebhookSender,
    ObligationStarter,
    DecisionNotices,
    ActivitiesRegistry,
  ],
  exports: [ActivitiesRegistry],
})
export class ActivitiesModule {}
