import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PERIOD_KINDS } from '@cchc/domain';
import { ANY_JSON, JSON_OBJECT } from '../http/json-schema';
import { ScopeDto, SectionsDto, SignerDto, TargetDto } from './plans.dto';

const PLAN_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'issued'] as const;

export class YearRelativeDayResponse {
  @ApiProperty({ enum: [-1, 0, 1], example: 0 }) yearOffset: number;
  @ApiProperty({ example: 3 }) month: number;
  @ApiProperty({ example: 14 }) day: number;
}

export class ReportPeriodRuleResponse {
  @ApiProperty({ enum: PERIOD_KINDS }) period: string;
  @ApiProperty({ example: 3 }) dueMonth: number;
  @ApiProperty({ example: 10 }) dueDay: number;
  @ApiPropertyOptional({ example: 0, description: 'Due in year Y + this' }) dueYearOffset?: number;
  @ApiProperty({ type: YearRelativeDayResponse }) cutoffFrom: YearRelativeDayResponse;
  @ApiProperty({ type: YearRelativeDayResponse }) cutoffTo: YearRelativeDayResponse;
}

export class ReminderPolicyResponse {
  @ApiProperty({ type: [Number], example: [7, 3, 1] }) daysBefore: number[];
  @ApiProperty() onTheDay: boolean;
  @ApiProperty({ example: 3 }) overdueEveryDays: number;
  @ApiProperty({ example: 30 }) overdueForDays: number;
  @ApiProperty({ example: '08:00' }) sendAtLocalTime: string;
  @ApiProperty() workingDaysOnly: boolean;
}

export class PlanResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 2024 }) year: number;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The obligation this plan answers (null for a top-level plan)',
  })
  obligationId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentPlanId: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 163 }) number: number | null;
  @ApiProperty({ nullable: true, type: String, example: '163/KH-UBND' }) symbol: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) issuePlace: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) issueDate: string | null;
  @ApiProperty({ nullable: true, type: SignerDto }) signer: SignerDto | null;
  @ApiProperty({ type: [String] }) recipients: string[];
  @ApiProperty({ nullable: true, type: String }) parentPlanRef: string | null;
  @ApiProperty({ type: SectionsDto }) sections: SectionsDto;
  @ApiProperty({ type: [TargetDto] }) targets: TargetDto[];
  @ApiProperty({ format: 'date' }) childDeadline: string;
  @ApiProperty({ type: [ReportPeriodRuleResponse] }) reportSchedule: ReportPeriodRuleResponse[];
  @ApiProperty({ type: ReminderPolicyResponse }) reminderPolicy: ReminderPolicyResponse;
  @ApiProperty({ type: ScopeDto }) scope: ScopeDto;
  @ApiProperty({
    enum: [...PLAN_STATUSES, 'issuing'],
    description: '`issuing`: answered by POST /plans/{id}/issue while the cascade starts',
  })
  status: string;
  @ApiProperty({ example: 0 }) submissionCount: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) issuedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PlanVersionResponse {
  @ApiProperty({ example: 1 }) versionNo: number;
  @ApiProperty({ ...JSON_OBJECT, description: 'The plan as submitted' }) content: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ example: 'user:…' }) submittedBy: string;
  @ApiProperty({ enum: ['approved', 'returned'], nullable: true, type: String }) decision: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class ContentChangeResponse {
  @ApiProperty({ example: 'targets[0].amount' }) path: string;
  @ApiProperty({ ...ANY_JSON }) before: unknown;
  @ApiProperty({ ...ANY_JSON }) after: unknown;
}

export class PlanDiffResponse {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty({ type: [ContentChangeResponse] }) changes: ContentChangeResponse[];
}
