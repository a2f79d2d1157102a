import { DynamicModule, Module } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigToken, Clock, ConfigModule, loggerParams } from '@cchc/config';
import { PersistenceModule } from '@cchc/persistence';
import { AllExceptionsFilter } from './http/exception.filter';
import { HealthController } from './health/health.controller';
import { TemporalClientModule, Tracing, TracingModule } from '@cchc/temporal';
import { AccessModule } from './access/access.module';
import { AuthModule } from './auth/auth.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';
import { AuditModule } from './audit/audit.module';
import { PlansModule } from './plans/plans.module';
import { ObligationsModule } from './obligations/obligations.module';
import { CalendarModule } from './calendar/calendar.controller';
import { NotificationsModule } from './notifications/notifications.controller';
import { ReportsModule } from './reports/reports.controller';
import { PlanImportModule } from './plan-import/plan-import.module';
import { ExportsModule } from './exports/exports.controller';
import { RateLimitModule } from './http/rate-limit';
import { WorkModule } from './work/work.module';
import { WebModule } from './web/web.module';
import { MetricsModule } from './metrics/http-metrics';
import { HttpTracingModule } from './metrics/http-tracing';

@Module({})
export class AppModule {
  static forRoot(
    config?: AppConfig,
    opts: { temporalClient?: Client; clock?: Clock; tracing?: Tracing } = {},
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, opts.clock),
        LoggerModule.forRootAsync({ inject: [AppConfigToken], useFactory: (c: AppConfig) => loggerParams(c, 'api') }),
        TracingModule.forRoot('api', opts.tracing),
        HttpTracingModule,
        PersistenceModule,
        TemporalClientModule.forRoot(opts.temporalClient),
        RateLimitModule,
        AccessModule,
        AuthModule,
        UnitsModule,
        UsersModule,
        AuditModule,
        ObligationsModule,
        PlansModule,
        CalendarModule,
        NotificationsModule,
        ReportsModule,
        PlanImportModule,
        ExportsModule,
        WorkModule,
        WebModule.forRoot(),
        MetricsModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
