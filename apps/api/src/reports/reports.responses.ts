import { ApiProperty } from '@nestjs/swagger';
import { OBLIGATION_STATUSES, PERIOD_KINDS, REVIEW_STATES, UNIT_KINDS } from '@cchc/domain';
import { JSON_OBJECT, NUMBER_MAP } from '../http/json-schema';

export class IndicatorResponse {
  @ApiProperty({ example: 'WEB_NEWS' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'tin, bài' }) unitOfMeasure: string;
  @ApiProperty({ enum: ['sum', 'max', 'avg', 'last'] }) aggregation: string;
  @ApiProperty({ enum: ['online', 'traditional', 'other'] }) category: string;
  @ApiProperty({ enum: ['integer', 'decimal'] }) valueType: string;
  @ApiProperty({ example: 2000 }) activeFromYear: number;
  @ApiProperty({ nullable: true, type: Number, example: null }) activeToYear: number | null;
}

export class ReportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) obligationId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ example: 2024 }) year: number;
  @ApiProperty({ enum: PERIOD_KINDS }) period: string;
  @ApiProperty({ example: 'Quý I' }) periodLabel: string;
  @ApiProperty({ ...JSON_OBJECT, example: { achievements: 'Đã đăng 16 tin, bài trên trang TTĐT' } })
  narrative: Record<string, unknown>;
  @ApiProperty() submissionCount: number;
  @ApiProperty({ enum: OBLIGATION_STATUSES, description: 'Status of the report obligation' }) status: string;
  @ApiProperty({ nullable: true, type: Boolean }) submittedOnTime: boolean | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ format: 'date' }) deadline: string;
  @ApiProperty({ ...NUMBER_MAP, description: 'The unit’s own values' }) values: Record<string, number>;
  @ApiProperty({ ...NUMBER_MAP, description: 'Accepted reports of the units below' })
  subtreeAccepted: Record<string, number>;
  @ApiProperty({ ...NUMBER_MAP, description: 'Submitted, not yet accepted, below (never in the totals)' })
  subtreeSubmittedOnly: Record<string, number>;
  @ApiProperty({ ...NUMBER_MAP, description: 'Own values + accepted below' }) totals: Record<string, number>;
}

export class ReportVersionResponse {
  @ApiProperty() versionNo: number;
  @ApiProperty({ ...JSON_OBJECT, description: 'Values and narrative as submitted' }) content: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty() submittedBy: string;
  @ApiProperty({ enum: ['approved', 'returned'], nullable: true, type: String }) decision: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class CompletenessResponse {
  @ApiProperty() expected: number;
  @ApiProperty() submitted: number;
  @ApiProperty() accepted: number;
  @ApiProperty() returned: number;
  @ApiProperty() missing: number;
  @ApiProperty() onTime: number;
  @ApiProperty() late: number;
  @ApiProperty() lateSubmitted: number;
  @ApiProperty() lateMissing: number;
}

export class RollupUnitResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: string;
}

export class RollupChildResponse extends RollupUnitResponse {
  @ApiProperty({ enum: OBLIGATION_STATUSES, nullable: true, type: String, description: 'Null: no report obligation' })
  status: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) submittedOnTime: boolean | null;
  @ApiProperty({ nullable: true, type: Boolean }) overdue: boolean | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) deadline: string | null;
  @ApiProperty({ ...NUMBER_MAP, description: 'Accepted totals of the child’s subtree' }) accepted: Record<
    string,
    number
  >;
}

export class RollupCompletenessResponse {
  @ApiProperty({ type: CompletenessResponse }) children: CompletenessResponse;
  @ApiProperty({ type: CompletenessResponse }) subtree: CompletenessResponse;
}

export class TargetVsActualResponse {
  @ApiProperty() indicatorCode: string;
  @ApiProperty({ enum: ['week', 'month', 'quarter', 'year'] }) basis: string;
  @ApiProperty() amountPerBasis: number;
  @ApiProperty({ description: 'Target over the period' }) target: number;
  @ApiProperty() actual: number;
  @ApiProperty({ nullable: true, type: Number, description: 'actual / target; null when the target is 0' })
  ratio: number | null;
  @ApiProperty() met: boolean;
}

export class PropagandaScoreResponse {
  @ApiProperty() targetsMet: number;
  @ApiProperty() targetsSet: number;
  @ApiProperty() hasOnline: boolean;
  @ApiProperty() hasTraditional: boolean;
  @ApiProperty() planCompletion: number;
  @ApiProperty() diversity: number;
  @ApiProperty() total: number;
  @ApiProperty({ enum: [2] }) max: number;
}

