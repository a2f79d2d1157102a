export * from './spreadsheet-safe';
