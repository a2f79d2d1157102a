export * from './report-periods';
