export * from './report-facts.repository';
export * from './indicators.repository';
