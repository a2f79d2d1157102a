import { Body, Controller, Get, Injectable, Module, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { forbidden, resolveDeadline, toDateParts, invalid } from '@cchc/domain';
import { AuditService, CalendarRepository, UnitTreeRepository } from '@cchc/persistence';
import { today } from '../access/access.service';
import { Actor, actorRef, CurrentActor } from '../auth/actor';
import { IsLocalDate } from '../http/common.dto';
import { ApiYearParam, YearParam } from '../http/year-param';

export class CalendarEntryDto {
  @ApiProperty({ example: '2026-02-16' }) @IsLocalDate() date: string;
  @ApiProperty({ example: 'Tết Nguyên đán' }) @IsString() @MinLength(2) @MaxLength(200) name: string;
}

export class CalendarYearDto {
  @ApiProperty({ type: [CalendarEntryDto], description: 'Days off, every day of an announced break included' })
  @IsArray()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => CalendarEntryDto)
  holidays: CalendarEntryDto[];

  @ApiProperty({ type: [CalendarEntryDto], description: 'Weekend days worked in exchange (làm bù)' })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CalendarEntryDto)
  workingWeekends: CalendarEntryDto[];
}

/** The working calendar (holidays, swapped working Saturdays) per year: read by anyone, edited by a top-level admin. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly calendar: CalendarRepository,
    private readonly tree: UnitTreeRepository,
    private readonly audit: AuditService,
  ) {}

  async get(year: number) {
    const years = await this.calendar.years();
    const y = years.find((c) => c.year === year);
    const cal = await this.calendar.calendar();
    const example = resolveDeadline(`${year}-01-31` as never, cal);
    return {
      year,
      source: y?.source ?? 'fixed_dates_only',
      holidays: y?.holidays ?? [],
      workingWeekends: y?.workingWeekends ?? [],
      example: {
        nominal: example.nominal,
        effective: example.effective,
        note: 'Hạn 31/01 sau khi lùi theo Điều 148 Bộ luật Dân sự',
      },
    };
  }

  async put(actor: Actor, year: number, dto: CalendarYearDto) {
    if (!actor.roles.includes('admin'))
      throw forbidden('access.forbidden', 'Chỉ quản trị viên mới được sửa lịch làm việc');
    const own = await this.tree.requireUnit(actor.unitId, today());
    if (own.parentId !== null)
      throw forbidden('calendar.admin_of_root_only', 'Chỉ quản trị viên cấp cao nhất mới được sửa lịch làm việc');
    for (const e of [...dto.holidays, ...dto.workingWeekends]) {
      if (toDateParts(e.date as never).year !== year)
        throw invalid('calendar.date_outside_year', `Ngày ${e.date} không thuộc năm ${year}`);
    }
    const before = await this.get(year);
    await this.calendar.saveYear(
      { year, holidays: dto.holidays as never, workingWeekends: dto.workingWeekends as never },
      actorRef(actor),
    );
    await this.audit.record({
      actor: actorRef(actor),
      action: 'calendar.updated',
      entityType: 'calendar',
      entityId: String(year),
      unitId: actor.unitId,
      before: { holidays: before.holidays, workingWeekends: before.workingWeekends },
      after: { holidays: dto.holidays, workingWeekends: dto.workingWeekends },
      requestId: actor.requestId,
    });
    return this.get(year);
  }
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly service: CalendarService) {}

  @Get(':year')
  @ApiYearParam()
  get(@YearParam() year: number) {
    return this.service.get(year);
  }

  @Put(':year')
  @ApiYearParam()
  put(@YearParam() year: number, @Body() dto: CalendarYearDto, @CurrentActor() actor: Actor) {
    return this.service.put(actor, year, dto);
  }
}

@Module({ controllers: [CalendarController], providers: [CalendarService] })
export class CalendarModule {}
