export * from './calendar.repository';
