import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';
import { UuidPipe } from '../http/uuid.pipe';
import { ExtendDeadlineDto, ObligationQuery } from './obligations.dto';
import { ObligationsService } from './obligations.service';

@ApiTags('obligations')
@ApiBearerAuth()
@Controller()
export class ObligationsController {
  constructor(private readonly obligations: ObligationsService) {}

  @Get('obligations/incoming')
  incoming(@CurrentActor() actor: Actor, @Query() q: ObligationQuery) {
    return this.obligations.incoming(actor, q);
  }

  @Get('obligations/outgoing')
  outgoing(@CurrentActor() actor: Actor, @Query() q: ObligationQuery) {
    return this.obligations.outgoing(actor, q);
  }

  @Get('inbox')
  inbox(@CurrentActor() actor: Actor) {
    return this.obligations.inbox(actor);
  }

  @Get('obligations/:id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.obligations.get(actor, id);
  }

  @Post('obligations/:id/extend')
  @HttpCode(200)
  extend(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ExtendDeadlineDto) {
    return this.obligations.extend(actor, id, dto.deadline, dto.reason);
  }
}
