import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, AppConfigToken } from '@cchc/config';
import { dataSourceOptions } from './data-source';
import { AuditService } from './audit.service';
import { UnitTreeRepository } from './units';
import { CalendarRepository } from './calendar';
import { WorkRepository } from './work';
import { ReportFactsRepository } from './reports';
import { PlanImportRepository, PlansRepository } from './plans';
import { ObligationsRepository } from './obligations';

/** Every repository: the one owner of its tables (see README, "Folders"). */
const REPOSITORIES = [
  AuditService,
  UnitTreeRepository,
  CalendarRepository,
  PlansRepository,
  ObligationsRepository,
  ReportFactsRepository,
  PlanImportRepository,
  WorkRepository,
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
