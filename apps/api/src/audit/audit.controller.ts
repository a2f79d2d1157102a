import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';
import { AuditQuery, AuditQueryService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: AuditQuery) {
    return this.audit.list(actor, q);
  }
}
