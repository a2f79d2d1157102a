import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Client, Connection, WorkflowExecutionAlreadyStartedError, type ConnectionLike } from '@temporalio/client';
import { AppConfig, AppConfigToken, temporalConnectionOptions } from '@cchc/config';
import { Tracing } from './tracing';

export type StartOutcome = 'started' | 'started_eagerly' | 'already_started';

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
  /** The task queue of a worker in this process sharing the client's connection (see `shareWorkerConnection`). */
  private eagerTaskQueue?: string;

  constructor(
    @Inject(AppConfigToken) private readonly config: AppConfig,
    @Inject(Tracing) private readonly tracing: Tracing,
    @Optional() @Inject(TemporalClientOverride) override?: TemporalClientOverride,
  ) {
    const given = override?.client;
    // A handed-in client (tests) gets the interceptors too: the same connection and namespace, traced.
    this.client = given && tracing.enabled ? this.clientOn(given.connection, given.options.namespace) : given;
  }

  /** A client on `connection`, carrying the tracing interceptors (no-ops with tracing off). */
  private clientOn(connection: ConnectionLike, namespace = this.config.temporal.namespace): Client {
    return new Client({ connection, namespace, interceptors: { workflow: this.tracing.clientInterceptors() } });
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
    this.client ??= this.clientOn(connection);
    return this.client;
  }

  /**
   * In the worker process: start workflows over the worker's own (native) connection, so a workflow started on the
   * worker's task queue asks for eager start — the server hands its first workflow task back in the start's answer
   * and this worker runs it at once, with no trip through the task queue (one persistence write and one poll fewer
   * per workflow; a cascade of 2,000 children starts that many). Without a free workflow-task slot, or from a server
   * that does not support it, the start is an ordinary one. The worker owns and closes the connection.
   */
  shareWorkerConnection(connection: ConnectionLike, taskQueue: string): void {
    this.client = this.clientOn(connection);
    this.eagerTaskQueue = taskQueue;
  }

  get taskQueue(): string {
    return this.config.temporal.taskQueue;
  }

  /**
   * Starts a workflow under its deterministic id, once: a workflow already started with that id (a retry, a crash,
   * a second click) is not an error — 'already_started' says so. 'started_eagerly': the server handed the first
   * workflow task straight to this process's worker (see `shareWorkerConnection`). Every other failure is thrown.
   */
  async startOnce(
    workflowType: string,
    opts: { workflowId: string; args: unknown[]; startDelayMs?: number; taskQueue?: string },
  ): Promise<StartOutcome> {
    const client = await this.get();
    const taskQueue = opts.taskQueue ?? this.taskQueue;
    try {
      const handle = await client.workflow.start(workflowType, {
        workflowId: opts.workflowId,
        taskQueue,
        args: opts.args,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        ...(opts.startDelayMs ? { startDelay: opts.startDelayMs } : {}),
        // a delayed start cannot be eager (its first task is not due yet)
        ...(taskQueue === this.eagerTaskQueue && !opts.startDelayMs ? { requestEagerStart: true } : {}),
      });
      return handle.eagerlyStarted ? 'started_eagerly' : 'started';
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
