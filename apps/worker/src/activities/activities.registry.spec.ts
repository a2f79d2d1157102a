import { ACTIVITY_NAMES } from '@cchc/contracts';
import { ActivitiesRegistry } from './activities.registry';

/** Plain stand-ins with one extra helper method each: the registry must expose only the declared activities. */
const impl = (names: readonly string[]) =>
  Object.assign(
    Object.create({ helperNotAnActivity: async () => 'no' }),
    Object.fromEntries(names.map((n) => [n, async () => n])),
  );

describe('ActivitiesRegistry', () => {
  it('registers exactly the activities the contracts declare, bound to their implementations', async () => {
    const registry = new ActivitiesRegistry(
      impl(ACTIVITY_NAMES.system) as never,
      impl(ACTIVITY_NAMES.cascade) as never,
      impl(ACTIVITY_NAMES.obligation) as never,
      impl(ACTIVITY_NAMES.notification) as never,
    );
    const acts = registry.activities();
    const declared = Object.values(ACTIVITY_NAMES).flat().sort();
    expect(Object.keys(acts).sort()).toEqual(declared);
    expect(acts).not.toHaveProperty('helperNotAnActivity');
    expect(await (acts.cascadeBatch as () => Promise<string>)()).toBe('cascadeBatch');
    expect(declared).toHaveLength(14);
  });
});
