export * from './local-date';
export * from './holiday-calendar';
export * from './deadline';
export * from './deadline-explanation';
