// Pure domain: no framework imports. Safe to import from workflow code.
export * from './errors';
export * from './calendar';
export * from './periods';
export * from './reminders';
export * from './targets';
export * from './units';
export * from './access';
export * from './obligations';
export * from './plans';
export * from './notifications';
export * from './reports';
export * from './plan-import';
export * from './auth';
export * from './text';
