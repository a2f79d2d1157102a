import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig, AppConfigToken, temporalConnectionOptions } from '@cchc/config';

/** A ready client to use instead of connecting (tests hand in the test server's client). */
export abstract class TemporalClientOverride {
  abstract readonly client: Client;
}

/**
 * Lazily connected Temporal client. The API starts even when Temporal is down (GET /ready reports it);
 * the first call that needs Temporal connects.
 */
@Injectable()
export class TemporalClientProvider implements OnApplicationShutdown {
  private connection?: Promise<Connection>;
  private client?: Client;

  constructor(
    @Inject(AppConfigToken) private readonly config: AppConfig,
    @Optional() @Inject(TemporalClientOverride) override?: TemporalClientOverride,
  ) {
    this.client = override?.client;
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
    this.client ??= new Client({ connection, namespace: this.config.temporal.namespace });
    return this.client;
  }

  get taskQueue(): string {
    return this.config.temporal.taskQueue;
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
