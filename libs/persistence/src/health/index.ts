export * from './database-health';
