import { Injectable } from '@nestjs/common';
import { SystemActivitiesImpl } from './system.activities';
import { CascadeActivitiesImpl } from './cascade.activities';
import { ObligationActivitiesImpl } from './obligation.activities';
import { NotificationActivitiesImpl } from './notification.activities';

/**
 * Collects the activity implementations from Nest DI into the plain object the Temporal Worker wants.
 * Each activity class implements its contract interface from @cchc/contracts, so names stay in sync
 * with the workflows' proxyActivities<...>().
 */
@Injectable()
export class ActivitiesRegistry {
  constructor(
    private readonly system: SystemActivitiesImpl,
    private readonly cascade: CascadeActivitiesImpl,
    private readonly obligations: ObligationActivitiesImpl,
    private readonly notifications: NotificationActivitiesImpl,
  ) {}

  activities(): Record<string, (...args: any[]) => Promise<unknown>> {
    return bindAll(this.system, this.cascade, this.obligations, this.notifications);
  }
}

function bindAll(...impls: object[]): Record<string, (...args: any[]) => Promise<unknown>> {
  const out: Record<string, (...args: any[]) => Promise<unknown>> = {};
  for (const impl of impls) {
    const proto = Object.getPrototypeOf(impl);
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || typeof proto[name] !== 'function') continue;
      if (out[name]) throw new Error(`activity "${name}" is defined twice`);
      out[name] = proto[name].bind(impl);
    }
  }
  return out;
}
