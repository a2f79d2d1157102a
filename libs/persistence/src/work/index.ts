export * from './work.repository';
