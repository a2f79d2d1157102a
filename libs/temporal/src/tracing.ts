import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { diag, DiagLogLevel, ProxyTracerProvider, type Tracer } from '@opentelemetry/api';
import { PinoLogger } from 'nestjs-pino';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { WorkflowClientInterceptor } from '@temporalio/client';
// The Node-side parts only (the package root would also load the plugin and the workflow-side module).
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/worker';
import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry/lib/workflow/definitions';
import type { InjectedSinks, WorkerOptions } from '@temporalio/worker';
import { AppConfig, AppConfigToken, TracingConfig } from '@cchc/config';

export type TracedProcess = 'api' | 'worker';

/** What the worker adds to its options for tracing (spread into Worker.create and replay workers alike). */
export interface WorkerTracingOptions {
  interceptors?: Pick<NonNullable<WorkerOptions['interceptors']>, 'activity'>;
  sinks: InjectedSinks<OpenTelemetrySinks>;
}

/**
 * The process's OpenTelemetry tracing: one tracer provider per application (API, worker), exporting over OTLP/HTTP
 * (JSON) through a BatchSpanProcessor, and the Temporal interceptors that carry the trace from an HTTP request to
 * the workflow it starts and on to the workflow's activities.
 *
 * Off (no endpoint configured): no provider, no exporter, no interceptor, a no-op tracer; the only thing left is
 * a no-op `exporter` sink, because the workflow bundle (built once for both modes) always contains the
 * workflow-side interceptors, which stay inert for workflows started without a trace context
 * (workflows/tracing-interceptors.ts).
 *
 * The tracer is handed explicitly to everything that makes spans: the provider is not the global one, so an API
 * and a worker in one process (the tests) each export under their own service name. `register()` installs the
 * W3C trace-context propagator and the AsyncLocalStorage context manager globally, which the interceptors rely
 * on; the first application of a process does it, the next one's attempt is a no-op (both would install the same).
 */
export class Tracing {
  private constructor(
    readonly tracer: Tracer,
    private readonly provider?: NodeTracerProvider,
    private readonly processor?: SpanProcessor,
    private readonly resource?: Resource,
  ) {}

  get enabled(): boolean {
    return this.provider !== undefined;
  }

  /** Starts tracing for `process` when the configuration has an endpoint; a disabled Tracing otherwise. */
  static start(config: TracingConfig, process: TracedProcess): Tracing {
    if (!config.tracesUrl) return Tracing.off();
    const resource = Resource.default().merge(
      new Resource({ [ATTR_SERVICE_NAME]: config.serviceName ?? `cchc-${process}` }),
    );
    const processor = new BatchSpanProcessor(
      new OTLPTraceExporter({ url: config.tracesUrl, headers: config.headers, timeoutMillis: 10_000 }),
    );
    const provider = new NodeTracerProvider({
      resource,
      mergeResourceWithDefaults: false,
      sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sampleRatio) }),
      spanProcessors: [processor],
    });
    provider.register();
    return new Tracing(provider.getTracer('cchc'), provider, processor, resource);
  }

  static off(): Tracing {
    return new Tracing(new ProxyTracerProvider().getTracer('cchc'));
  }

  /** For the Temporal client: StartWorkflow, SignalWorkflow, StartWorkflowUpdate… spans, context in headers. */
  clientInterceptors(): WorkflowClientInterceptor[] {
    return this.enabled ? [new OpenTelemetryWorkflowClientInterceptor({ tracer: this.tracer })] : [];
  }

  /**
   * For the worker: RunActivity spans (children of the workflow's StartActivity, whose context travels in the
   * activity's headers; lines logged through the activity context's logger get trace_id/span_id) and the sink
   * through which the workflow sandbox hands its spans (RunWorkflow, StartActivity, StartChildWorkflow…) to this
   * process's span processor.
   */
  workerOptions(): WorkerTracingOptions {
    if (!this.processor || !this.resource) return { sinks: { exporter: { export: { fn: () => undefined } } } };
    const options = { tracer: this.tracer };
    return {
      interceptors: {
        activity: [
          (ctx) => ({
            inbound: new OpenTelemetryActivityInboundInterceptor(ctx, options),
            outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
          }),
        ],
      },
      sinks: { exporter: makeWorkflowExporter(this.processor, this.resource) },
    };
  }

  /** Exports every finished span now (tests; shutdown does it too). */
  async forceFlush(): Promise<void> {
    await this.provider?.forceFlush();
  }

  /** Flushes and stops the exporter. Idempotent. */
  async shutdown(): Promise<void> {
    await this.provider?.shutdown().catch(() => undefined);
  }
}

/**
 * Routes the OpenTelemetry SDK's own warnings and errors (e.g. an export the collector refused or never answered)
 * to the application's log, and shuts the process's tracing down (flushing the last spans) when the application
 * closes.
 */
@Injectable()
class TracingLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(Tracing) private readonly tracing: Tracing,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('Tracing');
  }

  onModuleInit(): void {
    if (!this.tracing.enabled) return;
    const log =
      (level: 'error' | 'warn') =>
      (message: string, ...args: unknown[]) =>
        this.logger[level]({ otel: true, ...(args.length ? { args: args.map(String) } : {}) }, message);
    diag.setLogger(
      {
        error: log('error'),
        warn: log('warn'),
        info: () => undefined,
        debug: () => undefined,
        verbose: () => undefined,
      },
      { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.tracing.shutdown();
  }
}

/**
 * Provides the process's Tracing. Entry points start it before creating the application (so nothing the
 * application does escapes it) and pass it in; otherwise (tests) it is started from the configuration.
 */
@Global()
@Module({})
export class TracingModule {
  static forRoot(process: TracedProcess, tracing?: Tracing): DynamicModule {
    return {
      module: TracingModule,
      providers: [
        {
          provide: Tracing,
          inject: [AppConfigToken],
          useFactory: (config: AppConfig) => tracing ?? Tracing.start(config.tracing, process),
        },
        TracingLifecycle,
      ],
      exports: [Tracing],
    };
  }
}
