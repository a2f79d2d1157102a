export * from './temporal-client.module';
export * from './failures';
export * from './tracing';
