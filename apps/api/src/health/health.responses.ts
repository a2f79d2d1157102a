import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status: string;
}

export class DependencyCheckResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status: string;
  @ApiProperty({ example: 3 }) latencyMs: number;
  @ApiPropertyOptional({ example: 'timed out after 3000 ms' }) error?: string;
}

export class ReadinessChecksResponse {
  @ApiProperty({ type: DependencyCheckResponse }) postgres: DependencyCheckResponse;
  @ApiProperty({ type: DependencyCheckResponse }) temporal: DependencyCheckResponse;
  @ApiProperty({ type: DependencyCheckResponse, description: 'a worker polled the task queue lately' })
  worker: DependencyCheckResponse;
}

export class ReadinessResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status: string;
  @ApiProperty({ type: ReadinessChecksResponse }) checks: ReadinessChecksResponse;
}
