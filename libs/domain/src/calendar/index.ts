export * from './local-date';
export * from './lunar-calendar';
export * from './holiday-calendar';
export * from './deadline';
export * from './deadline-explanation';
