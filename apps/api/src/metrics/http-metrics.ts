import { ApiErrors } from '../http/api-errors';
import {
  Controller,
  Get,
  Header,
  Inject,
  Injectable,
  MiddlewareConsumer,
  Module,
  NestMiddleware,
  NestModule,
  NotFoundException,
} from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { AppConfig, AppConfigToken } from '@cchc/config';
import { Public } from '../auth/actor';

/**
 * The API's HTTP metrics for Prometheus (GET /metrics, on when API_METRICS is true): request count and latency
 * histogram by method, route pattern (e.g. /units/:id/rollup, never the ids) and status, errors (status ≥ 500)
 * apart, plus the Node process metrics. One registry per application, so several apps in one process stay apart.
 */
@Injectable()
export class HttpMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'http_request_errors_total',
    help: 'HTTP requests answered with a 5xx status, by method and route',
    labelNames: ['method', 'route'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
    if (status >= 500) this.errors.inc({ method, route });
  }
}

/**
 * The matched route's pattern (e.g. /units/:id/rollup; set by Express once routed, so read it when the response is
 * done); undefined for unmatched paths (Nest's catch-all).
 */
export function routePattern(req: Request): string | undefined {
  const pattern: unknown = req.route?.path;
  return typeof pattern === 'string' && !pattern.includes('*') ? `${req.baseUrl ?? ''}${pattern}` : undefined;
}

@Injectable()
class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: HttpMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const route = routePattern(req) ?? 'unmatched';
      this.metrics.observe(req.method, route, res.statusCode, Number(process.hrtime.bigint() - start) / 1e9);
    });
    next();
  }
}

@ApiTags('operations')
@Public()
@Controller('metrics')
class MetricsController {
  constructor(
    private readonly metrics: HttpMetrics,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOkResponse({
    description: 'Prometheus text exposition: HTTP request rate, latency by route and status, 5xx, process metrics',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiErrors(404)
  scrape(): Promise<string> {
    if (!this.config.metrics.apiEnabled) throw new NotFoundException();
    return this.metrics.registry.metrics();
  }
}

@Module({ controllers: [MetricsController], providers: [HttpMetrics], exports: [HttpMetrics] })
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
