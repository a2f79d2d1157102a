export * from './notifications.repository';
