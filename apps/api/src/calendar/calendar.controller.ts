import { Body, Controller, Get, Injectable, Logger, Module, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';
import { CalendarYearResponse, CalendarYearSavedResponse } from './calendar.responses';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Clock } from '@cchc/config';
import { invalid, resolveDeadline, shiftDeadline, toDateParts, WorkingCalendar } from '@cchc/domain';
import { AuditRepository, CalendarRepository } from '@cchc/persistence';
import { AccessService } from '../access/access.service';
import { Actor, actorRef, CurrentActor } from '../auth/actor';
import { IsLocalDate } from '../http/common.dto';
import { ObligationCommands } from '../obligations/obligation-commands.service';
import { ObligationsModule } from '../obligations/obligations.module';
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

  @ApiPropertyOptional({ example: 'Thông báo số 6150/TB-BNV ngày 24/10/2025 của Bộ Nội vụ' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  announcement?: string;
}

const RESHIFT_CONCURRENCY = 16;

/**
 * The working calendar (holidays, swapped working Saturdays) per year: read by anyone, confirmed by a top-level
 * admin. A year nobody confirmed is provisional (computed from the Labour Code and the lunar calendar); confirming
 * or editing a year re-shifts the open deadlines it moves, through their obligation workflows.
 */
@Injectable()
export class CalendarService {
  private readonly logger = new Logger(CalendarService.name);

  constructor(
    private readonly calendar: CalendarRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly commands: ObligationCommands,
    private readonly clock: Clock,
  ) {}

  async get(year: number) {
    const y = await this.calendar.year(year);
    const cal = await this.calendar.calendar();
    const example = resolveDeadline(`${year}-01-31` as never, cal);
    return {
      year,
      source: y.source,
      provisional: y.source === 'provisional',
      announcement: y.announcement,
      confirmedAt: y.confirmedAt,
      confirmedBy: y.confirmedBy,
      holidays: y.holidays,
      workingWeekends: y.workingWeekends,
      example: {
        nominal: example.nominal,
        effective: example.effective,
        provisional: example.provisional,
        note: 'Hạn 31/01 sau khi lùi theo Điều 148 Bộ luật Dân sự',
      },
    };
  }

  async put(actor: Actor, year: number, dto: CalendarYearDto) {
    await this.access.authorizeNational(actor, 'calendar.manage');
    if (year < 2000 || year > 2100) throw invalid('calendar.year_out_of_range', `Năm ${year} nằm ngoài 2000–2100`);
    for (const e of [...dto.holidays, ...dto.workingWeekends]) {
      if (toDateParts(e.date as never).year !== year)
        throw invalid('calendar.date_outside_year', `Ngày ${e.date} không thuộc năm ${year}`);
    }
    const before = await this.get(year);
    await this.calendar.saveYear(
      { year, holidays: dto.holidays as never, workingWeekends: dto.workingWeekends as never },
      actorRef(actor),
      dto.announcement ?? null,
    );
    await this.audit.record({
      actor: actorRef(actor),
      action: 'calendar.confirmed',
      entityType: 'calendar',
      entityId: String(year),
      unitId: actor.unitId,
      before: { source: before.source, holidays: before.holidays, workingWeekends: before.workingWeekends },
      after: { holidays: dto.holidays, workingWeekends: dto.workingWeekends, announcement: dto.announcement ?? null },
      requestId: actor.requestId,
    });
    const movedDeadlines = await this.reshiftOpenDeadlines(actor, year, await this.calendar.calendar());
    return { ...(await this.get(year)), movedDeadlines };
  }

  /**
   * Every open obligation whose shifted deadline the change moves gets the new date through its workflow (which
   * re-plans its timer and reminders, records and audits the change and tells the unit). A deadline of late
   * December can shift into `year`, so the search starts a month early.
   */
  private async reshiftOpenDeadlines(actor: Actor, year: number, after: WorkingCalendar) {
    const open = await this.calendar.openDeadlines(`${year - 1}-12-01`, `${year}-12-31`, this.clock.now());
    const toMove = open.filter((o) => shiftDeadline(o.nominal as never, after) !== o.effective);
    let moved = 0;
    const reshift = async (o: (typeof toMove)[number]) => {
      try {
        const state = await this.commands.extendDeadline(o.workflowId, {
          nominal: o.nominal,
          calendar: true,
          actor: actorRef(actor),
          reason: `Lịch làm việc năm ${year} được xác nhận`,
          requestId: actor.requestId,
        });
        if (state.deadline.effective !== o.effective) moved++;
      } catch (e) {
        // One closed or busy obligation does not undo the confirmation; it keeps its deadline and is logged.
        this.logger.warn(`calendar ${year}: obligation ${o.id} not re-shifted: ${(e as Error).message}`);
      }
    };
    // A province confirming Tết can move thousands of deadlines: a few Updates in flight at a time.
    for (let i = 0; i < toMove.length; i += RESHIFT_CONCURRENCY)
      await Promise.all(toMove.slice(i, i + RESHIFT_CONCURRENCY).map(reshift));
    return moved;
  }
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly service: CalendarService) {}

  @Get(':year')
  @ApiYearParam()
  @ApiOkResponse({ type: CalendarYearResponse })
  @ApiErrors(400, 401)
  get(@YearParam() year: number) {
    return this.service.get(year);
  }

  @Put(':year')
  @ApiYearParam()
  @ApiOkResponse({ type: CalendarYearSavedResponse })
  @ApiErrors(400, 401, 403)
  put(@YearParam() year: number, @Body() dto: CalendarYearDto, @CurrentActor() actor: Actor) {
    return this.service.put(actor, year, dto);
  }
}

@Module({ imports: [ObligationsModule], controllers: [CalendarController], providers: [CalendarService] })
export class CalendarModule {}
