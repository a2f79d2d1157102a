export * from './templates';
export * from './links';
