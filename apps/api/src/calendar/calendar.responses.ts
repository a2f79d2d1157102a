import { ApiProperty } from '@nestjs/swagger';

export class CalendarDayResponse {
  @ApiProperty({ format: 'date', example: '2026-02-16' }) date: string;
  @ApiProperty({ example: 'Tết Nguyên đán' }) name: string;
}

export class DeadlineExampleResponse {
  @ApiProperty({ format: 'date' }) nominal: string;
  @ApiProperty({ format: 'date', description: 'Shifted to the next working day' }) effective: string;
  @ApiProperty({ description: 'The shift rests on a provisional (not yet confirmed) year' }) provisional: boolean;
  @ApiProperty() note: string;
}

export class CalendarYearResponse {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({
    enum: ['confirmed', 'default', 'provisional'],
    description: 'confirmed by an admin; default: built in; provisional: computed, not yet confirmed',
  })
  source: string;
  @ApiProperty() provisional: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'The government announcement the days off follow' })
  announcement: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) confirmedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) confirmedBy: string | null;
  @ApiProperty({ type: [CalendarDayResponse] }) holidays: CalendarDayResponse[];
  @ApiProperty({ type: [CalendarDayResponse] }) workingWeekends: CalendarDayResponse[];
  @ApiProperty({ type: DeadlineExampleResponse }) example: DeadlineExampleResponse;
}

export class CalendarYearSavedResponse extends CalendarYearResponse {
  @ApiProperty({ description: 'Open deadlines the change moved' }) movedDeadlines: number;
}
