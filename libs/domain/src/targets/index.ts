export * from './target-basis';
