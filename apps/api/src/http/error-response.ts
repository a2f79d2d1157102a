import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one error shape every endpoint answers with. */
export class ErrorResponse {
  @ApiProperty({ example: 404 }) statusCode: number;
  @ApiProperty({ example: 'unit.not_found', description: 'Stable, machine-readable code' }) code: string;
  @ApiProperty({ example: 'Không tìm thấy đơn vị' }) message: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'Present on 500s: quote it to the operators' }) errorId?: string;
}
