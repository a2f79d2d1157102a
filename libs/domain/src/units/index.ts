export * from './unit';
export {
  cleanText,
  MAX_ABBREVIATION_LENGTH,
  MAX_EMAIL_LENGTH,
  MAX_NAME_LENGTH,
  parseUnitKind,
  UNIT_CODE_PATTERN,
  UNIT_FIELDS,
  validateUnitRows,
  type RowProblem,
  type UnitField,
  type UnitImportRow,
  type UnitListEntry,
  type UnitRowRules,
  type UnitRowsCheck,
} from './unit-rows';
export { externalParentCodes, topologicalOrder } from './unit-tree-order';
