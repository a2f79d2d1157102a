import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';
import { AuditPageResponse } from './audit.responses';
import { Actor, CurrentActor } from '../auth/actor';
import { AuditQuery, AuditQueryService } from './audit.service';
import { RateLimit } from '../http/rate-limit';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @RateLimit('expensive')
  @Get()
  @ApiOkResponse({ type: AuditPageResponse, description: 'Entries of units the caller may read, newest first' })
  @ApiErrors(400, 401, 403, 404)
  list(@CurrentActor() actor: Actor, @Query() q: AuditQuery) {
    return this.audit.list(actor, q);
  }
}
