import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthResponse, ReadinessResponse } from './health.responses';
import type { Response } from 'express';
import { DatabaseHealth } from '@cchc/persistence';
import { AppConfig, AppConfigToken } from '@cchc/config';
import { TemporalClientProvider } from '@cchc/temporal';
import { Public } from '../auth/actor';

type Check = { status: 'ok' | 'error'; latencyMs: number; error?: string; pollers?: number };

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly db: DatabaseHealth,
    private readonly temporal: TemporalClientProvider,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  /** Liveness: the process answers. */
  @Get('health')
  @ApiOkResponse({ type: HealthResponse, description: 'The process is alive' })
  health() {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Temporal are reachable, and a worker is polling the task queue. */
  @Get('ready')
  @ApiOkResponse({ type: ReadinessResponse, description: 'PostgreSQL and Temporal reachable, a worker polling' })
  @ApiServiceUnavailableResponse({
    type: ReadinessResponse,
    description: 'A dependency is down or no worker is polling',
  })
  async ready(@Res({ passthrough: true }) res: Response) {
    const [postgres, temporal, worker] = await Promise.all([
      timed(() => this.db.ping()),
      timed(async () => {
        const client = await this.temporal.get();
        await client.workflowService.getSystemInfo({});
      }),
      timed(() => this.workerPollers()),
    ]);
    const ok = [postgres, temporal, worker].every((c) => c.status === 'ok');
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'error', checks: { postgres, temporal, worker } };
  }

  /** Workers seen polling the workflow task queue within the configured window (DescribeTaskQueue). */
  private async workerPollers(): Promise<{ pollers: number }> {
    const { namespace, taskQueue, workerPollWindowSeconds } = this.config.temporal;
    const client = await this.temporal.get();
    const { pollers } = await client.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue, kind: TASK_QUEUE_KIND_NORMAL },
      taskQueueType: TASK_QUEUE_TYPE_WORKFLOW,
    });
    const since = Date.now() - workerPollWindowSeconds * 1000;
    const live = (pollers ?? []).filter((p) => timestampMs(p.lastAccessTime) >= since).length;
    if (!live) throw new Error(`no worker has polled task queue ${taskQueue} in the last ${workerPollWindowSeconds} s`);
    return { pollers: live };
  }
}

// temporal.api.enums.v1 values (the proto package is not a direct dependency).
const TASK_QUEUE_KIND_NORMAL = 1;
const TASK_QUEUE_TYPE_WORKFLOW = 1;

function timestampMs(t: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  if (!t) return 0;
  const s = t.seconds as unknown as { toNumber?: () => number } | number | null | undefined;
  const seconds = typeof s === 'object' && s?.toNumber ? s.toNumber() : Number(s ?? 0);
  return seconds * 1000 + Math.floor((t.nanos ?? 0) / 1e6);
}

async function timed(fn: () => Promise<unknown>, timeoutMs = 3000): Promise<Check> {
  const start = Date.now();
  try {
    const result = await Promise.race([
      fn(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    const pollers = (result as { pollers?: number } | undefined)?.pollers;
    return { status: 'ok', latencyMs: Date.now() - start, ...(pollers !== undefined ? { pollers } : {}) };
  } catch (e) {
    return { status: 'error', latencyMs: Date.now() - start, error: (e as Error).message };
  }
}
