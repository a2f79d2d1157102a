import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthResponse, ReadinessResponse } from './health.responses';
import type { Response } from 'express';
import { DatabaseHealth } from '@cchc/persistence';
import { TemporalClientProvider } from '@cchc/temporal';
import { Public } from '../auth/actor';

type Check = { status: 'ok' | 'error'; latencyMs: number; error?: string };

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly db: DatabaseHealth,
    private readonly temporal: TemporalClientProvider,
  ) {}

  /** Liveness: the process answers. */
  @Get('health')
  @ApiOkResponse({ type: HealthResponse, description: 'The process is alive' })
  health() {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Temporal are reachable. */
  @Get('ready')
  @ApiOkResponse({ type: ReadinessResponse, description: 'PostgreSQL and Temporal reachable' })
  @ApiServiceUnavailableResponse({ type: ReadinessResponse, description: 'A dependency is down' })
  async ready(@Res({ passthrough: true }) res: Response) {
    const [postgres, temporal] = await Promise.all([
      timed(() => this.db.ping()),
      timed(async () => {
        const client = await this.temporal.get();
        await client.workflowService.getSystemInfo({});
      }),
    ]);
    const ok = postgres.status === 'ok' && temporal.status === 'ok';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'error', checks: { postgres, temporal } };
  }
}

async function timed(fn: () => Promise<unknown>, timeoutMs = 3000): Promise<Check> {
  const start = Date.now();
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return { status: 'ok', latencyMs: Date.now() - start };
  } catch (e) {
    return { status: 'error', latencyMs: Date.now() - start, error: (e as Error).message };
  }
}
