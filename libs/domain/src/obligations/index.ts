export * from './obligation';
