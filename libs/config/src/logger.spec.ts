import { ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import { traceFields } from './logger';

describe('traceFields (trace ids on log lines)', () => {
  it('gives the trace and span ids of the span a line is written in', () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const spanId = 'b7ad6b7169203331';
    const ctx = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: TraceFlags.SAMPLED });
    expect(traceFields(ctx)).toEqual({ traceId, spanId });
  });

  it('gives nothing outside a span and for an invalid (all-zero) span context', () => {
    expect(traceFields(ROOT_CONTEXT)).toEqual({});
    const zero = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '00000000000000000000000000000000',
      spanId: '0000000000000000',
      traceFlags: TraceFlags.NONE,
    });
    expect(traceFields(zero)).toEqual({});
  });

  it('gives nothing when tracing is off (no context manager: the active context is the root)', () => {
    expect(traceFields()).toEqual({});
  });
});
