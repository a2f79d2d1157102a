export * from './plan';
export * from './plan-status';
