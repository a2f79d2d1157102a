import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { NativeConnection, Runtime, Worker, DefaultLogger, LogLevel } from '@temporalio/worker';
import { AppConfig, AppConfigToken, temporalConnectionOptions } from '@cchc/config';
import { TemporalClientProvider, Tracing } from '@cchc/temporal';
import { ActivitiesRegistry } from './activities/activities.registry';
import { bundleWorkflowsFromSource } from './bundle/build-workflow-bundle';

export interface WorkerRunOptions {
  /** Override the connection (tests pass the test environment's). */
  connection?: NativeConnection;
  taskQueue?: string;
  workflowBundlePath?: string;
  /** How long in-flight activities may finish after shutdown starts (default 30 s). */
  shutdownGraceTime?: string;
  /**
   * Workflow cache size. 0 turns sticky execution off; only tests on the time-skipping server use it, because that
   * server never hands a stopped worker's sticky tasks back to the normal queue.
   */
  maxCachedWorkflows?: number;
}

/** Hosts the Temporal Worker inside the Nest application context. */
@Injectable()
export class WorkerService implements OnApplicationShutdown {
  private worker?: Worker;
  private ownConnection?: NativeConnection;
  private running?: Promise<void>;

  constructor(
    @Inject(AppConfigToken) private readonly config: AppConfig,
    private readonly registry: ActivitiesRegistry,
    private readonly logger: PinoLogger,
    @Inject(Tracing) private readonly tracing: Tracing,
    private readonly temporal: TemporalClientProvider,
  ) {
    this.logger.setContext('WorkerService');
  }

  /** Creates the worker (connects, loads the prebuilt bundle). Call run() to start polling. */
  async create(opts: WorkerRunOptions = {}): Promise<Worker> {
    let connection = opts.connection;
    if (!connection) {
      connection = this.ownConnection = await NativeConnection.connect(temporalConnectionOptions(this.config.temporal));
    }
    const taskQueue = opts.taskQueue ?? this.config.temporal.taskQueue;
    const bundlePath = opts.workflowBundlePath ?? this.config.temporal.workflowBundlePath;
    // "source" (the dev loop, `npm run dev`): bundle workflows/ at start-up, so a restart picks up workflow edits.
    const workflowBundle =
      bundlePath === 'source' ? { code: await bundleWorkflowsFromSource() } : { codePath: bundlePath };
    this.worker = await Worker.create({
      connection,
      namespace: this.config.temporal.namespace,
      taskQueue,
      workflowBundle,
      activities: this.registry.activities(),
      // RunActivity spans and the workflow sandbox's span sink (a no-op one when tracing is off)
      ...this.tracing.workerOptions(),
      shutdownGraceTime: (opts.shutdownGraceTime ?? '30 seconds') as '30 seconds',
      ...definedOnly({
        ...this.config.worker,
        maxCachedWorkflows: opts.maxCachedWorkflows ?? this.config.worker.maxCachedWorkflows,
      }),
    });
    // Activities start workflows (obligations, cascades, follow-ups) over this connection: eager start on our queue.
    this.temporal.shareWorkerConnection(connection, taskQueue);
    this.logger.info({ taskQueue, namespace: this.config.temporal.namespace }, 'temporal worker created');
    return this.worker;
  }

  /** Runs until shutdown() (SIGTERM/SIGINT): in-flight activities get the grace time to finish. */
  run(): Promise<void> {
    if (!this.worker) throw new Error('create() first');
    this.running = this.worker.run();
    return this.running;
  }

  async shutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.ownConnection?.close();
    this.ownConnection = undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.shutdown();
  }
}

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Routes the Temporal core's logs through pino so api and worker log the same way; with `prometheusAddress`
 * (WORKER_METRICS_ADDRESS) the SDK's metrics (task latencies, slots, cache, polls…) are served at
 * http://<address>/metrics for Prometheus.
 */
export function installTemporalRuntimeLogger(
  logger: PinoLogger,
  level: LogLevel = 'INFO',
  prometheusAddress?: string,
): void {
  Runtime.install({
    ...(prometheusAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: prometheusAddress } } } } : {}),
    logger: new DefaultLogger(level, (entry) => {
      const meta = { ...(entry.meta ?? {}), temporal: true };
      const method =
        entry.level === 'ERROR' ? 'error' : entry.level === 'WARN' ? 'warn' : entry.level === 'INFO' ? 'info' : 'debug';
      logger[method](meta, entry.message);
    }),
  });
}
