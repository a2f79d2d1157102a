export * from './report-facts.repository';
export * from './reports.repository';
export * from './indicators.repository';
