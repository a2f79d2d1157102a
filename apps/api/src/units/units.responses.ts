import { ApiProperty } from '@nestjs/swagger';
import { UnitResponse } from './units.dto';

export class UnitCountResponse {
  @ApiProperty({ example: 42 }) count: number;
}

export class UnitMergeResponse {
  @ApiProperty({ type: UnitResponse, description: 'The unit the sources were merged into' }) into: UnitResponse;
  @ApiProperty({ type: [String], description: 'The units that ceased to exist' }) merged: string[];
}

export class UnitLinkResponse {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Null: a top-level unit' })
  parentId: string | null;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Exclusive; null: still valid' })
  validTo: string | null;
}

export class UnitPredecessorResponse extends UnitResponse {
  @ApiProperty({ format: 'date', description: 'Day it was merged into this unit (or into one of its predecessors)' })
  mergedOn: string;
}

export class UnitHistoryResponse {
  @ApiProperty({ type: UnitResponse }) unit: UnitResponse;
  @ApiProperty({ type: [UnitLinkResponse], description: 'Every dated parent link' }) links: UnitLinkResponse[];
  @ApiProperty({ type: [UnitPredecessorResponse], description: 'Units merged into this one' })
  predecessors: UnitPredecessorResponse[];
}

export class UnitImportSummaryResponse {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty() rows: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() moved: number;
  @ApiProperty() unchanged: number;
}
