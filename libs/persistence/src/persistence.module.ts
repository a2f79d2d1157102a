import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, AppConfigToken } from '@cchc/config';
import { dataSourceOptions } from './data-source';
import { AuditService } from './audit.service';
import { UnitTreeRepository } from './units';
import { CalendarRepository } from './calendar';
import { WorkRepository } from './work';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfigToken],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.database), retryAttempts: 2, retryDelay: 500 }),
    }),
  ],
  providers: [AuditService, UnitTreeRepository, CalendarRepository, WorkRepository],
  exports: [AuditService, UnitTreeRepository, CalendarRepository, WorkRepository],
})
export class PersistenceModule {}
