export * from './login-throttle.repository';
