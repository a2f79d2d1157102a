export * from './plan-import.repository';
