export * from './report';
export * from './aggregation';
export * from './review-state';
export * from './review-matrix';
