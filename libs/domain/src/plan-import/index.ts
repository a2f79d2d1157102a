export * from './patterns';
export * from './text';
export * from './vocabulary';
export * from './extract';
export * from './to-draft';
