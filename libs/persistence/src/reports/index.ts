export * from './report-facts.repository';
export * from './subtree-totals';
