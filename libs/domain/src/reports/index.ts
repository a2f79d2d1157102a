export * from './report';
export * from './aggregation';
