import { Injectable } from '@nestjs/common';
import { SystemActivitiesImpl } from './system.activities';

/**
 * Collects the activity implementations from Nest DI into the plain object the Temporal Worker wants.
 * Each activity class implements its contract interface from @cchc/contracts, so names stay in sync
 * with the workflows' proxyActivities<...>().
 */
@Injectable()
export class ActivitiesRegistry {
  constructor(private readonly system: SystemActivitiesImpl) {}

  activities(): Record<string, (...args: any[]) => Promise<unknown>> {
    return bindAll(this.system);
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
