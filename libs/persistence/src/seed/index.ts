// Seed data and generators: pure data and pure functions, no framework imports.
export * from './unit-kinds';
export * from './demo-units';
export * from './unit-tree';
export * from './demo-users';
export * from './indicators';
export * from './demo-plans';
export * from './synthetic';
export * from './demo-cycle';
