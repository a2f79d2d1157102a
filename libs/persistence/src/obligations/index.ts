export * from './obligations.repository';
