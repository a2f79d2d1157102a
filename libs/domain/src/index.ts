// Pure domain: no framework imports. Safe to import from workflow code.
export * from './errors';
