export * from './unit-tree.repository';
