export * from './report-facts.repository';
