export * from './login-throttle.repository';
export * from './sessions.repository';
