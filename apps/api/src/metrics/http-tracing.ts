import { Inject, Injectable, MiddlewareConsumer, Module, NestMiddleware, NestModule } from '@nestjs/common';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import type { NextFunction, Request, Response } from 'express';
import { Tracing } from '@cchc/temporal';
import { routePattern } from './http-metrics';
import { WEB_APP_PATHS } from '../web/web.module';

/** Probes and scrapes: polled every few seconds, they would bury the traces worth reading. */
const PROBES = new Set(['/health', '/ready', '/metrics']);

/** Not traced: probes, and files (the web app's pages and assets, the OpenAPI UI) that involve no work of the API. */
function untraced(path: string): boolean {
  return PROBES.has(path) || WEB_APP_PATHS.test(path) || /^\/(assets|docs)(\/|$)/.test(path);
}

/**
 * A server span per HTTP request (with tracing on): named `METHOD /route/:pattern` once routed, with the method,
 * route pattern, path (never the query string) and status; 5xx marks it as an error (the exception filter records
 * the exception on it). An incoming W3C `traceparent` (a load balancer's or a caller's trace) becomes its parent.
 * The request is handled inside the span's context, so what it does — starting, signalling or updating a workflow
 * through the Temporal client — continues the same trace.
 */
@Injectable()
class HttpTracingMiddleware implements NestMiddleware {
  constructor(@Inject(Tracing) private readonly tracing: Tracing) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const path = req.originalUrl.split('?')[0] ?? '/';
    if (!this.tracing.enabled || untraced(path)) return next();
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = this.tracing.tracer.startSpan(
      req.method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: req.method,
          [ATTR_URL_PATH]: path,
          [ATTR_URL_SCHEME]: req.protocol,
          ...(req.headers['user-agent'] ? { [ATTR_USER_AGENT_ORIGINAL]: req.headers['user-agent'] } : {}),
        },
      },
      parent,
    );
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      const route = routePattern(req);
      if (route) {
        span.updateName(`${req.method} ${route}`);
        span.setAttribute(ATTR_HTTP_ROUTE, route);
      }
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
      if (res.statusCode >= 500) {
        span.setAttribute(ATTR_ERROR_TYPE, String(res.statusCode));
        span.setStatus({ code: SpanStatusCode.ERROR });
      } else if (!res.writableFinished) {
        // the client went away before the answer was sent
        span.setAttribute(ATTR_ERROR_TYPE, 'aborted');
      }
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    context.with(trace.setSpan(parent, span), next);
  }
}

@Module({})
export class HttpTracingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpTracingMiddleware).forRoutes('*');
  }
}