export class RollupResponse {
  @ApiProperty({ type: RollupUnitResponse }) unit: RollupUnitResponse;
  @ApiProperty() year: number;
  @ApiProperty({ enum: PERIOD_KINDS }) period: string;
  @ApiProperty({ format: 'date', description: 'The day the unit tree is read on' }) asOf: string;
  @ApiProperty({ ...NUMBER_MAP, description: 'The unit’s own accepted values' }) own: Record<string, number>;
  @ApiProperty({ ...NUMBER_MAP }) subtreeAccepted: Record<string, number>;
  @ApiProperty({ ...NUMBER_MAP }) subtreeSubmittedOnly: Record<string, number>;
  @ApiProperty({ ...NUMBER_MAP }) totalAccepted: Record<string, number>;
  @ApiProperty({ type: [RollupChildResponse] }) children: RollupChildResponse[];
  @ApiProperty({ type: RollupCompletenessResponse }) completeness: RollupCompletenessResponse;
  @ApiProperty({ type: [TargetVsActualResponse] }) targets: TargetVsActualResponse[];
  @ApiProperty({ type: PropagandaScoreResponse }) score: PropagandaScoreResponse;
}

export class ReviewLateUnitResponse {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: OBLIGATION_STATUSES }) status: string;
}

export class ReviewMissingUnitResponse {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() overdue: boolean;
}

export class ReviewPeriodResponse {
  @ApiProperty({ enum: PERIOD_KINDS }) period: string;
  @ApiProperty({ ...NUMBER_MAP }) totals: Record<string, number>;
  @ApiProperty({ ...NUMBER_MAP }) submittedNotAccepted: Record<string, number>;
  @ApiProperty({ ...NUMBER_MAP, nullable: true, description: 'Null when nothing was accepted the year before' })
  previousYearTotals: Record<string, number> | null;
  @ApiProperty({ type: CompletenessResponse }) completeness: CompletenessResponse;
  @ApiProperty({ nullable: true, type: Number, description: 'See ReviewRateResponse' }) onTimeRate: number | null;
  @ApiProperty({ type: [TargetVsActualResponse], description: 'The reviewed unit’s targets for the period' })
  targets: TargetVsActualResponse[];
  @ApiProperty({ type: PropagandaScoreResponse }) score: PropagandaScoreResponse;
  @ApiProperty({ type: [ReviewLateUnitResponse] }) late: ReviewLateUnitResponse[];
  @ApiProperty({ type: [ReviewMissingUnitResponse] }) missing: ReviewMissingUnitResponse[];
}

export class ReviewCellResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) obligationId: string | null;
  @ApiProperty({ enum: OBLIGATION_STATUSES }) status: string;
  @ApiProperty({ enum: REVIEW_STATES, description: 'The cell’s colour: on_time, late, returned, missing, not_due' })
  state: string;
  @ApiProperty({ format: 'date' }) deadline: string;
  @ApiProperty({ nullable: true, type: Boolean }) onTime: boolean | null;
  @ApiProperty() overdue: boolean;
}

export class ReviewPlanCellResponse extends ReviewCellResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The plan drafted for it' })
  planId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'First handed in (issued)' })
  firstSubmittedAt: string | null;
}

export class ReviewMatrixRowResponse {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: string;
  @ApiProperty({ description: 'Level below the reviewed unit (1 = its children)' }) depth: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentUnitId: string | null;
  @ApiProperty({ type: ReviewPlanCellResponse, nullable: true, description: 'The year’s plan owed to the parent' })
  plan: ReviewPlanCellResponse | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/ReviewCellResponse' },
    description: 'Period (Q1, H1, Q3, YEAR) → status of that report',
  })
  periods: Record<string, ReviewCellResponse>;
}

export class ReviewRateResponse {
  @ApiProperty({ type: CompletenessResponse }) completeness: CompletenessResponse;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'On time / (on time + late + overdue missing); null while nothing is due',
  })
  onTimeRate: number | null;
}

export class ReviewLevelPeriodResponse extends ReviewRateResponse {
  @ApiProperty({ enum: PERIOD_KINDS }) period: string;
}

export class ReviewLevelResponse {
  @ApiProperty({ description: 'Level below the reviewed unit (1 = its children)' }) depth: number;
  @ApiProperty() units: number;
  @ApiProperty({ type: CompletenessResponse }) plans: CompletenessResponse;
  @ApiProperty({ nullable: true, type: Number }) plansOnTimeRate: number | null;
  @ApiProperty({ type: [ReviewLevelPeriodResponse] }) reports: ReviewLevelPeriodResponse[];
}

export class ReviewResponse {
  @ApiProperty({ format: 'uuid' }) rootUnitId: string;
  @ApiProperty({ type: RollupUnitResponse }) root: RollupUnitResponse;
  @ApiProperty() year: number;
  @ApiProperty({ type: ReviewRateResponse, description: 'Plans issued by the units below (on time, late, missing)' })
  plans: ReviewRateResponse;
  @ApiProperty({ type: [ReviewPeriodResponse] }) periods: ReviewPeriodResponse[];
  @ApiProperty({ type: [ReviewLevelResponse] }) levels: ReviewLevelResponse[];
  @ApiProperty({ type: [ReviewMatrixRowResponse] }) matrix: ReviewMatrixRowResponse[];
}
