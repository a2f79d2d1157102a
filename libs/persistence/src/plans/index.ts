export * from './plan-import.repository';
export * from './plans.repository';
