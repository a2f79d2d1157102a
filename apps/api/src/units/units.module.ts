import { Module } from '@nestjs/common';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';
import { UnitImportService } from './import/unit-import.service';

@Module({ controllers: [UnitsController], providers: [UnitsService, UnitImportService], exports: [UnitsService] })
export class UnitsModule {}
