import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { AppConfig, AppConfigToken, temporalConnectionOptions } from '@cchc/config';
import { Tracing } from './tracing';

/** A ready client to use instead of connecting (tests hand in the test server's client). */
export abstract class TemporalClientOverride {
  abstract readonly client: Client;
}

/**
 * Lazily connected Temporal client. The API starts even when Temporal is down (GET /ready reports it);
 * the first call that needs Temporal connects. With tracing on, the client carries the OpenTelemetry interceptor:
 * starting, signalling or updating a workflow is a span of the caller's trace, whose context travels to the
 * workflow in the request's headers.
 */
@Injectable()
export class TemporalClientProvider implements OnApplicationShutdown {
  private connection?: Promise<Connection>;
  private client?: Client;

  constructor(
    @Inject(AppConfigToken) private readonly config: AppConfig,
    @Inject(Tracing) private readonly tracing: Tracing,
    @Optional() @Inject(TemporalClientOverride) override?: TemporalClientOverride,
  ) {
    const given = override?.client;
    // A handed-in client (tests) gets the interceptors too: the same connection and namespace, traced.
    this.client =
      given && tracing.enabled
        ? new Client({
            connection: given.connection,
            namespace: given.options.namespace,
            interceptors: { workflow: tracing.clientInterceptors() },
          })
        : given;
  }

  async get(): Promise<Client> {
    if (this.client) return this.client;
    this.connection ??= Connection.connect({
      ...temporalConnectionOptions(this.config.temporal),
      connectTimeout: '3s',
    }).catch((e) => {
      this.connection = undefined;
      throw e;
    });
    const connection = await this.connection;
    this.client ??= new Client({
      connection,
      namespace: this.config.temporal.namespace,
      interceptors: { workflow: this.tracing.clientInterceptors() },
    });
    return this.client;
  }

  get taskQueue(): string {
    return this.config.temporal.taskQueue;
  }

  /**
   * Starts a workflow under its deterministic id, once: a workflow already started with that id (a retry, a crash,
   * a second click) is not an error — 'already_started' says so. Every other failure is thrown.
   */
  async startOnce(
    workflowType: string,
    opts: { workflowId: string; args: unknown[]; startDelayMs?: number; taskQueue?: string },
  ): Promise<'started' | 'already_started'> {
    const client = await this.get();
    try {
      await client.workflow.start(workflowType, {
        workflowId: opts.workflowId,
        taskQueue: opts.taskQueue ?? this.taskQueue,
        args: opts.args,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        ...(opts.startDelayMs ? { startDelay: opts.startDelayMs } : {}),
      });
      return 'started';
    } catch (e) {
      if (e instanceof WorkflowExecutionAlreadyStartedError) return 'already_started';
      throw e;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const c = await this.connection?.catch(() => undefined);
    await c?.close();
  }
}

@Global()
@Module({})
export class TemporalClientModule {
  static forRoot(client?: Client): DynamicModule {
    return {
      module: TemporalClientModule,
      providers: [
        TemporalClientProvider,
        ...(client ? [{ provide: TemporalClientOverride, useValue: { client } }] : []),
      ],
      exports: [TemporalClientProvider],
    };
  }
}
