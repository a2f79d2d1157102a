import type { Params } from 'nestjs-pino';
import { randomUUID } from 'crypto';
import { context, isSpanContextValid, trace, type Context } from '@opentelemetry/api';
import type { AppConfig } from './config';

/**
 * The trace and span a log line was written in (`traceId`, `spanId`, as a tracing backend shows them), so a line in
 * the log and its trace find each other; nothing when tracing is off or the line is outside any span.
 */
export function traceFields(ctx: Context = context.active()): { traceId?: string; spanId?: string } {
  const span = trace.getSpanContext(ctx);
  return span && isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {};
}

/**
 * One logger setup for api and worker: structured JSON (pino), a request id on every HTTP log line, and the trace
 * and span ids on every line written inside a traced request or activity.
 */
export function loggerParams(config: AppConfig, service: 'api' | 'worker'): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      base: { service },
      mixin: () => traceFields(),
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      customProps: (req) => ({ requestId: req.id }),
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  };
}
