import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';
import { Actor, CurrentActor } from '../auth/actor';
import { UuidPipe } from '../http/uuid.pipe';
import { ExtendDeadlineDto, ObligationQuery } from './obligations.dto';
import { ObligationsService } from './obligations.service';
import { InboxItemResponse, ObligationDetailResponse, ObligationResponse } from './obligations.responses';

@ApiTags('obligations')
@ApiBearerAuth()
@Controller()
export class ObligationsController {
  constructor(private readonly obligations: ObligationsService) {}

  @Get('obligations/incoming')
  @ApiOkResponse({ type: [ObligationResponse], description: 'What the unit owes its parent' })
  @ApiErrors(400, 401, 403, 404)
  incoming(@CurrentActor() actor: Actor, @Query() q: ObligationQuery) {
    return this.obligations.incoming(actor, q);
  }

  @Get('obligations/outgoing')
  @ApiOkResponse({ type: [ObligationResponse], description: 'What the unit’s children owe it' })
  @ApiErrors(400, 401, 403, 404)
  outgoing(@CurrentActor() actor: Actor, @Query() q: ObligationQuery) {
    return this.obligations.outgoing(actor, q);
  }

  @Get('inbox')
  @ApiOkResponse({ type: [InboxItemResponse], description: 'Submissions waiting for the approver’s decision' })
  @ApiErrors(401)
  inbox(@CurrentActor() actor: Actor) {
    return this.obligations.inbox(actor);
  }

  @Get('obligations/:id')
  @ApiOkResponse({ type: ObligationDetailResponse })
  @ApiErrors(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.obligations.get(actor, id);
  }

  @Post('obligations/:id/extend')
  @HttpCode(200)
  @ApiOkResponse({ type: ObligationDetailResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  extend(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ExtendDeadlineDto) {
    return this.obligations.extend(actor, id, dto.deadline, dto.reason);
  }
}
