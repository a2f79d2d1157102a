// Every migration, in order. Imported as classes (not a glob) so the same list works from TypeScript
// (jest) and from the compiled dist (migration CLI, api, worker).
import { Foundation1732420000000 } from './1732420000000-Foundation';
import { UnitsUsersAuth1732420100000 } from './1732420100000-UnitsUsersAuth';
import { UnitClosureSortKey1732420200000 } from './1732420200000-UnitClosureSortKey';
import { PlansObligations1732420300000 } from './1732420300000-PlansObligations';
import { Notifications1732420400000 } from './1732420400000-Notifications';
import { Reports1732420500000 } from './1732420500000-Reports';
import { CalendarConfirmation1732420600000 } from './1732420600000-CalendarConfirmation';
import { PlanImports1732421000000 } from './1732421000000-PlanImports';
import { LoginThrottle1732421700000 } from './1732421700000-LoginThrottle';

export const MIGRATIONS = [
  Foundation1732420000000,
  UnitsUsersAuth1732420100000,
  UnitClosureSortKey1732420200000,
  PlansObligations1732420300000,
  Notifications1732420400000,
  Reports1732420500000,
  CalendarConfirmation1732420600000,
  PlanImports1732421000000,
  LoginThrottle1732421700000,
];
