export * from './unit-tree.repository';
export * from './unit-scope';
