export * from './report-facts.repository';
export * from './reports.repository';
