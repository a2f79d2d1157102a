import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig, AppConfigToken, temporalConnectionOptions } from '@cchc/config';

/**
 * Lazily connected Temporal client. The API starts even when Temporal is down (GET /ready reports it);
 * the first call that needs Temporal connects.
 */
@Injectable()
export class TemporalClientProvider implements OnApplicationShutdown {
  private connection?: Promise<Connection>;
  private client?: Client;

  constructor(@Inject(AppConfigToken) private readonly config: AppConfig) {}

  async get(): Promise<Client> {
    if (this.client) return this.client;
    this.connection ??= Connection.connect({ ...temporalConnectionOptions(this.config.temporal), connectTimeout: '3s' }).catch((e) => {
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
@Module({ providers: [TemporalClientProvider], exports: [TemporalClientProvider] })
export class TemporalClientModule {}
