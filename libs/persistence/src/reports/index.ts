export * from './subtree-rollup';
