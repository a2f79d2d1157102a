export * from './document-sources.repository';
