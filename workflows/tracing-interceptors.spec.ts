import { TRACE_HEADER as LIBRARY_TRACE_HEADER } from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import { TRACE_HEADER } from './tracing-interceptors';

describe('workflow tracing interceptors', () => {
  it('look for the trace context under the header the OpenTelemetry interceptors write', () => {
    expect(TRACE_HEADER).toBe(LIBRARY_TRACE_HEADER);
  });
});
