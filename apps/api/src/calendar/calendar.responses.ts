import { ApiProperty } from '@nestjs/swagger';

export class CalendarDayResponse {
  @ApiProperty({ format: 'date', example: '2026-02-16' }) date: string;
  @ApiProperty({ example: 'Tết Nguyên đán' }) name: string;
}

export class DeadlineExampleResponse {
  @ApiProperty({ format: 'date' }) nominal: string;
  @ApiProperty({ format: 'date', description: 'Shifted to the next working day' }) effective: string;
  @ApiProperty() note: string;
}

export class CalendarYearResponse {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({
    enum: ['database', 'default', 'fixed_dates_only'],
    description: 'Where the year’s days off come from (fixed_dates_only: no list for the year, fixed holidays only)',
  })
  source: string;
  @ApiProperty({ type: [CalendarDayResponse] }) holidays: CalendarDayResponse[];
  @ApiProperty({ type: [CalendarDayResponse] }) workingWeekends: CalendarDayResponse[];
  @ApiProperty({ type: DeadlineExampleResponse }) example: DeadlineExampleResponse;
}
