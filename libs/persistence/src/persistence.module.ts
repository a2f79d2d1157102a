import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, AppConfigToken } from '@cchc/config';
import { dataSourceOptions } from './data-source';
import { AuditRepository } from './audit';
import { UnitTreeRepository } from './units';
import { CalendarRepository } from './calendar';
import { WorkRepository } from './work';
import { IndicatorsRepository, ReportFactsRepository, ReportsRepository } from './reports';
import { PlanImportRepository, PlansRepository } from './plans';
import { NotificationsRepository } from './notifications';
import { ObligationsRepository } from './obligations';
import { UsersRepository } from './users';
import { DatabaseHealth } from './health';
import { LoginThrottleRepository } from './auth';

/** Every repository: the one owner of its tables (see README, "Folders"). */
const REPOSITORIES = [
  AuditRepository,
  UnitTreeRepository,
  CalendarRepository,
  PlansRepository,
  ObligationsRepository,
  ReportsRepository,
  ReportFactsRepository,
  IndicatorsRepository,
  PlanImportRepository,
  WorkRepository,
  NotificationsRepository,
  UsersRepository,
  DatabaseHealth,
  LoginThrottleRepository,
];

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfigToken],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.database), retryAttempts: 2, retryDelay: 500 }),
    }),
  ],
  providers: REPOSITORIES,
  exports: REPOSITORIES,
})
export class PersistenceModule {}
