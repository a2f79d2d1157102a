export * from './temporal-client.module';
export * from './failures';
