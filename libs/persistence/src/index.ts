export * from './data-source';
export * from './entities';
export * from './audit.service';
export * from './persistence.module';
export * from './units';
export * from './calendar';
export * from './reports';
export * from './work';
