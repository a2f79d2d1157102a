import { DynamicModule, Module } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { TemporalClientModule, Tracing, TracingModule } from '@cchc/temporal';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigToken, ConfigModule, loggerParams } from '@cchc/config';
import { PersistenceModule } from '@cchc/persistence';
import { ActivitiesModule } from './activities/activities.module';
import { WorkerService } from './worker.service';

@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig, opts: { temporalClient?: Client; tracing?: Tracing } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRootAsync({
          inject: [AppConfigToken],
          useFactory: (c: AppConfig) => loggerParams(c, 'worker'),
        }),
        TracingModule.forRoot('worker', opts.tracing),
        PersistenceModule,
        TemporalClientModule.forRoot(opts.temporalClient),
        ActivitiesModule,
      ],
      providers: [WorkerService],
      exports: [WorkerService],
    };
  }
}
