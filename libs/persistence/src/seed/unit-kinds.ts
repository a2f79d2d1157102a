// Kinds of unit (đơn vị): defined once in the domain (see libs/domain/src/units/unit.ts).
export { UNIT_KINDS, isUnitKind } from '../../../domain/src/units/unit';
export type { UnitKind } from '../../../domain/src/units/unit';
