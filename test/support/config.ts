import { AppConfig, loadConfig } from '../../libs/config/src';

/** A validated config for tests: the real loader, pointed at the test database and Temporal. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-secret-0123456789abcdef0123456789',
    // Every test signs in from one address: request rate limits are off unless a test turns them on.
    RATE_LIMIT_LOGIN_PER_MINUTE: '0',
    RATE_LIMIT_EXPENSIVE_READS_PER_MINUTE: '0',
    ...overrides,
  });
}
