import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@cchc/domain';

export class MeResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: string[];
}
