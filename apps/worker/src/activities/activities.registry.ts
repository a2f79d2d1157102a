import { Injectable } from '@nestjs/common';
import { ACTIVITY_NAMES } from '@cchc/contracts';
import { SystemActivitiesImpl } from './system.activities';
import { CascadeActivitiesImpl } from './cascade.activities';
import { ObligationActivitiesImpl } from './obligation.activities';
import { NotificationActivitiesImpl } from './notification.activities';

type Activity = (...args: never[]) => Promise<unknown>;

/**
 * Collects the activity implementations from Nest DI into the plain object the Temporal Worker wants: exactly the
 * activities the contracts declare (ACTIVITY_NAMES in @cchc/contracts), each bound to its implementation; helper
 * methods of the classes are not activities.
 */
@Injectable()
export class ActivitiesRegistry {
  constructor(
    private readonly system: SystemActivitiesImpl,
    private readonly cascade: CascadeActivitiesImpl,
    private readonly obligations: ObligationActivitiesImpl,
    private readonly notifications: NotificationActivitiesImpl,
  ) {}

  activities(): Record<string, Activity> {
    return {
      ...pick(this.system, ACTIVITY_NAMES.system),
      ...pick(this.cascade, ACTIVITY_NAMES.cascade),
      ...pick(this.obligations, ACTIVITY_NAMES.obligation),
      ...pick(this.notifications, ACTIVITY_NAMES.notification),
    };
  }
}

function pick<T extends object>(impl: T, names: ReadonlyArray<keyof T & string>): Record<string, Activity> {
  return Object.fromEntries(names.map((n) => [n, (impl[n] as Activity).bind(impl)]));
}
